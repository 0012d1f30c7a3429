using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using WebHookPanel.Accounts;
using WebHookPanel.Tests.Infrastructure;

namespace WebHookPanel.Tests.Accounts;

/// <summary>
/// A browser without JavaScript for the account pages: keeps cookies, never follows a redirect, reads a form off a
/// page and posts it back with its hidden fields (the antiforgery token and Blazor's form name).
/// </summary>
public sealed class FormClient(WebApplicationFactory<Program> panel) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = panel.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Where a redirect points, as a path and query whether the panel wrote it absolute or not.</summary>
    public static string? LocationOf(HttpResponseMessage response) =>
        response.Headers.Location is not { } location ? null
        : location.IsAbsoluteUri ? location.PathAndQuery
        : location.OriginalString;

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(path, Token);

    public async Task<string> GetPageAsync(string path)
    {
        using var response = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        return await response.Content.ReadAsStringAsync(Token);
    }

    /// <summary>The hidden fields of the form marked <c>data-testid=<paramref name="form"/></c> on a page.</summary>
    public async Task<Dictionary<string, string>> HiddenFieldsAsync(string path, string form)
    {
        var document = await Parser.ParseDocumentAsync(await GetPageAsync(path), Token);
        var found = document.QuerySelector($"form[data-testid={form}]");
        Assert.NotNull(found);

        return found.QuerySelectorAll("input[type=hidden]")
            .ToDictionary(i => i.GetAttribute("name") ?? "", i => i.GetAttribute("value") ?? "");
    }

    public Task<HttpResponseMessage> PostFormAsync(string path, IReadOnlyDictionary<string, string> fields) =>
        Http.PostAsync(path, new FormUrlEncodedContent(fields), Token);

    /// <summary>Posts the login page's form with these credentials, as a person would.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string email, string password, string? returnUrl = null)
    {
        var path = returnUrl is null
            ? AccountPaths.Login
            : $"{AccountPaths.Login}?returnUrl={Uri.EscapeDataString(returnUrl)}";
        var fields = await HiddenFieldsAsync(path, "login-form");
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;

        return await PostFormAsync(path, fields);
    }

    /// <summary>Signs in as the test account of a role and checks that it worked.</summary>
    public async Task SignInAsAsync(string role)
    {
        var (email, password) = PanelFactory.Credentials(role);
        using var response = await SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
    }

    public void Dispose() => Http.Dispose();
}
