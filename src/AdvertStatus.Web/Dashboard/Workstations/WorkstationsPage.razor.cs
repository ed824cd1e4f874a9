using AdvertStatus.Core.Coverage;
using AdvertStatus.Web.Workstations;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AdvertStatus.Web.Dashboard.Workstations;

/// <summary>
/// The workstation grid: filters, sort and paging all run in the database (one page of rows and a count
/// per change), so it stays quick at 100,000 machines. Filters live in the URL, so a link such as
/// <c>/workstations?verdict=Vulnerable</c> opens the grid already filtered.
/// </summary>
public partial class WorkstationsPage
{
    /// <summary>Grid cells that must not wrap (dense rows at 1024 px and up).</summary>
    private const string NoWrap = "white-space: nowrap";

    private MudDataGrid<WorkstationItem>? _grid;
    private bool _loaded;
    private IReadOnlyList<string> _sites = [];
    private string? _text;
    private string? _site;
    private string? _domain;
    private Verdict? _verdict;
    private string? _rule;
    private bool _affected;

    [Inject] private WorkstationQueries Workstations { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "q")] public string? Text { get; set; }
    [SupplyParameterFromQuery(Name = "site")] public string? Site { get; set; }
    [SupplyParameterFromQuery(Name = "domain")] public string? Domain { get; set; }
    [SupplyParameterFromQuery(Name = "verdict")] public string? VerdictName { get; set; }
    [SupplyParameterFromQuery(Name = "rule")] public string? Rule { get; set; }
    [SupplyParameterFromQuery(Name = "affected")] public bool? Affected { get; set; }
    [SupplyParameterFromQuery(Name = "sort")] public string? SortBy { get; set; }
    [SupplyParameterFromQuery(Name = "desc")] public bool? SortDescending { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public int? PageNumber { get; set; }

    /// <summary>True while the URL's sort and page are being put on the grid (its loads then must not write the URL back).</summary>
    private bool _applyingUrl;
    private int _page;

    private WorkstationFilter Filter => new(
        _site, string.IsNullOrWhiteSpace(_domain) ? null : _domain.Trim().ToUpperInvariant(), _affected, _verdict, _rule,
        string.IsNullOrWhiteSpace(_text) ? null : _text.Trim());

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>Filters a user has set (the empty state then says "matches these filters").</summary>
    private bool HasFilters => Filter != new WorkstationFilter(AffectedOnly: false);

    private const string Smsapm32Column = "Smsapm32";
    private const string FindingsColumn = "Open findings";
    private const string OsColumn = "Client OS";
    private const string LastSeenColumn = "Last seen";
    private const string ColumnsPreference = "workstations.hiddenColumns";

    /// <summary>The columns a user may hide; machine, site and verdict always show.</summary>
    private static readonly string[] OptionalColumns = [Smsapm32Column, FindingsColumn, OsColumn, LastSeenColumn];

    private HashSet<string> _hidden = [];

    [Inject] private AdvertStatus.Web.Users.UserPreferences Preferences { get; set; } = default!;

    [CascadingParameter] private Task<Microsoft.AspNetCore.Components.Authorization.AuthenticationState> Authentication { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _sites = await Workstations.SitesAsync(CancellationToken.None);
        if (await UserIdAsync() is { } user && await Preferences.GetAsync(user, ColumnsPreference, CancellationToken.None) is { } saved)
        {
            _hidden = [.. saved.Split('|', StringSplitOptions.RemoveEmptyEntries).Intersect(OptionalColumns)];
        }
    }

    private bool Shows(string column) => !_hidden.Contains(column);

    private async Task ToggleAsync(string column, bool shown)
    {
        if (shown)
        {
            _hidden.Remove(column);
        }
        else
        {
            _hidden.Add(column);
        }

        if (await UserIdAsync() is { } user)
        {
            await Preferences.SetAsync(user, ColumnsPreference, string.Join('|', _hidden.Order(StringComparer.Ordinal)), CancellationToken.None);
        }
    }

    private async Task<string?> UserIdAsync() =>
        (await Authentication).User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;

    /// <summary>The URL is the grid's state: a bookmark, a shared link or the back button gives the same view.</summary>
    protected override async Task OnParametersSetAsync()
    {
        var verdict = Enum.TryParse<Verdict>(VerdictName, ignoreCase: true, out var parsed) ? parsed : (Verdict?)null;
        var wanted = (Text, Site?.ToUpperInvariant(), Domain, Core.Rules.RuleNames.Find(Rule), Affected ?? false, verdict);
        if (wanted != (_text, _site, _domain, _rule, _affected, _verdict))
        {
            (_text, _site, _domain, _rule, _affected, _verdict) = wanted;
            _page = Math.Max(0, (PageNumber ?? 1) - 1);
            await RefreshAsync();
        }
        else if (_grid is not null && !UrlMatches(_grid.SortDefinitions.Values.FirstOrDefault(), _grid.CurrentPage))
        {
            await ApplyUrlAsync();   // the back button, or a link to another page of the same list
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && (SortBy is not null || PageNumber > 1))
        {
            await ApplyUrlAsync();
        }
    }

    /// <summary>Puts the URL's sort and page on the grid, then loads once.</summary>
    private async Task ApplyUrlAsync()
    {
        if (_grid is null)
        {
            return;
        }

        _applyingUrl = true;
        try
        {
            if (SortBy is { Length: > 0 } field)
            {
                await _grid.SetSortAsync(field, SortDescending == true ? SortDirection.Descending : SortDirection.Ascending, w => w.MachineName);
            }

            _page = Math.Max(0, (PageNumber ?? 1) - 1);
            StateHasChanged();   // the grid takes its page as a bound parameter
            await Task.Yield();
            await _grid.ReloadServerData();
        }
        finally
        {
            _applyingUrl = false;
        }
    }

    private bool UrlMatches(SortDefinition<WorkstationItem>? sort, int page) =>
        sort?.SortBy == SortBy && (sort?.Descending ?? false) == (SortDescending ?? false) && page == Math.Max(0, (PageNumber ?? 1) - 1);

    private async Task<GridData<WorkstationItem>> LoadAsync(GridState<WorkstationItem> state, CancellationToken cancellationToken)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var (items, total) = await Workstations.PageAsync(Filter, sort?.SortBy, sort?.Descending ?? false, state.Page * state.PageSize, state.PageSize, cancellationToken);
        _loaded = true;
        if (!_applyingUrl && RendererInfo.IsInteractive && !UrlMatches(sort, state.Page))
        {
            // Sort and page go into the URL too, each a history entry, so the back button steps back through them.
            Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
            {
                ["sort"] = sort?.SortBy,
                ["desc"] = sort?.Descending == true ? "true" : null,
                ["page"] = state.Page > 0 ? state.Page + 1 : null,
            }));
        }

        return new GridData<WorkstationItem> { Items = items, TotalItems = total };
    }

    protected override Task RefreshAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private void OnTextChanged(string? value) => Navigate("q", value);
    private void OnSiteChanged(string? value) => Navigate("site", value);
    private void OnDomainChanged(string? value) => Navigate("domain", value);
    private void OnVerdictChanged(Verdict? value) => Navigate("verdict", value?.ToString());
    private void OnRuleChanged(string? value) => Navigate("rule", value);
    private void OnAffectedChanged(bool value) => Navigate("affected", value ? "true" : null);

    /// <summary>Typing replaces the current history entry (one per word would make the back button useless); choices add one.</summary>
    private void Navigate(string parameter, string? value) =>
        Navigation.NavigateTo(
            Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
            {
                [parameter] = string.IsNullOrWhiteSpace(value) ? null : value.Trim(),
                ["page"] = null,   // other filters, first page
            }),
            replace: parameter is "q" or "domain");
}
