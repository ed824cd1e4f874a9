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

    private WorkstationFilter Filter => new(
        _site, string.IsNullOrWhiteSpace(_domain) ? null : _domain.Trim().ToUpperInvariant(), _affected, _verdict, _rule,
        string.IsNullOrWhiteSpace(_text) ? null : _text.Trim());

    protected override async Task OnInitializedAsync()
    {
        (_text, _site, _domain, _rule, _affected) = (Text, Site?.ToUpperInvariant(), Domain, Core.Rules.RuleNames.Find(Rule), Affected ?? false);
        _verdict = Enum.TryParse<Verdict>(VerdictName, ignoreCase: true, out var verdict) ? verdict : null;
        _sites = await Workstations.SitesAsync(CancellationToken.None);
    }

    private async Task<GridData<WorkstationItem>> LoadAsync(GridState<WorkstationItem> state, CancellationToken cancellationToken)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var (items, total) = await Workstations.PageAsync(Filter, sort?.SortBy, sort?.Descending ?? false, state.Page * state.PageSize, state.PageSize, cancellationToken);
        return new GridData<WorkstationItem> { Items = items, TotalItems = total };
    }

    protected override Task RefreshAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private Task OnTextChanged(string? value) => Apply(() => _text = value);
    private Task OnSiteChanged(string? value) => Apply(() => _site = value);
    private Task OnDomainChanged(string? value) => Apply(() => _domain = value);
    private Task OnVerdictChanged(Verdict? value) => Apply(() => _verdict = value);
    private Task OnRuleChanged(string? value) => Apply(() => _rule = value);
    private Task OnAffectedChanged(bool value) => Apply(() => _affected = value);

    private Task Apply(Action change)
    {
        change();
        return RefreshAsync();
    }
}
