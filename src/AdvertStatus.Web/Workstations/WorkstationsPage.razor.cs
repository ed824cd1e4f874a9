using AdvertStatus.Core.Coverage;
using AdvertStatus.Web.Components.Widgets;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AdvertStatus.Web.Workstations;

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

    private GridAddress<WorkstationItem> _address = default!;
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
    /// <summary>The columns a user may hide; machine, site and verdict always show.</summary>
    private static readonly string[] OptionalColumns = [Smsapm32Column, FindingsColumn, OsColumn, LastSeenColumn];

    private HashSet<string> _hidden = [];

    protected override async Task OnInitializedAsync()
    {
        _address = new GridAddress<WorkstationItem>(Navigation);
        _sites = await Workstations.SitesAsync(CancellationToken.None);
    }

    private bool Shows(string column) => !_hidden.Contains(column);

    /// <summary>The URL is the grid's state: a bookmark, a shared link or the back button gives the same view.</summary>
    protected override async Task OnParametersSetAsync()
    {
        _address.Read(SortBy, SortDescending, PageNumber);
        var verdict = Enum.TryParse<Verdict>(VerdictName, ignoreCase: true, out var parsed) ? parsed : (Verdict?)null;
        var wanted = (Text, Site?.ToUpperInvariant(), Domain, Core.Rules.RuleNames.Find(Rule), Affected ?? false, verdict);
        if (wanted != (_text, _site, _domain, _rule, _affected, _verdict))
        {
            (_text, _site, _domain, _rule, _affected, _verdict) = wanted;
            _page = _address.Page;
            await RefreshAsync();
        }
        else if (_grid is not null && !_address.Shows(_grid))
        {
            await ApplyUrlAsync();   // the back button, or a link to another page of the same list
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && _address.IsSet)
        {
            await ApplyUrlAsync();
        }
    }

    private Task ApplyUrlAsync() => _grid is null ? Task.CompletedTask : _address.ApplyAsync(_grid, page => _page = page, StateHasChanged);

    private async Task<GridData<WorkstationItem>> LoadAsync(GridState<WorkstationItem> state, CancellationToken cancellationToken)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var (items, total) = await Workstations.PageAsync(Filter, sort?.SortBy, sort?.Descending ?? false, state.Page * state.PageSize, state.PageSize, cancellationToken);
        _loaded = true;
        _address.Record(state, RendererInfo.IsInteractive);
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
