namespace WebHookPanel.Tests.Cases;

/// <summary>The shape of <c>Cases/preview.json</c>.</summary>
public sealed record PreviewCaseFile(string? About, IReadOnlyList<PreviewCase> Cases);
