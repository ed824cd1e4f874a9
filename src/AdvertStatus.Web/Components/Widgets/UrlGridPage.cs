using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AdvertStatus.Web.Components.Widgets;

/// <summary>
/// A live page around one server-side grid whose whole state is its URL: the page's filters (its
/// <typeparamref name="TView"/>, read from its own query parameters) and the grid's sort and page
/// (<c>?sort=…&amp;desc=true&amp;page=3</c>, through <see cref="GridAddress{T}"/>). A bookmark, a shared link or the
/// back button gives the same rows. The page says how to read its filters and how to fetch one page; this
/// class keeps the URL and the grid in step and reloads the grid when findings change.
/// </summary>
/// <remarks>The page binds its grid with <c>@ref="Grid"</c>, <c>ServerData="LoadAsync"</c> and <c>@bind-CurrentPage="CurrentPage"</c>.</remarks>
public abstract class UrlGridPage<TItem, TView> : LiveComponent
    where TView : IEquatable<TView>
{
    private GridAddress<TItem> _address = default!;
    private bool _hasView;

    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "sort")] public string? SortBy { get; set; }
    [SupplyParameterFromQuery(Name = "desc")] public bool? SortDescending { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public int? PageNumber { get; set; }

    protected MudDataGrid<TItem>? Grid { get; set; }

    /// <summary>The grid's zero-based page; the grid takes it as a bound parameter.</summary>
    protected int CurrentPage { get; set; }

    /// <summary>The filters the grid shows, as last read from the URL.</summary>
    protected TView View { get; private set; } = default!;

    /// <summary>How many rows match <see cref="View"/>; null until the first load.</summary>
    protected int? Total { get; private set; }

    /// <summary>The page's filters from its query parameters, normalised (trimmed, parsed, unknown values dropped).</summary>
    protected abstract TView ReadView();

    /// <summary>One page of rows matching <see cref="View"/>, sorted by the column <paramref name="sortBy"/> names, and how many match.</summary>
    protected abstract Task<(IReadOnlyList<TItem> Items, int Total)> FetchAsync(
        string? sortBy, bool descending, int skip, int take, CancellationToken cancellationToken);

    /// <summary>Called when the filters changed, before the grid reloads (a selection, say, no longer applies).</summary>
    protected virtual void OnViewChanged()
    {
    }

    protected override void OnInitialized()
    {
        base.OnInitialized();
        _address = new GridAddress<TItem>(Navigation);
    }

    protected override async Task OnParametersSetAsync()
    {
        _address.Read(SortBy, SortDescending, PageNumber);
        var wanted = ReadView();
        if (!_hasView || !wanted.Equals(View))
        {
            (View, _hasView) = (wanted, true);
            OnViewChanged();
            CurrentPage = _address.Page;
            await RefreshAsync();
        }
        else if (Grid is not null && !_address.Shows(Grid))
        {
            await ApplyUrlAsync();   // the back button, or a link to another page or sort of the same list
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && _address.IsSet)
        {
            await ApplyUrlAsync();
        }
    }

    private Task ApplyUrlAsync() => Grid is null ? Task.CompletedTask : _address.ApplyAsync(Grid, page => CurrentPage = page, StateHasChanged);

    protected async Task<GridData<TItem>> LoadAsync(GridState<TItem> state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var sort = state.SortDefinitions.FirstOrDefault();
        var (items, total) = await FetchAsync(sort?.SortBy, sort?.Descending ?? false, state.Page * state.PageSize, state.PageSize, cancellationToken);
        _address.Record(state, RendererInfo.IsInteractive);
        if (Total != total)
        {
            Total = total;
            await InvokeAsync(StateHasChanged);   // what shows the total sits outside the grid, which only re-renders itself
        }

        return new GridData<TItem> { Items = items, TotalItems = total };
    }

    protected override Task RefreshAsync() => Grid?.ReloadServerData() ?? Task.CompletedTask;

    /// <summary>
    /// Changes the URL's filters and goes back to the first page. Typing (<paramref name="replace"/>) replaces the
    /// current history entry, as one entry per word would make the back button useless; choices add one.
    /// </summary>
    protected void NavigateToFilters(IReadOnlyDictionary<string, string?> filters, bool replace = false)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var parameters = filters.ToDictionary(f => f.Key, f => (object?)(string.IsNullOrWhiteSpace(f.Value) ? null : f.Value.Trim()));
        parameters["page"] = null;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(parameters), replace);
    }
}
