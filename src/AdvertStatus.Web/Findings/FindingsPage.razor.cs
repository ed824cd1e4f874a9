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
public partial class FindingsPage
{
    /// <summary>Cells keep to one line and cut long text with an ellipsis (the full text is in the row's details).</summary>
    private const string Cell = "white-space: nowrap; overflow: hidden; text-overflow: ellipsis";

    private const string AdvertisementColumn = "Advertisement";
    private const string CountColumn = "Count";
    private const string LastSeenColumn = "Last seen";
    private const string ByColumn = "By";

    /// <summary>The columns a user may hide; id, rule, state and machine always show.</summary>
    private static readonly string[] OptionalColumns = [AdvertisementColumn, CountColumn, LastSeenColumn, ByColumn];

    private MudDataGrid<FindingItem>? _grid;
    private string? _rule;
    private FindingState? _state;
    private string? _acknowledgedBy;
    private TimeRange? _active;
    private int? _total;
    private HashSet<FindingItem> _selected = [];
    private HashSet<string> _hidden = [];
    private bool _canOperate;

    private GridAddress<FindingItem> _address = default!;
    private int _page;

    [Inject] private FindingQueries Findings { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "rule")] public string? Rule { get; set; }
    [SupplyParameterFromQuery(Name = "state")] public string? StateName { get; set; }
    [SupplyParameterFromQuery(Name = "acknowledgedBy")] public string? AcknowledgedBy { get; set; }
    [SupplyParameterFromQuery(Name = TimeRange.Parameter)] public string? Range { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? To { get; set; }
    [SupplyParameterFromQuery(Name = "sort")] public string? SortBy { get; set; }
    [SupplyParameterFromQuery(Name = "desc")] public bool? SortDescending { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public int? PageNumber { get; set; }

    private FindingFilter Filter => new(_rule, _state, AcknowledgedBy: _acknowledgedBy, ActiveFrom: _active?.From, ActiveUntil: _active?.To);

    private string TotalText => _total is not { } total
        ? "Loading…"
        : $"{total:N0} finding{(total == 1 ? "" : "s")}" + (_active is { } range ? $" active {(range.Key == TimeRange.Custom ? range.Label : range.Label.ToLowerInvariant())}" : "");

    private bool Shows(string column) => !_hidden.Contains(column);

    private static string Width(int pixels) => $"width: {pixels}px; white-space: nowrap";

    protected override async Task OnInitializedAsync()
    {
        _address = new GridAddress<FindingItem>(Navigation);
        _canOperate = Access.Allows((await Authentication).User, ApiKeyScopes.Operate);
    }

    protected override async Task OnParametersSetAsync()
    {
        _address.Read(SortBy, SortDescending, PageNumber);
        var wanted = (RuleNames.Find(Rule), Enum.TryParse<FindingState>(StateName, ignoreCase: true, out var state) ? state : (FindingState?)null,
            string.IsNullOrWhiteSpace(AcknowledgedBy) ? null : AcknowledgedBy.Trim(),
            TimeRange.ForList(Range, From, To, Clock.GetUtcNow().UtcDateTime));
        if (wanted != (_rule, _state, _acknowledgedBy, _active))
        {
            (_rule, _state, _acknowledgedBy, _active) = wanted;
            _selected = [];
            _page = _address.Page;
            await RefreshAsync();
        }
        else if (_grid is not null && !_address.Shows(_grid))
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

    private Task ApplyUrlAsync() => _grid is null ? Task.CompletedTask : _address.ApplyAsync(_grid, page => _page = page, StateHasChanged);

    private async Task<GridData<FindingItem>> LoadAsync(GridState<FindingItem> state, CancellationToken cancellationToken)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var (items, total) = await Findings.PageAsync(Filter, sort?.SortBy, sort?.Descending ?? false, state.Page * state.PageSize, state.PageSize, cancellationToken);
        _address.Record(state, RendererInfo.IsInteractive);
        if (_total != total)
        {
            _total = total;
            await InvokeAsync(StateHasChanged);   // the total sits outside the grid, which only re-renders itself
        }

        return new GridData<FindingItem> { Items = items, TotalItems = total };
    }

    protected override Task RefreshAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private void OnRuleChanged(string? value) => Navigate(value, _state, _acknowledgedBy);

    private void OnStateChanged(FindingState? value) => Navigate(_rule, value, _acknowledgedBy);

    private void OnAcknowledgedByChanged(string? value) => Navigate(_rule, _state, value);

    private void Navigate(string? rule, FindingState? state, string? acknowledgedBy) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["rule"] = rule,
            ["state"] = state?.ToString(),
            ["acknowledgedBy"] = string.IsNullOrWhiteSpace(acknowledgedBy) ? null : acknowledgedBy.Trim(),
            ["page"] = null,   // other filters, first page
        }));

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
