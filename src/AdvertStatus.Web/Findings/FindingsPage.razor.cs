using AdvertStatus.Core.Findings;
using AdvertStatus.Core.Rules;
using AdvertStatus.Web.Components.Widgets;
using AdvertStatus.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace AdvertStatus.Web.Findings;

/// <summary>
/// The findings grid. Its filters, time range, sort and page live in the URL, so a bookmark, a shared link
/// or the back button gives the same view; paging, sort and the total run in the database.
/// </summary>
public partial class FindingsPage : UrlGridPage<FindingItem, FindingsView>
{
    /// <summary>Cells keep to one line and cut long text with an ellipsis (the full text is in the row's details).</summary>
    private const string Cell = "white-space: nowrap; overflow: hidden; text-overflow: ellipsis";

    /// <summary>A machine and its domain wrap onto two lines rather than being cut.</summary>
    private const string Wrapped = "white-space: normal; overflow-wrap: anywhere";

    /// <summary>Fits the longest rule name (LocalInstallAccountAfterFix) in full.</summary>
    private const int RuleWidth = 214;

    /// <summary>Fits a 15-character NetBIOS name, or a domain and the token account, on one line.</summary>
    private const int MachineWidth = 180;

    private const string AdvertisementColumn = "Advertisement";
    private const string CountColumn = "Count";
    private const string LastSeenColumn = "Last seen";
    private const string ByColumn = "By";

    /// <summary>The columns a user may hide; id, rule, state and machine always show.</summary>
    private static readonly string[] OptionalColumns = [AdvertisementColumn, CountColumn, LastSeenColumn, ByColumn];

    private HashSet<FindingItem> _selected = [];
    private HashSet<string> _hidden = [];
    private bool _canOperate;

    [Inject] private FindingQueries Findings { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "rule")] public string? Rule { get; set; }
    [SupplyParameterFromQuery(Name = "state")] public string? StateName { get; set; }
    [SupplyParameterFromQuery(Name = "machine")] public string? Machine { get; set; }
    [SupplyParameterFromQuery(Name = "acknowledgedBy")] public string? AcknowledgedBy { get; set; }
    [SupplyParameterFromQuery(Name = TimeRange.Parameter)] public string? Range { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? To { get; set; }

    private string TotalText => Total is not { } total
        ? "Loading…"
        : $"{total:N0} finding{(total == 1 ? "" : "s")}" + (View.Active is { } range ? $" active {(range.Key == TimeRange.Custom ? range.Label : range.Label.ToLowerInvariant())}" : "");

    private bool Shows(string column) => !_hidden.Contains(column);

    private static string Width(int pixels) => $"width: {pixels}px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis";

    protected override async Task OnInitializedAsync() =>
        _canOperate = Access.Allows((await Authentication).User, ApiKeyScopes.Operate);

    protected override FindingsView ReadView() => new(
        RuleNames.Find(Rule),
        Enum.TryParse<FindingState>(StateName, ignoreCase: true, out var state) ? state : null,
        string.IsNullOrWhiteSpace(Machine) ? null : Machine.Trim().ToUpperInvariant(),
        string.IsNullOrWhiteSpace(AcknowledgedBy) ? null : AcknowledgedBy.Trim(),
        TimeRange.ForList(Range, From, To, Clock.GetUtcNow().UtcDateTime));

    protected override void OnViewChanged() => _selected = [];

    protected override Task<(IReadOnlyList<FindingItem> Items, int Total)> FetchAsync(
        string? sortBy, bool descending, int skip, int take, CancellationToken cancellationToken) =>
        Findings.PageAsync(View.Filter, sortBy, descending, skip, take, cancellationToken);

    private void OnRuleChanged(string? value) => Navigate(View with { Rule = value });

    private void OnStateChanged(FindingState? value) => Navigate(View with { State = value });

    /// <summary>Machine names are NetBIOS names, stored in capitals.</summary>
    private void OnMachineChanged(string? value) => Navigate(View with { Machine = string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToUpperInvariant() }, replace: true);

    private void OnAcknowledgedByChanged(string? value) => Navigate(View with { AcknowledgedBy = value });

    /// <param name="view">The filters to show.</param>
    /// <param name="replace">Typing replaces the history entry rather than adding one per letter.</param>
    private void Navigate(FindingsView view, bool replace = false) => NavigateToFilters(new Dictionary<string, string?>
    {
        ["rule"] = view.Rule, ["state"] = view.State?.ToString(), ["machine"] = view.Machine, ["acknowledgedBy"] = view.AcknowledgedBy,
    }, replace);

    private async Task BulkAsync(FindingAction action)
    {
        var verb = action == FindingAction.Acknowledge ? "Acknowledge" : "Resolve";
        var ids = _selected.Select(f => f.Id).ToList();
        var dialog = await Dialogs.ShowAsync<BulkChangeDialog>($"{verb} findings", new DialogParameters<BulkChangeDialog>
        {
            { d => d.Title, $"{verb} {ids.Count} finding{(ids.Count == 1 ? "" : "s")}?" },
            { d => d.Message, $"{verb} findings {string.Join(", ", ids.Take(10))}{(ids.Count > 10 ? ", …" : "")}. Each change is audited in your name." },
            { d => d.ConfirmText, verb },
        });
        if (await dialog.Result is not { Canceled: false, Data: string comment })
        {
            return;
        }

        var user = (await Authentication).User;
        if (!Access.Allows(user, ApiKeyScopes.Operate))
        {
            Snackbar.Add("Only an Operator or Admin may acknowledge or resolve findings.", Severity.Error);
            return;
        }

        var (changed, skipped) = await Findings.ChangeStatesAsync(ids, action, Access.ActorOf(user), comment, CancellationToken.None);
        Snackbar.Add($"{verb}d {changed} finding{(changed == 1 ? "" : "s")}" + (skipped > 0 ? $"; {skipped} could not be changed from their state." : "."),
            skipped > 0 ? Severity.Warning : Severity.Success);
        _selected = [];
        await RefreshAsync();
    }
}

/// <summary>The findings grid's filters as its URL states them.</summary>
public sealed record FindingsView(string? Rule, FindingState? State, string? Machine, string? AcknowledgedBy, TimeRange? Active)
{
    public FindingFilter Filter => new(Rule, State, Machine, AcknowledgedBy: AcknowledgedBy, ActiveFrom: Active?.From, ActiveUntil: Active?.To);
}
