using WebHookPanel.Review;
using WebHookPanel.Tests.Support;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Review;

public sealed class DefinitionDiffTests
{
    private const string Secret = "s3cr3t-in-force";
    private const string NewSecret = "n3w-s3cr3t";

    [Fact]
    public void Compare_FieldsChanged_ListsEachChangedFieldOnce()
    {
        var before = Hook();
        var after = Hook();
        after.Name = "Clicks to CRM v2";
        after.Uri = "https://crm.example.com/v2/users/{userId}";
        after.UriParameters[0].Label = "CRM id";
        after.Method = WebHookMethod.PUT;
        after.Trigger = new Trigger { Type = TriggerType.Event, Filter = "order.shipped" };
        after.Headers.RemoveAt(1);
        after.Headers.Add(TestData.Row("X-Team", ValueSource.Fixed, "growth"));
        after.Parameters[0].Value = "appVersion";

        var changes = DefinitionDiff.Compare(before, after);

        Assert.Equal(
            [
                ("Name", ChangeKind.Changed),
                ("URI", ChangeKind.Changed),
                ("Label of {userId}", ChangeKind.Changed),
                ("Method", ChangeKind.Changed),
                ("Trigger", ChangeKind.Changed),
                ("Header X-Team", ChangeKind.Added),
                ("Header X-Email", ChangeKind.Removed),
                ("Parameter platform", ChangeKind.Changed),
            ],
            changes.Select(c => (c.Field, c.Kind)));
        Assert.Equal("Event · order.shipped", changes.Single(c => c.Field == "Trigger").After);
        Assert.Equal("Device attribute · appVersion", changes.Single(c => c.Field == "Parameter platform").After);
    }

    [Fact]
    public void Compare_SameDefinition_HasNoChanges()
    {
        Assert.Empty(DefinitionDiff.Compare(Hook(), Hook()));
    }

    [Fact]
    public void Compare_SecretHeaderValueChanged_SaysChangedAndShowsNeitherValue()
    {
        var after = Hook();
        after.Headers[0].Value = NewSecret;

        var change = Assert.Single(DefinitionDiff.Compare(Hook(), after));

        Assert.Equal("Header X-Api-Key", change.Field);
        Assert.Equal(ChangeKind.Changed, change.Kind);
        Assert.Equal("Fixed value · •••••• (secret)", change.Before);
        Assert.Equal("Fixed value · •••••• (secret) (changed)", change.After);
    }

    [Fact]
    public void Compare_HeaderBecomesSecretByItsName_MasksTheOldValueToo()
    {
        var before = Hook();
        before.Headers.Add(TestData.Fixed("X-Trace", "plain-value"));
        var after = Hook();
        after.Headers.Add(TestData.Fixed("x-trace", "plain-value", secret: true));

        var change = Assert.Single(DefinitionDiff.Compare(before, after));

        Assert.Equal("Header x-trace", change.Field);
        Assert.Equal("X-Trace: Fixed value · ••••••", change.Before);
        Assert.DoesNotContain("plain-value", change.After, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_FlagTickedOnARowSecretByItsName_IsNoChange()
    {
        var before = Hook();
        before.Headers.Add(TestData.Fixed("Authorization", "Bearer stored-token"));
        var after = Hook();
        after.Headers.Add(TestData.Fixed("Authorization", "Bearer stored-token", secret: true));

        Assert.Empty(DefinitionDiff.Compare(before, after));
    }

    [Fact]
    public void Compare_NothingInForce_ListsEveryFieldAsAdded()
    {
        var changes = DefinitionDiff.Compare(null, Hook());

        Assert.All(changes, c => Assert.Equal(ChangeKind.Added, c.Kind));
        Assert.Contains(changes, c => c is { Field: "URI", After: "https://crm.example.com/users/{userId}" });
        Assert.Contains(
            changes,
            c => c is { Field: "Header X-Api-Key", After: "Fixed value · •••••• (secret)" });
        Assert.Contains(changes, c => c is { Field: "Label of {userId}", After: "CRM user id" });
    }

    [Fact]
    public void Compare_RowsReordered_ReportsTheOrder()
    {
        var after = Hook();
        after.Headers.Reverse();

        var change = Assert.Single(DefinitionDiff.Compare(Hook(), after));

        Assert.Equal("Header order", change.Field);
        Assert.Equal("X-Api-Key, X-Email", change.Before);
        Assert.Equal("X-Email, X-Api-Key", change.After);
    }

    [Fact]
    public void Summarize_SecretsChangedAddedAndRemoved_NeverWritesASecretValue()
    {
        var before = Hook();
        var after = Hook();
        after.Headers[0].Value = NewSecret;
        after.Headers.Add(TestData.Fixed("Authorization", "Bearer " + NewSecret));
        before.Headers.Add(TestData.Fixed("X-Password", Secret));

        var summary = DefinitionDiff.Summarize(DefinitionDiff.Compare(before, after));

        Assert.Contains(
            "Header X-Api-Key: Fixed value · •••••• (secret) → ",
            summary,
            StringComparison.Ordinal);
        Assert.Contains("Header Authorization added", summary, StringComparison.Ordinal);
        Assert.Contains("Header X-Password removed", summary, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, summary, StringComparison.Ordinal);
        Assert.DoesNotContain(NewSecret, summary, StringComparison.Ordinal);
    }

    private static WebHookDefinition Hook() => new()
    {
        Name = "Clicks to CRM",
        Uri = "https://crm.example.com/users/{userId}",
        Method = WebHookMethod.POST,
        UriParameters = [new UriParameter { Name = "userId", Label = "CRM user id" }],
        Headers =
        [
            TestData.Fixed("X-Api-Key", Secret, secret: true),
            TestData.Row("X-Email", ValueSource.Profile, "email"),
        ],
        Parameters = [TestData.Row("platform", ValueSource.Device, "platform")],
    };
}
