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

    public async Task AddRowAsync(string kind, int index, string key, string source, string value)
    {
        await Page.GetByTestId($"add-{kind}").ClickAsync();
        await Input($"{kind}-{index}-key").FillAsync(key);
        if (source != "Fixed value")
        {
            await Page.GetByTestId($"{kind}-{index}-source").ClickAsync();
            await Page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = source, Exact = true })
                .ClickAsync();

            // The value box is replaced by an attribute box once the server has the new source; typing before
            // that would go into the box that is about to go.
            await Page.GetByTestId($"{kind}-{index}-value").Locator("input[list]").WaitForAsync();
        }

        await Input($"{kind}-{index}-value").FillAsync(value);
    }

    /// <summary>The names the browser offers for a row's value, from the datalist its input names.</summary>
    public async Task<IReadOnlyList<string>> OfferedAttributesAsync(string kind, int index)
    {
        var list = await Input($"{kind}-{index}-value").GetAttributeAsync("list");

        return await Page.Locator($"datalist#{list} option").EvaluateAllAsync<string[]>("o => o.map(x => x.value)");
    }

    public Task SaveAsync() => Page.GetByTestId("save").ClickAsync();

    private ILocator Input(string testId) => Page.GetByTestId(testId).Locator("input").First;
}
