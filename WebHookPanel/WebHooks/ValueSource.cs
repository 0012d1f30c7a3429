namespace WebHookPanel.WebHooks;

/// <summary>Where a field row's value comes from when the request is built.</summary>
public enum ValueSource
{
    Fixed,
    Profile,
    Device,
    Context,
}
