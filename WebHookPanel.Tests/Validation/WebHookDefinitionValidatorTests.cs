using FluentValidation;
using WebHookPanel.Requests;
using WebHookPanel.Validation;
using WebHookPanel.WebHooks;
using static WebHookPanel.Tests.Support.TestData;

namespace WebHookPanel.Tests.Validation;

public sealed class WebHookDefinitionValidatorTests
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

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Validate_EmptyName_FailsAtName(string? name)
    {
        var hook = Hook();
        hook.Name = name!;

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Name", error.PropertyName);
        Assert.StartsWith("Name is required", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NameOf100CharactersAfterTrim_IsValid()
    {
        var hook = Hook();
        hook.Name = "  " + new string('n', 100) + "  ";

        var result = _validator.Validate(hook);

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Validate_NameOf101Characters_FailsAtName()
    {
        var hook = Hook();
        hook.Name = new string('n', 101);

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Name", error.PropertyName);
        Assert.Contains("101 characters long; shorten it to at most 100", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://x.example.com/u/{userId")]
    [InlineData("https://x.example.com/u/}")]
    [InlineData("https://x.example.com/u/{}")]
    [InlineData("https://x.example.com/u/{{a}}")]
    [InlineData("https://x.example.com/u/{a{b}}")]
    [InlineData("https://x.example.com/u/{1a}")]
    [InlineData("https://{tenant}.example.com/")]
    [InlineData("https://x.example.com:{port}/")]
    [InlineData("https://user:pass@x.example.com/")]
    [InlineData("https://x.example.com/#top")]
    [InlineData("ftp://x.example.com/")]
    [InlineData("x.example.com/")]
    [InlineData("")]
    public void Validate_BadUri_FailsOnlyAtUri(string uri)
    {
        var hook = Hook(uri);

        var result = _validator.Validate(hook);

        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e => Assert.Equal("Uri", e.PropertyName));
        Assert.All(result.Errors, e => Assert.IsType<UriTemplateError>(e.CustomState));
    }

    [Fact]
    public void Validate_SeveralUriErrors_ReportsEach()
    {
        var hook = Hook("https://user@x.example.com/{}#top");

        var result = _validator.Validate(hook);

        Assert.Equal(3, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.ErrorMessage.Contains("at position 9", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ParameterWithoutEntry_FailsAtUriParametersNamingIt()
    {
        var hook = Hook("https://x.example.com/u/{userId}/{other}");
        hook.UriParameters.Add(Parameter("userId"));

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("UriParameters", error.PropertyName);
        Assert.Contains("{other}", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RepeatedParameter_NeedsOneLabel()
    {
        var hook = Hook("https://x.example.com/{id}/x/{id}");
        hook.UriParameters.Add(Parameter("id"));

        var result = _validator.Validate(hook);

        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_EmptyLabel_FailsAtThatLabel(string label)
    {
        var hook = Hook("https://x.example.com/u/{userId}?c={campaign}");
        hook.UriParameters.AddRange([Parameter("userId"), new UriParameter { Name = "campaign", Label = label }]);

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("UriParameters[1].Label", error.PropertyName);
        Assert.StartsWith("Label of parameter {campaign} is required", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LabelOf51Characters_FailsAtThatLabel()
    {
        var hook = Hook("https://x.example.com/u/{userId}");
        hook.UriParameters.Add(new UriParameter { Name = "userId", Label = new string('l', 51) });

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("UriParameters[0].Label", error.PropertyName);
        Assert.Contains("at most 50", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LabelOf50Characters_IsValid()
    {
        var hook = Hook("https://x.example.com/u/{userId}");
        hook.UriParameters.Add(new UriParameter { Name = "userId", Label = new string('l', 50) });

        var result = _validator.Validate(hook);

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Validate_EntryNoLongerInUri_FailsAtItsName()
    {
        var hook = Hook("https://x.example.com/u/{userId}");
        hook.UriParameters.AddRange([Parameter("old"), Parameter("userId")]);

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("UriParameters[0].Name", error.PropertyName);
        Assert.Contains("no longer in the URI", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EntryListedTwice_FailsAtTheSecond()
    {
        var hook = Hook("https://x.example.com/u/{userId}");
        hook.UriParameters.AddRange([Parameter("userId"), Parameter("userId")]);

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("UriParameters[1].Name", error.PropertyName);
    }

    [Fact]
    public void Validate_InvalidUri_SkipsLabelCoverage()
    {
        var hook = Hook("https://x.example.com/u/{userId}/{half");
        hook.UriParameters.Add(Parameter("gone"));

        var result = _validator.Validate(hook);

        Assert.All(result.Errors, e => Assert.Equal("Uri", e.PropertyName));
    }

    [Theory]
    [InlineData("X A", "remove the space")]
    [InlineData("X:A", "remove ':'")]
    [InlineData("X(A)", "remove '('")]
    [InlineData("Şule", "remove 'Ş'")]
    public void Validate_HeaderKeyNotAToken_NamesTheCharacter(string key, string fix)
    {
        var hook = Hook();
        hook.Headers.AddRange([Fixed("X-Ok", "1"), Fixed(key, "1")]);

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Headers[1].Key", error.PropertyName);
        Assert.Equal(
            $"Header key '{key}' may only contain letters, digits and !#$%&'*+-.^_`|~ ; {fix}.",
            error.ErrorMessage);
    }

    [Theory]
    [InlineData("!#$%&'*+-.^_`|~")]
    [InlineData("X-Api-Key")]
    [InlineData("x1")]
    public void Validate_HeaderKeyToken_IsValid(string key)
    {
        var hook = Hook();
        hook.Headers.Add(Fixed(key, "1"));

        var result = _validator.Validate(hook);

        Assert.True(result.IsValid, string.Join(" | ", result.Errors));
    }

    [Fact]
    public void Validate_EmptyHeaderKey_FailsAtKey()
    {
        var hook = Hook();
        hook.Headers.Add(Fixed("", "1"));

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Headers[0].Key", error.PropertyName);
        Assert.StartsWith("Header key is required", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HeaderKeyOf101Characters_FailsAtKey()
    {
        var hook = Hook();
        hook.Headers.Add(Fixed(new string('k', 101), "1"));

        var result = _validator.Validate(hook);

        Assert.Equal("Headers[0].Key", Assert.Single(result.Errors).PropertyName);
    }

    [Theory]
    [InlineData("Host")]
    [InlineData("content-length")]
    [InlineData("Transfer-Encoding")]
    [InlineData("CONNECTION")]
    public void Validate_RefusedHeader_FailsAtKey(string key)
    {
        var hook = Hook();
        hook.Headers.Add(Fixed(key, "1"));

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Headers[0].Key", error.PropertyName);
        Assert.Contains("remove this row", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DuplicateHeaderInOtherCase_FailsAtTheLaterKey()
    {
        var hook = Hook();
        hook.Headers.AddRange([Fixed("X-A", "1"), Fixed("X-B", "2"), Fixed("x-a", "3")]);

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Headers[2].Key", error.PropertyName);
        Assert.Contains("already set in row 1", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v\r\nX-Injected: 1", "a line break")]
    [InlineData("v\n", "a line break")]
    [InlineData("v\0", "a NUL character")]
    public void Validate_HeaderValueWithLineBreakOrNul_FailsAtValue(string value, string what)
    {
        var hook = Hook();
        hook.Headers.Add(Fixed("X-A", value));

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Headers[0].Value", error.PropertyName);
        Assert.Contains($"Value of header 'X-A' contains {what}", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HeaderValueOf4096Characters_IsValid()
    {
        var hook = Hook();
        hook.Headers.Add(Fixed("X-A", new string('v', 4096)));

        var result = _validator.Validate(hook);

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Validate_HeaderValueOf4097Characters_FailsAtValue()
    {
        var hook = Hook();
        hook.Headers.Add(Fixed("X-A", new string('v', 4097)));

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Headers[0].Value", error.PropertyName);
        Assert.Contains("at most 4,096", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ValueSource.Fixed, "enter the text to send")]
    [InlineData(ValueSource.Profile, "choose the profile attribute to send")]
    [InlineData(ValueSource.Device, "choose the device attribute to send")]
    [InlineData(ValueSource.Context, "enter the event's context key to send")]
    public void Validate_EmptyRowValue_FailsAtValueWithSourceHint(ValueSource source, string hint)
    {
        var hook = Hook();
        hook.Headers.Add(Row("X-A", source, ""));
        hook.Parameters.Add(Row("a", source, " "));

        var result = _validator.Validate(hook);

        Assert.Equal(["Headers[0].Value", "Parameters[0].Value"], result.Errors.Select(e => e.PropertyName));
        Assert.All(result.Errors, e => Assert.Contains(hint, e.ErrorMessage, StringComparison.Ordinal));
        Assert.StartsWith("Value of header 'X-A' is required", result.Errors[0].ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("e mail")]
    [InlineData("{email}")]
    [InlineData("email\n")]
    public void Validate_AttributeNameWithSpaceOrBraces_FailsAtValue(string value)
    {
        var hook = Hook();
        hook.Parameters.AddRange([Fixed("ok", "a b {c}"), Row("mail", ValueSource.Profile, value)]);

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Parameters[1].Value", error.PropertyName);
        Assert.Contains("profile attribute name", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyParameterKey_FailsAtKey()
    {
        var hook = Hook();
        hook.Parameters.AddRange([Fixed("a", "1"), Fixed("b", "2"), Fixed("", "3")]);

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Parameters[2].Key", error.PropertyName);
        Assert.StartsWith("Parameter key is required", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ParameterKeyOf101Characters_FailsAtKey()
    {
        var hook = Hook();
        hook.Parameters.Add(Fixed(new string('k', 101), "1"));

        var result = _validator.Validate(hook);

        Assert.Equal("Parameters[0].Key", Assert.Single(result.Errors).PropertyName);
    }

    [Fact]
    public void Validate_ParameterKeysDifferingInCase_AreValid()
    {
        var hook = Hook();
        hook.Parameters.AddRange([Fixed("id", "1"), Fixed("ID", "2"), Fixed("e mail", "3")]);

        var result = _validator.Validate(hook);

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Validate_DuplicateParameterKey_FailsAtTheLaterKey()
    {
        var hook = Hook();
        hook.Parameters.AddRange([Fixed("id", "1"), Fixed("id", "2")]);

        var result = _validator.Validate(hook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Parameters[1].Key", error.PropertyName);
    }

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
    public void Validate_UnknownMethod_FailsAtMethod()
    {
        var hook = Hook(method: (WebHookMethod)42);

        var result = _validator.Validate(hook);

        Assert.Equal("Method", Assert.Single(result.Errors).PropertyName);
    }

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
