using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AdvertStatus.Web.Components.Widgets;

/// <summary>
/// The sort and page of a server-side grid as its URL states them (<c>?sort=Field&amp;desc=true&amp;page=3</c>),
/// so a bookmark or a shared link opens the same rows and the back button steps back through changes.
/// A page puts the URL on its grid when it opens and when the URL changes under it (<see cref="ApplyAsync"/>),
/// and its grid's load writes a user's own change back as a history entry (<see cref="Record"/>).
/// </summary>
public sealed class GridAddress<T>(NavigationManager navigation)
{
    /// <summary>True while the URL is being put on the grid: its loads then must not write the URL back.</summary>
    private bool _applying;

    public string? SortBy { get; private set; }

    public bool Descending { get; private set; }

    /// <summary>The zero-based page the URL names (<c>page</c> counts from 1).</summary>
    public int Page { get; private set; }

    /// <summary>True when the URL names a sort or a page other than the first.</summary>
    public bool IsSet => SortBy is not null || Page > 0;

    /// <summary>Takes the URL's query parameters.</summary>
    public void Read(string? sortBy, bool? descending, int? pageNumber) =>
        (SortBy, Descending, Page) = (string.IsNullOrEmpty(sortBy) ? null : sortBy, descending == true, Math.Max(0, (pageNumber ?? 1) - 1));

    /// <summary>True when the grid shows the URL's sort and page.</summary>
    public bool Shows(MudDataGrid<T> grid) => Matches(grid.SortDefinitions.Values.FirstOrDefault(), grid.CurrentPage);

    /// <summary>
    /// Puts the URL's sort and page on the grid, then loads once. The grid takes its page as a bound
    /// parameter, so <paramref name="setPage"/> sets the page's field and <paramref name="render"/> re-renders.
    /// </summary>
    public async Task ApplyAsync(MudDataGrid<T> grid, Action<int> setPage, Action render)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(setPage);
        ArgumentNullException.ThrowIfNull(render);
        _applying = true;
        try
        {
            if (SortBy is { } field)
            {
                // The database sorts, by name; the grid only wants some key for its own (unused) sorting.
                await grid.SetSortAsync(field, Descending ? SortDirection.Descending : SortDirection.Ascending, _ => 0);
            }
            else if (grid.SortDefinitions.Keys.FirstOrDefault() is { } current)
            {
                await grid.RemoveSortAsync(current);
            }

            setPage(Page);
            render();
            await Task.Yield();
            await grid.ReloadServerData();
        }
        finally
        {
            _applying = false;
        }
    }

    /// <summary>From the grid's load: a sort or page the user chose goes into the URL, a history entry each.</summary>
    public void Record(GridState<T> state, bool interactive)
    {
        ArgumentNullException.ThrowIfNull(state);
        var sort = state.SortDefinitions.FirstOrDefault();
        if (_applying || !interactive || Matches(sort, state.Page))
        {
            return;
        }

        (SortBy, Descending, Page) = (sort?.SortBy, sort?.Descending == true, state.Page);
        navigation.NavigateTo(navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["sort"] = SortBy,
            ["desc"] = Descending ? "true" : null,
            ["page"] = Page > 0 ? Page + 1 : null,
        }));
    }

    private bool Matches(SortDefinition<T>? sort, int page) =>
        sort?.SortBy == SortBy && (sort?.Descending ?? false) == Descending && page == Page;
}
