namespace WebHookPanel.WebHooks;

public sealed class SigningSettings
{
    public bool Enabled { get; set; }

    public SigningSettings Clone() => new() { Enabled = Enabled };
}
