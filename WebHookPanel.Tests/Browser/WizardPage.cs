using Microsoft.Playwright;

namespace WebHookPanel.Tests.Browser;

/// <summary>The Create New WebHook wizard as a person uses it: by labels, buttons and visible text.</summary>
public sealed class WizardPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator TemplateCurl => Page.GetByTestId("curl-template");

    public Task FillNameAsync(string name) => Input("name").FillAsync(name);

    public Task FillUriAsync(string uri) => Input("uri").FillAsync(uri);

    public Task ValidateParametersAsync() =>
        Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Validate parameters" }).ClickAsync();

    public Task FillLabelAsync(string parameter, string label) =>
        Page.GetByTestId($"uri-parameter-{parameter}").GetByLabel($"Label of {parameter}").FillAsync(label);

    public Task NextAsync() => Page.GetByTestId("next").ClickAsync();

    public async Task AddRowAsync(string kind, int index, string key, string source, string? value)
    {
        await Page.GetByTestId($"add-{kind}").ClickAsync();
        await Input($"{kind}-{index}-key").FillAsync(key);
        if (source != "Fixed value")
        {
            await Page.GetByTestId($"{kind}-{index}-source").ClickAsync();
            await Page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = source, Exact = true })
                .ClickAsync();
        }

        if (value is not null)
        {
            await Input($"{kind}-{index}-value").FillAsync(value);
            await Page.Keyboard.PressAsync("Tab");
        }
    }

    /// <summary>Types the start of an attribute name and picks the attribute from the offered list.</summary>
    public async Task ChooseAttributeAsync(string kind, int index, string typed, string attribute)
    {
        var input = Input($"{kind}-{index}-value");
        await input.ClickAsync();
        await input.PressSequentiallyAsync(typed);
        await Page.Locator(".mud-popover-open")
            .GetByText(attribute, new LocatorGetByTextOptions { Exact = true })
            .ClickAsync();
    }

    public Task SaveAsync() => Page.GetByTestId("save").ClickAsync();

    private ILocator Input(string testId) => Page.GetByTestId(testId).Locator("input").First;
}
