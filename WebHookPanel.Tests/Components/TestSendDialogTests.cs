using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using WebHookPanel.Components.Deliveries;
using WebHookPanel.Tests.Dispatching;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.Tests.Support;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Components;

public sealed class TestSendDialogTests : PanelTestContext
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Open_HookWithParametersAndRows_OffersOneFieldPerLabelAndAttribute()
    {
        var database = await UseDispatchingAsync();
        var hook = Hook("https://receiver.example/users/{userId}?c={campaign}");
        var hookId = await database.Store.CreateAsync(hook, TestActors.Admin, WebHookStatus.Active, Cancellation);

        var provider = await OpenAsync(hookId, hook);

        provider.WaitForAssertion(() => Assert.NotNull(provider.Find("[data-testid=test-send-dialog]")));
        var labels = provider.FindAll("[data-testid=test-send-dialog] label")
            .Select(l => l.TextContent.Trim())
            .ToList();
        Assert.Equal(
            ["CRM user id {userId}", "Campaign {campaign}", "Profile attribute email", "Device attribute platform"],
            labels);
        Assert.Equal("42", provider.Find("input[data-testid='sample-Uri:userId']").GetAttribute("value"));
        Assert.Equal("none", provider.Find("input[data-testid='sample-Uri:campaign']").GetAttribute("value"));
    }

    [Fact]
    public async Task Send_ReceiverAnswers_ShowsStatusAndSendsTheTypedValues()
    {
        var database = await UseDispatchingAsync();
        await using var receiver = await RecordingReceiver.StartAsync();
        var hook = Hook(receiver.BaseUrl + "/ok/users/{userId}?c={campaign}");
        var hookId = await database.Store.CreateAsync(hook, TestActors.Admin, WebHookStatus.Active, Cancellation);
        var provider = await OpenAsync(hookId, hook);
        provider.WaitForAssertion(() => Assert.NotNull(provider.Find("[data-testid=test-send-dialog]")));

        provider.Find("input[data-testid='sample-Uri:userId']").Change("u-7");
        provider.Find("[data-testid=test-send-submit]").Click();

        provider.WaitForAssertion(() => Assert.Equal(
            "200",
            provider.Find("[data-testid=attempt-status]").TextContent.Trim()));
        Assert.Contains("received", provider.Find("[data-testid=attempt-details]").TextContent,
            StringComparison.Ordinal);
        var request = Assert.Single(receiver.Requests);
        Assert.EndsWith("/ok/users/u-7?c=none", request.Url, StringComparison.Ordinal);
    }

    private static WebHookDefinition Hook(string uri)
    {
        var hook = TestData.Hook(uri, WebHookMethod.POST);
        hook.UriParameters =
        [
            new UriParameter { Name = "userId", Label = "CRM user id" },
            new UriParameter { Name = "campaign", Label = "Campaign", Default = "none" },
        ];
        hook.Headers = [TestData.Row("X-Email", ValueSource.Profile, "email")];
        hook.Parameters = [TestData.Row("os", ValueSource.Device, "platform")];

        return hook;
    }

    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(int hookId, WebHookDefinition hook)
    {
        var provider = RenderWithPopovers<MudDialogProvider>();
        var parameters = new DialogParameters<TestSendDialog>
        {
            { d => d.WebHookId, hookId },
            { d => d.Hook, hook },
        };
        var dialogs = Services.GetRequiredService<IDialogService>();
        await provider.InvokeAsync(() => dialogs.ShowAsync<TestSendDialog>("Test send", parameters));

        return provider;
    }
}
