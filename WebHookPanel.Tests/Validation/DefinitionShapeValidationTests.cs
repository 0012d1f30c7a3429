using WebHookPanel.Validation;
using WebHookPanel.WebHooks;
using static WebHookPanel.Tests.Support.TestData;

namespace WebHookPanel.Tests.Validation;

/// <summary>Whole definitions: the design example, enum values out of range and missing (null) parts.</summary>
public sealed class DefinitionShapeValidationTests
{
    private readonly WebHookDefinitionValidator _validator = new();

    [Fact]
    public void Validate_DesignExample_IsValid()
    {
        var hook = Hook("https://crm.example.com/users/{userId}/clicks?c={campaign}", WebHookMethod.POST);
        hook.UriParameters.AddRange([Parameter("userId"), Parameter("campaign", "none")]);
        hook.Headers.AddRange(
        [
            Fixed("X-Api-Key", "s3cr3t", secret: true),
            Row("X-Email", ValueSource.Profile, "email"),
        ]);
        hook.Parameters.AddRange(
        [
            Row("platform", ValueSource.Device, "platform"),
            Row("button", ValueSource.Context, "buttonId"),
        ]);

        var result = _validator.Validate(hook);

        Assert.True(result.IsValid, string.Join(" | ", result.Errors));
    }

    [Fact]
    public void Validate_UnknownMethod_FailsAtMethod()
    {
        var hook = Hook(method: (WebHookMethod)42);

        var result = _validator.Validate(hook);

        Assert.Equal("Method", Assert.Single(result.Errors).PropertyName);
    }

    [Fact]
    public void Validate_DefinitionEnumsOutOfRange_FailAtEachField()
    {
        var hook = new WebHookResource
        {
            Name = "Test hook",
            Uri = "https://x.example.com/hook",
            Method = (WebHookMethod)99,
            BodyEncoding = (BodyEncoding)99,
            Trigger = new Trigger { Type = (TriggerType)99 },
            Status = (WebHookStatus)99,
        };

        var result = _validator.Validate(hook);

        Assert.Equal(
            ["Method", "BodyEncoding", "Trigger.Type", "Status"],
            result.Errors.Select(e => e.PropertyName));
        Assert.Equal("Status must be PendingReview, Active, Paused or Rejected.", result.Errors[3].ErrorMessage);
    }

    [Fact]
    public void Validate_ResourceWithoutStatus_IsValid()
    {
        var hook = new WebHookResource { Name = "Test hook", Uri = "https://x.example.com/hook" };

        var result = _validator.Validate(hook);

        Assert.True(result.IsValid, string.Join(" | ", result.Errors));
    }

    [Fact]
    public void Validate_NullTriggerAndCollections_ReportsInsteadOfThrowing()
    {
        var hook = Hook();
        hook.Trigger = null!;
        hook.Headers = null!;
        hook.Parameters = [null!];

        var result = _validator.Validate(hook);

        Assert.Equal(["Trigger", "Headers", "Parameters[0]"], result.Errors.Select(e => e.PropertyName));
    }

    [Fact]
    public void Validate_EveryStringNull_ReportsInsteadOfThrowing()
    {
        var hook = Hook();
        hook.Name = null!;
        hook.Uri = null!;
        hook.Signing = null!;
        hook.Trigger = new Trigger { Type = TriggerType.Event, Filter = null };
        hook.UriParameters = [new UriParameter { Name = null!, Label = null!, Default = null }];
        hook.Headers = [new FieldRow { Key = null!, Value = null! }];
        hook.Parameters = [new FieldRow { Key = null!, Value = null! }];

        var result = _validator.Validate(hook);

        Assert.Equal(
            [
                "Name", "Uri", "Trigger.Filter", "Signing", "UriParameters[0].Name", "UriParameters[0].Label",
                "Headers[0].Key", "Headers[0].Value", "Parameters[0].Key", "Parameters[0].Value",
            ],
            result.Errors.Select(e => e.PropertyName));
        Assert.Equal("Label of this parameter is required; enter what a marketer should see when filling in a "
            + "value, e.g. CRM user id.", result.Errors[5].ErrorMessage);
    }

    [Fact]
    public void Validate_NullCollections_FailAtEachList()
    {
        var hook = Hook();
        hook.UriParameters = null!;
        hook.Headers = null!;
        hook.Parameters = null!;

        var result = _validator.Validate(hook);

        Assert.Equal(["UriParameters", "Headers", "Parameters"], result.Errors.Select(e => e.PropertyName));
    }
}
