namespace WebHookPanel.Requests;

/// <summary>The part of a URI in which a piece of a URI template sits.</summary>
public enum UriTemplatePlace
{
    Scheme,
    UserInfo,
    Host,
    Port,
    Path,
    Query,
    Fragment,
}
