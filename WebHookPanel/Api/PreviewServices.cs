using WebHookPanel.Requests;
using WebHookPanel.Secrets;
using WebHookPanel.Signing;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Api;

/// <summary>What <c>POST /api/webhooks/preview</c> builds with, taken from the container as one parameter.</summary>
public readonly record struct PreviewServices(
    WebHookCommands Commands,
    WebHookStore Store,
    DefinitionSecrets Secrets,
    SecretAccess Access,
    RequestBuilder Builder,
    RequestSigner Signer,
    CurlFormatter Curl);
