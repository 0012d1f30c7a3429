using WebHookPanel.Validation;
using WebHookPanel.WebHooks;
using static WebHookPanel.Tests.Support.TestData;

namespace WebHookPanel.Tests.Validation;

public sealed class WebHookDefinitionValidatorHardeningTests
{
    private const string Emoji = "\U0001F600";

    private readonly WebHookDefinitionValidator _validator = new();

    [Fact]
    public void Validate_RowSourcesOutOfRange_FailAtEachSource()
    {
        var hook = Hook();
        hook.Headers.Add(Row("X-A", (ValueSource)99, "v"));
        hook.Parameters.Add(Row("a", (ValueSource)99, "v"));

        var result = _validator.Validate(hook);

        Assert.Equal(["Headers[0].Source", "Parameters[0].Source"], result.Errors.Select(e => e.PropertyName));
        Assert.Equal(
            "Source of header 'X-A' must be Fixed, Profile, Device or Context.",
            result.Errors[0].ErrorMessage);
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
    public void Validate_UriParameterWithNullName_FailsAtItsName()
    {
        var hook = Hook("https://x.example.com/u/{userId}");
        hook.UriParameters.AddRange([Parameter("userId"), new UriParameter { Name = null!, Label = "Orphan" }]);

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("UriParameters[1].Name", error.PropertyName);
        Assert.StartsWith("This URI parameter entry has no name", error.ErrorMessage, StringComparison.Ordinal);
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

    [Fact]
    public void Validate_FiftyHeadersAndHundredParameters_AreValid()
    {
        var hook = Hook();
        var headers = Enumerable.Range(0, WebHookDefinitionValidator.MaxHeaders).Select(i => Fixed($"X-{i}", "v"));
        var parameters = Enumerable.Range(0, WebHookDefinitionValidator.MaxParameters).Select(i => Fixed($"p{i}", "v"));
        hook.Headers.AddRange(headers);
        hook.Parameters.AddRange(parameters);

        var result = _validator.Validate(hook);

        Assert.True(result.IsValid, string.Join(" | ", result.Errors));
    }

    [Fact]
    public void Validate_TenThousandRows_ReportsOnlyTheCounts()
    {
        var hook = Hook();
        hook.Headers.AddRange(Enumerable.Range(0, 10_000).Select(_ => Fixed("X A", "")));
        hook.Parameters.AddRange(Enumerable.Range(0, 10_000).Select(_ => Fixed("", "")));

        var result = _validator.Validate(hook);

        Assert.Equal(["Headers", "Parameters"], result.Errors.Select(e => e.PropertyName));
        Assert.Equal(
            "There are 10,000 headers; a webhook can send at most 50, remove 9,950.",
            result.Errors[0].ErrorMessage);
        Assert.Equal(
            "There are 10,000 parameters; a webhook can send at most 100, remove 9,900.",
            result.Errors[1].ErrorMessage);
    }

    [Fact]
    public void Validate_ThreeThousandUriParameterEntries_ReportsOnlyTheCount()
    {
        var hook = Hook("https://x.example.com/u/{userId}");
        hook.UriParameters.AddRange(Enumerable.Range(0, 3000).Select(i => Parameter($"p{i}")));

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("UriParameters", error.PropertyName);
        Assert.StartsWith("There are 3,000 URI parameter entries; a webhook can have at most 50", error.ErrorMessage,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UriOf100000Characters_FailsOnceAtUri()
    {
        var hook = Hook("https://x.example.com/" + new string('a', 100_000 - 22));

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Uri", error.PropertyName);
        Assert.Contains("shorten it to at most 2,048", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DefaultOf1001Characters_FailsAtDefault()
    {
        var hook = Hook("https://x.example.com/u/{userId}");
        hook.UriParameters.Add(Parameter("userId", new string('d', 1001)));

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("UriParameters[0].Default", error.PropertyName);
        Assert.Equal(
            "Default value of parameter {userId} is 1,001 characters long; shorten it to at most 1,000.",
            error.ErrorMessage);
    }

    [Fact]
    public void Validate_DefaultOf1000Characters_IsValid()
    {
        var hook = Hook("https://x.example.com/u/{userId}");
        hook.UriParameters.Add(Parameter("userId", new string('d', 1000)));

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

    [Fact]
    public void Validate_FixedParameterValueOf4097Characters_FailsAtValue()
    {
        var hook = Hook();
        hook.Parameters.AddRange([Fixed("ok", new string('v', 4096)), Fixed("a", new string('v', 4097))]);

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Parameters[1].Value", error.PropertyName);
        Assert.Equal(
            "Value of parameter 'a' is 4,097 characters long; shorten it to at most 4,096.",
            error.ErrorMessage);
    }

    [Fact]
    public void Validate_AttributeNameOf101Characters_FailsAtValue()
    {
        var hook = Hook();
        hook.Headers.Add(Row("X-A", ValueSource.Profile, new string('a', 101)));

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Headers[0].Value", error.PropertyName);
        Assert.Contains("101 characters long; shorten it to at most 100", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LabelOf26Emoji_IsValid()
    {
        var hook = Hook("https://x.example.com/u/{userId}");
        var label = string.Concat(Enumerable.Repeat(Emoji, 26));
        hook.UriParameters.Add(new UriParameter { Name = "userId", Label = label });

        var result = _validator.Validate(hook);

        Assert.True(result.IsValid, string.Join(" | ", result.Errors));
    }

    [Fact]
    public void Validate_LabelOf51Emoji_CountsCharactersAsSeen()
    {
        var hook = Hook("https://x.example.com/u/{userId}");
        var label = string.Concat(Enumerable.Repeat(Emoji, 51));
        hook.UriParameters.Add(new UriParameter { Name = "userId", Label = label });

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal(
            "Label of parameter {userId} is 51 characters long; shorten it to at most 50.",
            error.ErrorMessage);
    }

    [Theory]
    [InlineData("\U0001F468\u200D\U0001F469\u200D\U0001F467 Family")]
    [InlineData("\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F England")]
    [InlineData("Caf\u0065\u0301 au lait")]
    public void Validate_NameWithJoinedEmojiOrCombiningMark_IsValid(string name)
    {
        var hook = Hook();
        hook.Name = name;

        var result = _validator.Validate(hook);

        Assert.True(result.IsValid, string.Join(" | ", result.Errors));
    }

    [Fact]
    public void Validate_NameOf100Emoji_IsValid()
    {
        var hook = Hook();
        hook.Name = string.Concat(Enumerable.Repeat(Emoji, 100));

        var result = _validator.Validate(hook);

        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData("a\r\nb", "a line break at position 2")]
    [InlineData("a\0b", "a NUL character at position 2")]
    [InlineData("a\tb", "a tab at position 2")]
    [InlineData("Hook a\u200Bb", "an invisible character U+200B at position 7")]
    [InlineData("ab\u202Ecd", "an invisible character U+202E at position 3")]
    [InlineData("\U0001F600\u0001", "a control character U+0001 at position 2")]
    [InlineData("a\u200D", "an invisible character U+200D at position 2")]
    public void Validate_NameWithControlOrInvisibleCharacter_NamesItsPositionAndCodePoint(string name, string what)
    {
        var hook = Hook();
        hook.Name = name;

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Name", error.PropertyName);
        Assert.Equal($"Name contains {what}; remove it.", error.ErrorMessage);
    }

    [Fact]
    public void Validate_LabelAndDefaultWithLineBreak_FailAtEach()
    {
        var hook = Hook("https://x.example.com/u/{userId}");
        hook.UriParameters.Add(new UriParameter { Name = "userId", Label = "CRM\nid", Default = "a\u202E" });

        var result = _validator.Validate(hook);

        Assert.Equal(["UriParameters[0].Label", "UriParameters[0].Default"], result.Errors.Select(e => e.PropertyName));
        Assert.Equal(
            "Label of parameter {userId} contains a line break at position 4; remove it.",
            result.Errors[0].ErrorMessage);
        Assert.Equal(
            "Default value of parameter {userId} contains an invisible character U+202E at position 2; remove it.",
            result.Errors[1].ErrorMessage);
    }

    [Theory]
    [InlineData("   ", "Parameter key is only spaces")]
    [InlineData("a\r\nb", "Parameter key contains a line break at position 2; remove it.")]
    [InlineData("user\u200Bid", "Parameter key contains an invisible character U+200B at position 5; remove it.")]
    public void Validate_ParameterKeyBlankOrInvisible_FailsAtKey(string key, string message)
    {
        var hook = Hook();
        hook.Parameters.Add(Fixed(key, "1"));

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Parameters[0].Key", error.PropertyName);
        Assert.StartsWith(message, error.ErrorMessage, StringComparison.Ordinal);
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

    [Theory]
    [InlineData("v\u0001", "a control character U+0001 at position 2")]
    [InlineData("v\u007F", "a control character U+007F at position 2")]
    [InlineData("\u0085v", "a control character U+0085 at position 1")]
    public void Validate_HeaderValueWithControlCharacter_FailsAtValue(string value, string what)
    {
        var hook = Hook();
        hook.Headers.Add(Fixed("X-A", value));

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Headers[0].Value", error.PropertyName);
        Assert.Equal(
            $"Value of header 'X-A' contains {what}; a header value may only hold printable characters, spaces and "
                + "tabs, remove it.",
            error.ErrorMessage);
    }

    [Fact]
    public void Validate_HeaderValueWithTab_IsValid()
    {
        var hook = Hook();
        hook.Headers.Add(Fixed("X-A", "a\tb \u00e9"));

        var result = _validator.Validate(hook);

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Validate_AttributeNameWithInvisibleCharacter_FailsAtValue()
    {
        var hook = Hook();
        hook.Headers.Add(Row("X-A", ValueSource.Device, "plat\u200Bform"));

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Headers[0].Value", error.PropertyName);
        Assert.StartsWith(
            "The device attribute name of header 'X-A' contains an invisible character U+200B at position 5",
            error.ErrorMessage,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UriWithRightToLeftOverride_FailsAtUri()
    {
        var hook = Hook("https://x.example.com/\u202Egpj.exe");

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Uri", error.PropertyName);
        Assert.Contains("an invisible character U+202E at position 23", error.ErrorMessage, StringComparison.Ordinal);
    }
}
