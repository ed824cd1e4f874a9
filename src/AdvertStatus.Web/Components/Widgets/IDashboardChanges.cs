namespace AdvertStatus.Web.Components.Widgets;

/// <summary>
/// Tells live pages that what they show may have changed, on any instance. Findings provides it (its change feed);
/// it is declared here so the shared widgets need not know which feature does.
/// </summary>
public interface IDashboardChanges
{
    /// <summary>Calls <paramref name="onChanged"/> with the latest change number after each change, until disposed.</summary>
    IDisposable Subscribe(Action<long> onChanged);
}
