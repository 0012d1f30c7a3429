using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using WebHookPanel.Accounts;
using WebHookPanel.Components.Pages.Account;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.Tests.Support;

namespace WebHookPanel.Tests.Accounts;

public sealed class LoginTests(PanelFactory panel) : IClassFixture<PanelFactory>
{
    private const string AuthCookie = ".AspNetCore.Identity.Application";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_RightPassword_GoesToReturnUrlSignedIn()
    {
        using var client = new FormClient(panel);

        using var response = await client.SignInAsync(
            PanelFactory.AdminEmail,
            PanelFactory.AdminPassword,
            "/webhooks");
        var page = await client.GetPageAsync("/webhooks");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/webhooks", FormClient.LocationOf(response));
        Assert.Contains(PanelFactory.AdminEmail, page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PanelFactory.AdminEmail, "not the password")]
    [InlineData("nobody@panel.test", PanelFactory.AdminPassword)]
    [InlineData("", "")]
    public async Task SignIn_WrongPasswordOrUnknownEmail_ShowsOneMessageAndStaysAnonymous(
        string email,
        string password)
    {
        using var client = new FormClient(panel);

        using var response = await client.SignInAsync(email, password, "/webhooks");
        var page = await response.Content.ReadAsStringAsync(Cancellation);
        using var after = await client.GetAsync("/webhooks");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Login.InvalidCredentials, page, StringComparison.Ordinal);
        Assert.False(SetsCookie(response, AuthCookie));
        Assert.Equal(HttpStatusCode.Found, after.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example/phish")]
    public async Task SignIn_ReturnUrlOfAnotherSite_GoesToThePanelHome(string returnUrl)
    {
        using var client = new FormClient(panel);

        using var response = await client.SignInAsync(
            PanelFactory.AdminEmail,
            PanelFactory.AdminPassword,
            returnUrl);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/", FormClient.LocationOf(response));
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_Answers400AndSignsNobodyIn()
    {
        using var client = new FormClient(panel);
        var fields = await client.HiddenFieldsAsync(AccountPaths.Login, "login-form");
        fields.Remove("__RequestVerificationToken");
        fields["Input.Email"] = PanelFactory.AdminEmail;
        fields["Input.Password"] = PanelFactory.AdminPassword;

        using var response = await client.PostFormAsync(AccountPaths.Login, fields);
        var text = await response.Content.ReadAsStringAsync(Cancellation);
        using var after = await client.GetAsync("/webhooks");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(StaleFormRefusal.Message, text);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.False(SetsCookie(response, AuthCookie));
        Assert.Equal(HttpStatusCode.Found, after.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("no-such-form")]
    public async Task SignIn_FormNameMissingOrUnknown_Answers400WithThePlainMessage(string? handler)
    {
        using var client = new FormClient(panel);
        var fields = await client.HiddenFieldsAsync(AccountPaths.Login, "login-form");
        fields.Remove("_handler");
        if (handler is not null)
        {
            fields["_handler"] = handler;
        }

        fields["Input.Email"] = PanelFactory.AdminEmail;
        fields["Input.Password"] = PanelFactory.AdminPassword;

        using var response = await client.PostFormAsync(AccountPaths.Login, fields);
        var text = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(StaleFormRefusal.Message, text);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.False(SetsCookie(response, AuthCookie));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Cookie_Forged_IsTreatedAsAnonymous(string value)
    {
        using var client = panel.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("Cookie", $"{AuthCookie}={value}");

        using var response = await client.GetAsync("/webhooks", Cancellation);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.StartsWith(AccountPaths.Login, FormClient.LocationOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cookie_IssuedByAnotherPanel_IsTreatedAsAnonymous()
    {
        await using var other = new PanelFactory();
        using var elsewhere = new FormClient(other);
        using var signedIn = await elsewhere.SignInAsync(PanelFactory.AdminEmail, PanelFactory.AdminPassword);
        var cookie = signedIn.Headers.GetValues("Set-Cookie")
            .Single(c => c.StartsWith(AuthCookie, StringComparison.Ordinal));
        using var client = panel.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie.Split(';')[0]);

        using var response = await client.GetAsync("/webhooks", Cancellation);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.StartsWith(AccountPaths.Login, FormClient.LocationOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_WithToken_EndsTheSession()
    {
        using var client = new FormClient(panel);
        await client.SignInAsAsync(PanelRoles.Marketer);
        var fields = await client.HiddenFieldsAsync("/webhooks", "sign-out-form");

        using var response = await client.PostFormAsync(AccountPaths.Logout, fields);
        using var after = await client.GetAsync("/webhooks");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(AccountPaths.Login, FormClient.LocationOf(response));
        Assert.Equal(HttpStatusCode.Found, after.StatusCode);
        Assert.StartsWith(AccountPaths.Login, FormClient.LocationOf(after), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_CopyOfTheCookieTakenBefore_IsRefusedAtTheNextRevalidation()
    {
        await using var own = PanelFactory.With(new Dictionary<string, string?>
        {
            [$"{AccountOptions.SectionName}:{nameof(AccountOptions.RevalidationInterval)}"] = "00:00:00.001",
        });
        using var client = new FormClient(own);
        using var signedIn = await client.SignInAsync(PanelFactory.MarketerEmail, PanelFactory.MarketerPassword);
        var copy = signedIn.Headers.GetValues("Set-Cookie")
            .Single(c => c.StartsWith(AuthCookie, StringComparison.Ordinal)).Split(';')[0];
        var fields = await client.HiddenFieldsAsync("/webhooks", "sign-out-form");
        using var thief = own.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        thief.DefaultRequestHeaders.Add("Cookie", copy);
        using var before = await thief.GetAsync("/webhooks", Cancellation);

        using var signedOut = await client.PostFormAsync(AccountPaths.Logout, fields);
        using var after = await thief.GetAsync("/webhooks", Cancellation);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Found, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Found, after.StatusCode);
        Assert.StartsWith(AccountPaths.Login, FormClient.LocationOf(after), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_WithoutToken_Answers400AndKeepsTheSession()
    {
        using var client = new FormClient(panel);
        await client.SignInAsAsync(PanelRoles.Marketer);

        using var response = await client.PostFormAsync(AccountPaths.Logout, new Dictionary<string, string>());
        var text = await response.Content.ReadAsStringAsync(Cancellation);
        using var after = await client.GetAsync("/webhooks");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(StaleFormRefusal.Message, text);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksOutEvenTheRightPassword()
    {
        await using var own = new PanelFactory();
        using var client = new FormClient(own);
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await client.SignInAsync(PanelFactory.MarketerEmail, $"wrong password {i}");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var response = await client.SignInAsync(PanelFactory.MarketerEmail, PanelFactory.MarketerPassword);
        var page = await response.Content.ReadAsStringAsync(Cancellation);
        var marketer = await FindAsync(own, PanelFactory.MarketerEmail);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Login.InvalidCredentials, page, StringComparison.Ordinal);
        Assert.Equal(UserState.LockedOut, marketer.State);
        Assert.InRange(
            marketer.LockedOutUntil!.Value - DateTimeOffset.UtcNow,
            TimeSpan.FromMinutes(14),
            TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task SignIn_DisabledUser_IsRefusedWithTheSameMessage()
    {
        await using var own = new PanelFactory();
        using var client = new FormClient(own);
        await DisableAsync(own, PanelFactory.MarketerEmail);

        using var response = await client.SignInAsync(PanelFactory.MarketerEmail, PanelFactory.MarketerPassword);
        var page = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Login.InvalidCredentials, page, StringComparison.Ordinal);
        Assert.False(SetsCookie(response, AuthCookie));
    }

    [Theory]
    [InlineData("wrong password")]
    [InlineData("unknown email")]
    [InlineData("locked out")]
    [InlineData("disabled")]
    public async Task SignIn_EveryRefusal_CostsOnePasswordHashing(string refusal)
    {
        var hasher = new CountingPasswordHasher();
        await using var own = new PanelFactory();
        await using var counted = own.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IPasswordHasher<PanelUser>>(hasher)));
        using var scope = counted.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PanelUser>>();
        var marketer = await users.FindByNameAsync(PanelFactory.MarketerEmail);
        if (refusal == "locked out")
        {
            await users.SetLockoutEndDateAsync(marketer!, DateTimeOffset.UtcNow.AddMinutes(10));
        }
        else if (refusal == "disabled")
        {
            var result = await counted.Services.GetRequiredService<UserCommands>()
                .DisableAsync(TestActors.Admin, marketer!.Id, Cancellation);
            Assert.True(result.Succeeded, result.Refusal);
        }

        using var client = new FormClient(counted);
        var email = refusal == "unknown email" ? "nobody@panel.test" : PanelFactory.MarketerEmail;
        var password = refusal == "wrong password" ? "not the password" : PanelFactory.MarketerPassword;
        hasher.Reset();
        using var response = await client.SignInAsync(email, password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(SetsCookie(response, AuthCookie));
        Assert.Equal(1, hasher.Verifications);
    }

    [Theory]
    [InlineData("disable")]
    [InlineData("role")]
    [InlineData("password")]
    public async Task OpenSession_UserChangedMeanwhile_EndsAtTheNextRequest(string change)
    {
        await using var own = PanelFactory.With(new Dictionary<string, string?>
        {
            [$"{AccountOptions.SectionName}:{nameof(AccountOptions.RevalidationInterval)}"] = "00:00:00.001",
        });
        using var client = new FormClient(own);
        await client.SignInAsAsync(PanelRoles.Marketer);
        using var before = await client.GetAsync("/webhooks");

        await ChangeAsync(own, change);
        using var after = await client.GetAsync("/webhooks");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Found, after.StatusCode);
        Assert.StartsWith(AccountPaths.Login, FormClient.LocationOf(after), StringComparison.Ordinal);
    }

    private static bool SetsCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c =>
            c.StartsWith(name + "=", StringComparison.Ordinal) && !c.StartsWith(name + "=;", StringComparison.Ordinal));

    private static async Task<UserView> FindAsync(PanelFactory factory, string email)
    {
        var users = await factory.Services.GetRequiredService<UserDirectory>().ListAsync(Cancellation);

        return users.Single(u => u.Email == email);
    }

    private static async Task ChangeAsync(PanelFactory factory, string change)
    {
        var marketer = await FindAsync(factory, PanelFactory.MarketerEmail);
        var commands = factory.Services.GetRequiredService<UserCommands>();
        var result = change switch
        {
            "disable" => await commands.DisableAsync(TestActors.Admin, marketer.Id, Cancellation),
            "role" => await commands.ChangeRoleAsync(TestActors.Admin, marketer.Id, PanelRoles.Admin, Cancellation),
            _ => await commands.ResetPasswordAsync(TestActors.Admin, marketer.Id, "a new long password", Cancellation),
        };
        Assert.True(result.Succeeded, result.Refusal);
    }

    private static async Task DisableAsync(PanelFactory factory, string email)
    {
        var user = await FindAsync(factory, email);
        var result = await factory.Services.GetRequiredService<UserCommands>()
            .DisableAsync(TestActors.Admin, user.Id, Cancellation);
        Assert.True(result.Succeeded, result.Refusal);
    }
}
