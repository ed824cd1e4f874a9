using Microsoft.AspNetCore.Components;

namespace AdvertStatus.Web.Components.Widgets;

/// <summary>
/// A page that refreshes itself when findings change on any instance (<see cref="IDashboardChanges"/>). It
/// subscribes after the first interactive render (prerendering has no circuit to push to), refreshes at
/// most once per <see cref="MinRefreshInterval"/> however many findings a burst brings, re-renders
/// through <c>InvokeAsync</c> on the circuit's dispatcher, and unsubscribes when the user leaves.
/// </summary>
public abstract class LiveComponent : ComponentBase, IDisposable
{
    public static readonly TimeSpan MinRefreshInterval = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _leaving = new();
    private IDisposable? _subscription;
    private int _scheduled;
    private DateTime _lastRefresh = DateTime.MinValue;

    [Inject]
    private IDashboardChanges Changes { get; set; } = default!;

    /// <summary>Reloads what the page shows after findings changed.</summary>
    protected abstract Task RefreshAsync();

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _subscription = Changes.Subscribe(latest => _ = RefreshSoonAsync());
        }
    }

    /// <summary>One refresh at a time, no sooner than a second after the last; changes meanwhile ride along.</summary>
    private async Task RefreshSoonAsync()
    {
        if (Interlocked.Exchange(ref _scheduled, 1) == 1)
        {
            return;
        }

        try
        {
            var wait = _lastRefresh + MinRefreshInterval - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _leaving.Token);
            }

            Volatile.Write(ref _scheduled, 0);
            _lastRefresh = DateTime.UtcNow;
            await InvokeAsync(async () =>
            {
                await RefreshAsync();
                StateHasChanged();
            });
        }
        catch (OperationCanceledException)
        {
            // The user left the page.
        }
        catch (ObjectDisposedException)
        {
            // The circuit ended.
        }
        catch (Exception ex)
        {
            // A refresh runs outside the page's lifecycle: hand its failure (a busy database) to the layout's error boundary.
            await DispatchExceptionAsync(ex);
        }
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _leaving.Cancel();
        _leaving.Dispose();
        GC.SuppressFinalize(this);
    }
}
