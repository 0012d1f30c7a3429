namespace WebHookPanel.Dispatching;

/// <summary>
/// Thrown by the outgoing connector when every address of a host is one the panel may not reach. The handler
/// wraps it in an <see cref="HttpRequestException"/>; the sender unwraps it into a failed attempt.
/// </summary>
public sealed class AddressRefusedException(string message) : Exception(message);
