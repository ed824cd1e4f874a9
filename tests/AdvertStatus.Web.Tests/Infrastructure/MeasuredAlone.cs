namespace AdvertStatus.Web.Tests.Infrastructure;

/// <summary>
/// Tests that measure (memory, latency against a promise) run in this collection: alone, after the parallel
/// tests, so browsers and other apps busy on the same two cores do not decide the result.
/// </summary>
[CollectionDefinition(nameof(MeasuredAlone), DisableParallelization = true)]
public sealed class MeasuredAlone;
