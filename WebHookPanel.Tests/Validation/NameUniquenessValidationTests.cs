using FluentValidation;
using WebHookPanel.Validation;
using static WebHookPanel.Tests.Support.TestData;

namespace WebHookPanel.Tests.Validation;

/// <summary>The asynchronous check that no other webhook already uses the name.</summary>
public sealed class NameUniquenessValidationTests
{
    [Fact]
    public void Validate_WithNameCheck_StillRunsSynchronously()
    {
        var validator = new WebHookDefinitionValidator(new FakeNameCheck("Test hook"));

        var result = validator.Validate(Hook());

        Assert.True(result.IsValid);
    }

    [Fact]
    public async Task ValidateAsync_TakenName_FailsAtName()
    {
        var check = new FakeNameCheck("Test hook");
        var validator = new WebHookDefinitionValidator(check);
        var hook = Hook();
        hook.Name = "  Test hook ";

        var result = await validator.ValidateAsync(hook, TestContext.Current.CancellationToken);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Name", error.PropertyName);
        Assert.Contains("already used by another webhook", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(("Test hook", null), check.Calls.Single());
    }

    [Fact]
    public async Task ValidateAsync_ExceptId_IsPassedToTheCheck()
    {
        var check = new FakeNameCheck();
        var validator = new WebHookDefinitionValidator(check);

        var result = await validator.ValidateAsync(Hook(), 7, TestContext.Current.CancellationToken);

        Assert.True(result.IsValid);
        Assert.Equal(("Test hook", 7), check.Calls.Single());
    }

    [Fact]
    public async Task ValidateAsync_InvalidName_SkipsTheCheck()
    {
        var check = new FakeNameCheck();
        var validator = new WebHookDefinitionValidator(check);
        var hook = Hook();
        hook.Name = "";

        await validator.ValidateAsync(hook, TestContext.Current.CancellationToken);

        Assert.Empty(check.Calls);
    }

    [Fact]
    public async Task ValidateAsync_OtherPropertySelected_SkipsTheCheck()
    {
        var check = new FakeNameCheck("Test hook");
        var validator = new WebHookDefinitionValidator(check);
        var hook = Hook();
        hook.Headers.Add(Fixed("X A", "1"));

        var result = await validator.ValidateAsync(
            hook,
            o => o.IncludeProperties("Headers[0].Key"),
            TestContext.Current.CancellationToken);

        Assert.Equal(["Headers[0].Key"], result.Errors.Select(e => e.PropertyName));
        Assert.Empty(check.Calls);
    }

    [Fact]
    public async Task ValidateAndThrowAsync_TakenName_Throws()
    {
        var validator = new WebHookDefinitionValidator(new FakeNameCheck("Test hook"));

        var thrown = await Assert.ThrowsAsync<ValidationException>(
            () => validator.ValidateAndThrowAsync(Hook(), TestContext.Current.CancellationToken));

        Assert.Equal("Name", Assert.Single(thrown.Errors).PropertyName);
    }

    private sealed class FakeNameCheck(params string[] taken) : IWebHookNameCheck
    {
        public List<(string Name, int? ExceptId)> Calls { get; } = [];

        public Task<bool> IsTakenAsync(string name, int? exceptId, CancellationToken ct)
        {
            Calls.Add((name, exceptId));

            return Task.FromResult(taken.Contains(name, StringComparer.OrdinalIgnoreCase));
        }
    }
}
