using WebHookPanel.Events;
using WebHookPanel.Requests;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Requests;

/// <summary>Helpers shared by the request builder tests.</summary>
internal static class RequestTestHelpers
{
    /// <summary>Builds the request and asserts that building succeeded.</summary>
    public static BuiltRequest BuildRequest(this RequestBuilder builder, WebHookDefinition hook, WebHookEvent evt)
    {
        var result = builder.Build(hook, evt);
        Assert.True(result.Succeeded, result.Error);

        return result.Request;
    }
}
