using AdvertStatus.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace AdvertStatus.Web.Components.Widgets;

/// <summary>
/// A part of the Settings page. What a role may not do is not offered, and every change asks again
/// whether the circuit's user may make it: a user demoted while the page is open is refused. Buttons
/// stay disabled in the prerendered HTML, where a click would have no handler yet.
/// </summary>
public abstract class SettingsPanel : ComponentBase
{
    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = default!;

    [Inject] protected ISnackbar Snackbar { get; set; } = default!;

    /// <summary>Whether the signed-in user is an Admin (decides what the panel offers).</summary>
    protected bool IsAdmin { get; private set; }

    protected override async Task OnInitializedAsync()
    {
        IsAdmin = Access.Allows((await Authentication).User, ApiKeyScopes.Admin);
        await OnInitializedForUserAsync();
    }

    protected virtual Task OnInitializedForUserAsync() => Task.CompletedTask;

    /// <summary>The audit actor of an Admin about to change something, or null (with a message) for anyone else.</summary>
    protected async Task<string?> AdminActorAsync()
    {
        var user = (await Authentication).User;
        if (Access.Allows(user, ApiKeyScopes.Admin))
        {
            return Access.ActorOf(user);
        }

        Snackbar.Add("Only an Admin may change settings, keys or users.", Severity.Error);
        return null;
    }

    /// <summary>Shows each field's problem the way the API names it.</summary>
    protected void ShowErrors(Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (field, messages) in errors)
        {
            Snackbar.Add($"{field}: {string.Join(" ", messages)}", Severity.Warning);
        }
    }
}
