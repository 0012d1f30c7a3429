using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using WebHookPanel.Dispatching;

namespace WebHookPanel.Tests.Dispatching;

public sealed class ScheduleTests
{
    private static readonly Dictionary<string, string?> NoQuickRetries = new() { ["Dispatcher:QuickRetries"] = "0" };

    [Fact]
    public async Task Delivery_ServerErrors_FollowsTheDurableSchedule()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        await using var host = await DispatchHost.StartAsync(NoQuickRetries, time);
        var hookId = await host.CreateHookAsync(DispatchTestData.Hook(host.Receiver.BaseUrl + "/fail"));
        var start = time.GetUtcNow();

        using var response = await host.PostEventsAsync(DispatchTestData.Event("s-1"));
        var afterTwo = await AttemptsAsync(host, hookId, 2);
        time.Advance(TimeSpan.FromSeconds(5));
        var afterThree = await AttemptsAsync(host, hookId, 3);
        time.Advance(TimeSpan.FromMinutes(5));
        var afterFour = await AttemptsAsync(host, hookId, 4);

        Assert.Equal(start + TimeSpan.FromSeconds(5), afterTwo.NextAttemptAt);
        Assert.Equal(start + TimeSpan.FromSeconds(5) + TimeSpan.FromMinutes(5), afterThree.NextAttemptAt);
        Assert.Equal(start + TimeSpan.FromSeconds(5) + TimeSpan.FromMinutes(35), afterFour.NextAttemptAt);
        Assert.Equal(4, host.Receiver.Requests.Count);
        Assert.Single(host.Receiver.Requests.Select(r => r.Header("webhook-id")).Distinct());
    }

    [Fact]
    public async Task Delivery_TooManyRequests_WaitsForRetryAfter()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        await using var host = await DispatchHost.StartAsync(NoQuickRetries, time);
        var hookId = await host.CreateHookAsync(DispatchTestData.Hook(host.Receiver.BaseUrl + "/throttle"));
        var start = time.GetUtcNow();

        using var response = await host.PostEventsAsync(DispatchTestData.Event("t-1"));
        var afterOne = await AttemptsAsync(host, hookId, 1);
        time.Advance(TimeSpan.FromSeconds(119));
        var stillOne = await host.DeliveriesAsync(hookId);
        time.Advance(TimeSpan.FromSeconds(1));
        await AttemptsAsync(host, hookId, 2);

        Assert.Equal(start + TimeSpan.FromSeconds(120), afterOne.NextAttemptAt);
        Assert.Equal(1, stillOne.Items[0].AttemptCount);
        Assert.Equal(2, host.Receiver.Requests.Count);
    }

    [Fact]
    public async Task Delivery_TooManyRequestsForMoreSecondsThanTheParserReads_WaitsADay()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        await using var host = await DispatchHost.StartAsync(NoQuickRetries, time);
        host.Receiver.ThrottleFor = "999999999999";
        var hookId = await host.CreateHookAsync(DispatchTestData.Hook(host.Receiver.BaseUrl + "/throttle"));
        var start = time.GetUtcNow();

        using var response = await host.PostEventsAsync(DispatchTestData.Event("t-huge"));
        var afterOne = await AttemptsAsync(host, hookId, 1);

        Assert.Equal(start + TimeSpan.FromDays(1), afterOne.NextAttemptAt);
    }

    [Fact]
    public async Task Delivery_UnavailableWithHttpDate_WaitsUntilThatDate()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        await using var host = await DispatchHost.StartAsync(NoQuickRetries, time);
        var start = time.GetUtcNow();
        host.Receiver.RetryAt = start + TimeSpan.FromMinutes(3);
        var hookId = await host.CreateHookAsync(DispatchTestData.Hook(host.Receiver.BaseUrl + "/unavailable"));

        using var response = await host.PostEventsAsync(DispatchTestData.Event("u-1"));
        var afterOne = await AttemptsAsync(host, hookId, 1);
        time.Advance(TimeSpan.FromMinutes(3) - TimeSpan.FromSeconds(1));
        var stillOne = await host.DeliveriesAsync(hookId);
        time.Advance(TimeSpan.FromSeconds(1));
        var afterTwo = await AttemptsAsync(host, hookId, 2);

        Assert.Equal(start + TimeSpan.FromMinutes(3), afterOne.NextAttemptAt);
        Assert.Equal("HTTP 503 Service Unavailable", afterOne.LastError);
        Assert.Equal(1, stillOne.Items[0].AttemptCount);
        Assert.Equal(2, host.Receiver.Requests.Count);
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromSeconds(5), afterTwo.NextAttemptAt);
    }

    [Fact]
    public void NextDelay_ScheduleUsedUp_ReturnsNullForDead()
    {
        var schedule = DispatcherOptions.DefaultSchedule;

        var last = DeliveryRules.NextDelay(schedule, schedule.Count - 1, null);
        var beyond = DeliveryRules.NextDelay(schedule, schedule.Count, null);

        Assert.Equal(TimeSpan.FromHours(10), last);
        Assert.Null(beyond);
    }

    [Theory]
    [InlineData(200, OutcomeKind.Succeeded)]
    [InlineData(204, OutcomeKind.Succeeded)]
    [InlineData(301, OutcomeKind.Failed)]
    [InlineData(400, OutcomeKind.Failed)]
    [InlineData(404, OutcomeKind.Failed)]
    [InlineData(408, OutcomeKind.Retry)]
    [InlineData(410, OutcomeKind.Gone)]
    [InlineData(425, OutcomeKind.Retry)]
    [InlineData(429, OutcomeKind.Retry)]
    [InlineData(500, OutcomeKind.Retry)]
    [InlineData(503, OutcomeKind.Retry)]
    [InlineData(599, OutcomeKind.Retry)]
    [InlineData(600, OutcomeKind.Failed)]
    [InlineData(999, OutcomeKind.Failed)]
    public void Classify_StatusCode_FollowsTheStatusRules(int status, OutcomeKind expected) =>
        Assert.Equal(expected, DeliveryRules.Classify(status));

    [Fact]
    public void RetryAfter_HttpDate_IsTheTimeUntilThatDate()
    {
        var now = new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
        var header = new System.Net.Http.Headers.RetryConditionHeaderValue(now.AddMinutes(3));

        var wait = DeliveryRules.RetryAfter(System.Net.HttpStatusCode.ServiceUnavailable, header, now);

        Assert.Equal(TimeSpan.FromMinutes(3), wait);
    }

    [Theory]
    [InlineData("2147483648", 86_400)]
    [InlineData("999999999999", 86_400)]
    [InlineData("100000", 86_400)]
    [InlineData("120", 120)]
    [InlineData("00000000000120", 120)]
    [InlineData("0", 0)]
    public void RetryAfter_Seconds_AreTheWaitCappedAtADayHoweverLarge(string header, int seconds)
    {
        var now = new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", header);

        var wait = DeliveryRules.RetryAfter(response.StatusCode, response.Headers, now);

        Assert.Equal(TimeSpan.FromSeconds(seconds), wait);
    }

    [Theory]
    [InlineData(429, "soon")]
    [InlineData(429, "-5")]
    [InlineData(429, "12 34")]
    [InlineData(500, "999999999999")]
    public void RetryAfter_NotSecondsOrNotAskedToWait_IsNoWait(int status, string header)
    {
        var now = new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
        using var response = new HttpResponseMessage((System.Net.HttpStatusCode)status);
        response.Headers.TryAddWithoutValidation("Retry-After", header);

        var wait = DeliveryRules.RetryAfter(response.StatusCode, response.Headers, now);

        Assert.Null(wait);
    }

    [Fact]
    public void Validate_BadSettings_NamesEachSetting()
    {
        var options = new DispatcherOptions { Workers = 0, AllowedPrivateNetworks = ["not-a-range"] };

        var result = new DispatcherOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, f => f.StartsWith("Dispatcher:Workers ", StringComparison.Ordinal));
        Assert.Contains(
            result.Failures!,
            f => f.StartsWith("Dispatcher:AllowedPrivateNetworks:0", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Lease", "10675199.00:00:00", "between 00:00:01 and 1.00:00:00")]
    [InlineData("Lease", "1.00:00:01", "between 00:00:01 and 1.00:00:00")]
    [InlineData("AttemptTimeout", "10675199.00:00:00", "between 00:00:00.0100000 and 00:05:00")]
    [InlineData("QuickRetryDelay", "00:01:01", "between 00:00:00 and 00:01:00")]
    [InlineData("PollInterval", "00:01:01", "between 00:00:00.0010000 and 00:01:00")]
    [InlineData("ShutdownGrace", "00:05:01", "between 00:00:00 and 00:05:00")]
    [InlineData("ShutdownGrace", "-00:00:01", "between 00:00:00 and 00:05:00")]
    [InlineData("Schedule:0", "7.00:00:01", "between 00:00:00 and 7.00:00:00")]
    [InlineData("Schedule:0", "10675199.00:00:00", "between 00:00:00 and 7.00:00:00")]
    [InlineData("QuickRetries", "2147483647", "between 0 and 5")]
    [InlineData("Workers", "1025", "between 1 and 1024")]
    [InlineData("ClaimBatchSize", "10001", "between 1 and 10000")]
    [InlineData("WriteBatchSize", "10001", "between 1 and 10000")]
    [InlineData("PauseThreshold", "100001", "between 1 and 100000")]
    [InlineData("WaitingMemoryMegabytes", "16385", "between 1 and 16384")]
    [InlineData("WaitingMemoryMegabytes", "0", "between 1 and 16384")]
    public void Validate_SettingAboveItsBound_NamesItAndTheAllowedRange(string setting, string value, string range)
    {
        var options = Bind(new Dictionary<string, string?> { [$"Dispatcher:{setting}"] = value });

        var result = new DispatcherOptionsValidator().Validate(null, options);

        Assert.Equal([$"Dispatcher:{setting} must be {range}; it is {value}."], result.Failures);
    }

    [Fact]
    public void Validate_LeaseShorterThanQuickRetriesBackingOff_NamesLeaseAndTheLongestAttempt()
    {
        var options = Bind(new Dictionary<string, string?>
        {
            ["Dispatcher:QuickRetries"] = "5",
            ["Dispatcher:QuickRetryDelay"] = "00:01:00",
            ["Dispatcher:Lease"] = "00:10:00",
        });

        var result = new DispatcherOptionsValidator().Validate(null, options);

        // Six tries of 10 s and waits of 1 + 2 + 4 + 8 + 16 minutes, plus the 10 s shutdown grace.
        Assert.Equal(
            ["Dispatcher:Lease (00:10:00) must be longer than an attempt with its quick retries plus "
                + "Dispatcher:ShutdownGrace (00:32:10)."],
            result.Failures);
    }

    [Fact]
    public void Validate_EverySettingAtItsUpperBound_Passes()
    {
        var options = Bind(new Dictionary<string, string?>
        {
            ["Dispatcher:Workers"] = "1024",
            ["Dispatcher:ClaimBatchSize"] = "10000",
            ["Dispatcher:WriteBatchSize"] = "10000",
            ["Dispatcher:PauseThreshold"] = "100000",
            ["Dispatcher:WaitingMemoryMegabytes"] = "16384",
            ["Dispatcher:QuickRetries"] = "5",
            ["Dispatcher:AttemptTimeout"] = "00:05:00",
            ["Dispatcher:QuickRetryDelay"] = "00:01:00",
            ["Dispatcher:Lease"] = "1.00:00:00",
            ["Dispatcher:PollInterval"] = "00:01:00",
            ["Dispatcher:ShutdownGrace"] = "00:05:00",
            ["Dispatcher:Schedule:0"] = "7.00:00:00",
        });

        var result = new DispatcherOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_ScheduleOfMoreThanAHundredRetries_SaysHowManyItMayList()
    {
        var options = new DispatcherOptions { Schedule = [.. Enumerable.Repeat(TimeSpan.FromMinutes(1), 101)] };

        var result = new DispatcherOptionsValidator().Validate(null, options);

        Assert.Equal(["Dispatcher:Schedule lists at most 100 retries; it lists 101."], result.Failures);
    }

    private static DispatcherOptions Bind(Dictionary<string, string?> settings)
    {
        var options = new DispatcherOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build()
            .GetSection(DispatcherOptions.SectionName)
            .Bind(options);

        return options;
    }

    private static async Task<DeliveryView> AttemptsAsync(DispatchHost host, int hookId, int attempts) =>
        await host.OnlyDeliveryWhenAsync(
            hookId,
            d => d.AttemptCount == attempts && d.Status == DeliveryStatus.Pending,
            $"{attempts} attempts committed");
}
