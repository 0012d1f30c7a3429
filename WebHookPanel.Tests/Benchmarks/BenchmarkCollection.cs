using WebHookPanel.Tests.Infrastructure;

namespace WebHookPanel.Tests.Benchmarks;

/// <summary>Benchmarks run alone: a test running beside them on two cores would be measured with them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BenchmarkCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Benchmarks";
}
