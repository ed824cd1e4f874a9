using AdvertStatus.Core.Coverage;
using AdvertStatus.Core.Rules;
using AdvertStatus.Web.Components.Widgets;
using Microsoft.AspNetCore.Components;

namespace AdvertStatus.Web.Workstations;

/// <summary>
/// The workstation grid: filters, sort and paging all run in the database (one page of rows and a count
/// per change), so it stays quick at 100,000 machines. Filters live in the URL, so a link such as
/// <c>/workstations?verdict=Vulnerable</c> opens the grid already filtered.
/// </summary>
public partial class WorkstationsPage : UrlGridPage<WorkstationItem, WorkstationFilter>
{
    /// <summary>Grid cells that must not wrap (dense rows at 1024 px and up).</summary>
    private const string NoWrap = "white-space: nowrap";

    private const string Smsapm32Column = "Smsapm32";
    private const string FindingsColumn = "Open findings";
    private const string OsColumn = "Client OS";
    private const string LastSeenColumn = "Last seen";
    /// <summary>The columns a user may hide; machine, site and verdict always show.</summary>
    private static readonly string[] OptionalColumns = [Smsapm32Column, FindingsColumn, OsColumn, LastSeenColumn];

    private IReadOnlyList<string> _sites = [];
    private HashSet<string> _hidden = [];

    [Inject] private WorkstationQueries Workstations { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "q")] public string? Text { get; set; }
    [SupplyParameterFromQuery(Name = "site")] public string? Site { get; set; }
    [SupplyParameterFromQuery(Name = "domain")] public string? Domain { get; set; }
    [SupplyParameterFromQuery(Name = "verdict")] public string? VerdictName { get; set; }
    [SupplyParameterFromQuery(Name = "rule")] public string? Rule { get; set; }
    [SupplyParameterFromQuery(Name = "affected")] public bool? Affected { get; set; }

    /// <summary>Filters a user has set (the empty state then says "matches these filters").</summary>
    private bool HasFilters => View != new WorkstationFilter(AffectedOnly: false);

    protected override async Task OnInitializedAsync() => _sites = await Workstations.SitesAsync(CancellationToken.None);

    protected override WorkstationFilter ReadView() => new(
        string.IsNullOrWhiteSpace(Site) ? null : Site.Trim().ToUpperInvariant(),
        string.IsNullOrWhiteSpace(Domain) ? null : Domain.Trim().ToUpperInvariant(),
        Affected ?? false,
        Enum.TryParse<Verdict>(VerdictName, ignoreCase: true, out var verdict) ? verdict : null,
        RuleNames.Find(Rule),
        string.IsNullOrWhiteSpace(Text) ? null : Text.Trim());

    protected override Task<(IReadOnlyList<WorkstationItem> Items, int Total)> FetchAsync(
        string? sortBy, bool descending, int skip, int take, CancellationToken cancellationToken) =>
        Workstations.PageAsync(View, sortBy, descending, skip, take, cancellationToken);

    private bool Shows(string column) => !_hidden.Contains(column);

    private void OnTextChanged(string? value) => Navigate("q", value);
    private void OnSiteChanged(string? value) => Navigate("site", value);
    private void OnDomainChanged(string? value) => Navigate("domain", value);
    private void OnVerdictChanged(Verdict? value) => Navigate("verdict", value?.ToString());
    private void OnRuleChanged(string? value) => Navigate("rule", value);
    private void OnAffectedChanged(bool value) => Navigate("affected", value ? "true" : null);

    private void Navigate(string parameter, string? value) =>
        NavigateToFilters(new Dictionary<string, string?> { [parameter] = value }, replace: parameter is "q" or "domain");
}
