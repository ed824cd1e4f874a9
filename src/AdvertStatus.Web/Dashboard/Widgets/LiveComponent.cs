using AdvertStatus.Web.Findings;
using Microsoft.AspNetCore.Components;

namespace AdvertStatus.Web.Dashboard.Widgets;

/// <summary>
/// A page that refreshes itself when findings change. It subscribes after the first interactive
/// render (prerendering has no circuit to push to), re-renders through <c>InvokeAsync</c> on the
/// circuit's dispatcher, and unsubscribes when the user leaves the page.
/// </summary>
public abstract class LiveComponent : ComponentBase, IDisposable
{
    private IDisposable? _subscription;

    [Inject]
    private FindingFeed Feed { get; set; } = default!;

    /// <summary>Reloads what the page shows after findings changed.</summary>
    protected abstract Task RefreshAsync();

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _subscription = Feed.Subscribe(changed => _ = InvokeAsync(async () =>
            {
                await RefreshAsync();
                StateHasChanged();
            }));
        }
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
