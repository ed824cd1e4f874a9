using System.Diagnostics;
using AdvertStatus.Web.Findings;
using Microsoft.Extensions.Options;

namespace AdvertStatus.Web.Ingestion;

/// <summary>
/// Projects appended batches onto everything derived from them (ADR 0011). Every instance runs one; the one that
/// holds the lease (<see cref="ProjectionLease"/>) projects, the others keep looking in case it dies. A local
/// append nudges it at once; batches another instance appended are found at the poll interval. Each cycle runs on
/// the <see cref="IngestionWriter"/>, between groups of appends, in a transaction of its own.
/// </summary>
internal sealed partial class IngestionProjector(
    IngestionWriter writer, ProjectionCycle cycle, IngestionProgress progress, FindingFeed feed, IOptions<IngestionOptions> options,
    ILogger<IngestionProjector> logger) : BackgroundService
{
    /// <summary>A writer without appends this long counts as idle: the projector then projects at once.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(10);

    private readonly Lock _gate = new();
    private TaskCompletionSource _nudged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>This instance's name in the lease: host, process and a number of its own (tests run several in one process).</summary>
    public string Instance { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>True while this instance held the lease at its last cycle.</summary>
    public bool HoldsLease { get; private set; }

    /// <summary>A batch of <paramref name="items"/> new items was just appended here: project without waiting for the poll.</summary>
    public void Nudge(int items)
    {
        progress.Appended(items);
        lock (_gate)
        {
            _nudged.TrySetResult();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            Task nudged;
            lock (_gate)
            {
                nudged = _nudged.Task;
            }

            var more = await ProjectOnceAsync(stoppingToken);
            if (more)
            {
                continue;   // a backlog: the next cycle queues behind the appends that arrived meanwhile
            }

            try
            {
                await Task.WhenAny(nudged, Task.Delay(options.Value.ProjectorPollInterval, stoppingToken));
                if (nudged.IsCompleted)
                {
                    await GatherAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            lock (_gate)
            {
                if (_nudged.Task.IsCompleted)
                {
                    _nudged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
        }
    }

    /// <summary>
    /// While appends keep arriving, waits until <see cref="IngestionOptions.ProjectionBatchItems"/> items have gathered or
    /// <see cref="IngestionOptions.ProjectionDelay"/> has passed; when the writer has had no append for a moment, returns at once.
    /// </summary>
    private async Task GatherAsync(CancellationToken stoppingToken)
    {
        var waited = Stopwatch.StartNew();
        var lastBusy = waited.Elapsed;
        while (waited.Elapsed < options.Value.ProjectionDelay && progress.PendingItems < options.Value.ProjectionBatchItems)
        {
            if (writer.HasAppendsInFlight)
            {
                lastBusy = waited.Elapsed;
            }
            else if (waited.Elapsed - lastBusy >= Quiet)
            {
                return;
            }

            await Task.Delay(2, stoppingToken);
        }
    }

    /// <summary>Runs one cycle; true when more batches are pending.</summary>
    private async Task<bool> ProjectOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            var watch = Stopwatch.StartNew();
            var outcome = await writer.RunAloneAsync((db, ct) => cycle.RunAsync(db, Instance, ct), stoppingToken);
            HoldsLease = outcome.Holder;
            if (!outcome.Holder)
            {
                // Another instance projects: what this one appended counts as pending until that one's progress shows.
                var elsewhere = await progress.ReadAsync(stoppingToken);
                progress.Report(elsewhere.ProjectedThrough, elsewhere.PendingItems);
                return false;
            }

            progress.Report(outcome.ProjectedThrough, outcome.PendingItems);
            if (outcome.Projected > 0)
            {
                LogCycle(logger, outcome.Projected, watch.Elapsed.TotalMilliseconds, outcome.PendingItems);
            }

            if (outcome.ChangedFindings)
            {
                feed.Nudge();   // this instance's clients hear of it now, the others' at their next poll
            }

            return outcome.More;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex)
        {
            // A busy database or a conflict with an operator's change: the batches stay pending and the next cycle tries again.
            LogCycleFailed(logger, ex);
            await Task.Delay(options.Value.ProjectorPollInterval, CancellationToken.None);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Projected {Items} items in {Milliseconds:0.0} ms, queue wait included; {Pending} items still pending")]
    private static partial void LogCycle(ILogger logger, int items, double milliseconds, long pending);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A projection cycle failed; its batches stay pending and are projected by the next one")]
    private static partial void LogCycleFailed(ILogger logger, Exception exception);
}
