using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using WebHookPanel.Components.Shared;
using WebHookPanel.Components.WebHookForm;
using WebHookPanel.Components.Pages.WebHooks;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.Tests.Support;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Benchmarks;

/// <summary>
/// A keystroke in the wizard with 20 header and 20 parameter rows, from the input event to the re-rendered
/// template cURL, through the real components and validator. Run by <c>run-benchmarks.sh</c> only.
/// </summary>
[Collection(BenchmarkCollection.Name)]
public sealed class WizardKeystrokeBenchmarks : PanelTestContext
{
    public const int RowsEach = 20;

    private static readonly BenchmarkOptions Options =
        new(Iterations: 500, Rounds: 3, WarmupIterations: 50, TargetP50Milliseconds: 1);

    [Fact(Explicit = true)]
    public async Task Keystroke_FortyRows_TemplateCurlFollows()
    {
        var database = await UseDatabaseAsync();
        var id = await database.Store.CreateAsync(
            Definition(),
            TestActors.Admin,
            WebHookStatus.Active,
            Xunit.TestContext.Current.CancellationToken);
        var editor = RenderWithPopovers<WebHookEditor>(p => p.Add(e => e.Id, id));
        editor.WaitForElement("[data-testid=next]").Click();
        editor.Find("[data-testid=next]").Click();
        var curl = editor.FindComponents<CurlSample>().Single(c => c.Instance.TestId == "curl-template");
        var headerValue = FieldOf(editor, "header-10-value");
        var parameterKey = FieldOf(editor, "parameter-19-key");
        var report = new BenchmarkReport("wizard");

        var header = await report.MeasureAsync("keystroke-header-value", Options, i => Type(headerValue, curl, i));
        var parameter = await report.MeasureAsync("keystroke-parameter-key", Options, i => Type(parameterKey, curl, i));

        var server = await MeasureServerRenderAsync(id, report);

        report.Write(
            $"wizard (server render): keystroke p50 {BenchmarkReport.Ms(server.P50Milliseconds)}, "
            + $"p99 {BenchmarkReport.Ms(server.P99Milliseconds)}");
        report.Write(
            "wizard (bUnit, markup rebuilt each render): keystroke p50 "
            + $"{BenchmarkReport.Ms(Math.Max(header.P50Milliseconds, parameter.P50Milliseconds))}, "
            + $"p99 {BenchmarkReport.Ms(Math.Max(header.P99Milliseconds, parameter.P99Milliseconds))} "
            + $"with {RowsEach} headers and {RowsEach} parameters (targets p50 <= 1 ms, p99 <= 10 ms)");
    }

    /// <summary>The same keystrokes through <see cref="ServerRenderer"/>: components and diffing, no HTML.</summary>
    private async Task<BenchmarkResult> MeasureServerRenderAsync(int id, BenchmarkReport report)
    {
        await using var renderer = new ServerRenderer(Services);
        var rootId = await renderer.RenderAsync<WebHookEditor>(
            ParameterView.FromDictionary(new Dictionary<string, object?> { ["Id"] = id }));
        var stepper = await renderer.WaitForAsync(rootId, c => c.OfType<MudStepper>().SingleOrDefault());
        await renderer.Dispatcher.InvokeAsync(() => stepper.NextStepAsync());
        await renderer.Dispatcher.InvokeAsync(() => stepper.NextStepAsync());
        var field = await renderer.WaitForAsync(
            rootId,
            c => c.OfType<WizardField>().SingleOrDefault(f => f.TestId == "header-10-value"));
        var curl = await renderer.WaitForAsync(
            rootId,
            c => c.OfType<CurlSample>().SingleOrDefault(s => s.TestId == "curl-template"));
        var input = await renderer.Dispatcher.InvokeAsync(
            () => renderer.Descendants(renderer.IdOf(field, rootId)).OfType<MudTextField<string>>().Single());

        return await report.MeasureAsync("server-keystroke-header-value", Options, async i =>
        {
            var text = $"s{i}";
            await renderer.Dispatcher.InvokeAsync(() => input.ValueChanged.InvokeAsync(text));
            if (!curl.Text.Contains(text, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The template cURL does not show '{text}'.");
            }
        });
    }

    /// <summary>
    /// The text field inside the wizard field with this test id. Keystrokes go to its <c>ValueChanged</c>, which
    /// is what the field raises for an input event: bUnit's own input event would re-parse the whole page's markup
    /// on every keystroke and measure bUnit instead of the panel.
    /// </summary>
    private static IRenderedComponent<MudTextField<string>> FieldOf(
        IRenderedComponent<WebHookEditor> editor,
        string testId) =>
        editor.FindComponents<WizardField>().Single(f => f.Instance.TestId == testId)
            .FindComponent<MudTextField<string>>();

    private static async Task Type(
        IRenderedComponent<MudTextField<string>> field,
        IRenderedComponent<CurlSample> curl,
        int i)
    {
        var text = $"v{i}";
        await field.InvokeAsync(() => field.Instance.ValueChanged.InvokeAsync(text));

        // The figure counts only if the sample really changed with this keystroke.
        if (!curl.Instance.Text.Contains(text, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The template cURL does not show '{text}'.");
        }
    }

    private static WebHookDefinition Definition() => new()
    {
        Name = "Forty rows",
        Uri = "https://crm.example.com/users/{userId}/clicks?c={campaign}",
        Method = WebHookMethod.POST,
        UriParameters =
        [
            new UriParameter { Name = "userId", Label = "User" },
            new UriParameter { Name = "campaign", Label = "Campaign" },
        ],
        Headers =
        [
            .. Enumerable.Range(0, RowsEach).Select(i => new FieldRow
            {
                Key = $"X-Header-{i}",
                Source = i % 2 == 0 ? ValueSource.Fixed : ValueSource.Profile,
                Value = i % 2 == 0 ? $"fixed-{i}" : "email",
            }),
        ],
        Parameters =
        [
            .. Enumerable.Range(0, RowsEach).Select(i => new FieldRow
            {
                Key = $"p{i}",
                Source = (ValueSource)(i % 4),
                Value = i % 4 == 0 ? $"value-{i}" : "platform",
            }),
        ],
    };
}
