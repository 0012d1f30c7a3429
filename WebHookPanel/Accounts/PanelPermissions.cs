using System.Security.Claims;
using WebHookPanel.Api;

namespace WebHookPanel.Accounts;

/// <summary>
/// What an actor may do, from a signed-in person's role or an API key's scopes, so pages, component actions and
/// endpoints ask the same question the same way.
/// </summary>
public static class PanelPermissions
{
    /// <summary>Approve, reject, enable, pause, delete hooks; replay and test-send.</summary>
    public static bool IsAdmin(this ClaimsPrincipal actor) =>
        actor.IsInRole(PanelRoles.Admin) || actor.HasScope(ApiKeyDefaults.WebHooksAdminScope);

    /// <summary>Create and edit hooks (a marketer's change waits for review).</summary>
    public static bool CanAuthor(this ClaimsPrincipal actor) => actor.IsAdmin() || actor.IsInRole(PanelRoles.Marketer);

    /// <summary>See secret header values and signing secrets in clear.</summary>
    public static bool CanRevealSecrets(this ClaimsPrincipal actor) => actor.IsAdmin();

    public static bool HasScope(this ClaimsPrincipal actor, string scope) =>
        actor.HasClaim(ApiKeyDefaults.ScopeClaim, scope);

    /// <summary>
    /// The actor the audit log names for the panel's own changes, such as the dispatcher pausing a hook.
    /// </summary>
    public const string SystemActor = "system";

    /// <summary>The name the audit log records: the user name, or the API key's name.</summary>
    public static string ActorName(this ClaimsPrincipal actor) =>
        actor.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : SystemActor;
}
