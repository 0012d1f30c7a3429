namespace WebHookPanel.Api;

/// <summary>How many dead deliveries were made due again.</summary>
public sealed record ReplayDeadResponse(int Replayed);
