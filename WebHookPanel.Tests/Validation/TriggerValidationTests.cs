using WebHookPanel.Validation;
using WebHookPanel.WebHooks;
using static WebHookPanel.Tests.Support.TestData;

namespace WebHookPanel.Tests.Validation;

/// <summary>The trigger filter: the event code the Event trigger needs, and its length and characters.</summary>
public sealed class TriggerValidationTests
{
    private readonly WebHookDefinitionValidator _validator = new();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void Validate_EventTriggerWithoutFilter_FailsAtTriggerFilter(string? filter)
    {
        var hook = Hook();
        hook.Trigger = new Trigger { Type = TriggerType.Event, Filter = filter };

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Trigger.Filter", error.PropertyName);
        Assert.Equal(
            "Event code is required for the Event trigger; enter the event code, e.g. purchase",
            error.ErrorMessage);
    }

    [Theory]
    [InlineData(TriggerType.PushClick)]
    [InlineData(TriggerType.MessageLog)]
    [InlineData(TriggerType.Geofence)]
    public void Validate_OtherTriggerWithoutFilter_IsValid(TriggerType type)
    {
        var hook = Hook();
        hook.Trigger = new Trigger { Type = type };

        var result = _validator.Validate(hook);

        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData(TriggerType.Event, "Event code")]
    [InlineData(TriggerType.PushClick, "Filter")]
    public void Validate_FilterOf201Characters_FailsAtTriggerFilter(TriggerType type, string what)
    {
        var hook = Hook();
        hook.Trigger = new Trigger { Type = type, Filter = new string('f', 201) };

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Trigger.Filter", error.PropertyName);
        Assert.Equal($"{what} is 201 characters long; shorten it to at most 200.", error.ErrorMessage);
    }

    [Theory]
    [InlineData("purchase\r\n", "Event code contains a line break at position 9; remove it.")]
    [InlineData("buy\u200B", "Event code contains an invisible character U+200B at position 4; remove it.")]
    public void Validate_EventCodeWithInvisibleCharacter_FailsAtTriggerFilter(string filter, string message)
    {
        var hook = Hook();
        hook.Trigger = new Trigger { Type = TriggerType.Event, Filter = filter };

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Trigger.Filter", error.PropertyName);
        Assert.Equal(message, error.ErrorMessage);
    }
}
