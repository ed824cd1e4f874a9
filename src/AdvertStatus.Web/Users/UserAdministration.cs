using AdvertStatus.Web.Audit;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Users;

/// <summary>
/// Creates, lists and changes users for the admin API and the Settings page, and audits failed
/// sign-ins. Identity's managers are scoped, so each operation runs in a scope of its own: the
/// dashboard's circuits live long and must not share one context.
/// </summary>
public sealed class UserAdministration(IServiceScopeFactory scopes, IDbContextFactory<AdvertStatusDbContext> contexts, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserItem>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var roleOf = roles.ToLookup(r => r.UserId, r => r.Name!);
        return [.. users.Select(u => ToItem(u, roleOf[u.Id].FirstOrDefault() ?? ""))];
    }

    /// <summary>The new user, or the problems by field (bad email, unknown role, weak password, duplicate).</summary>
    public async Task<(UserItem? Created, Dictionary<string, string[]> Errors)> CreateAsync(UserRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = request.Email!.Trim();
        var role = Roles.Find(request.Role)!;
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = clock.GetUtcNow().UtcDateTime };

        // Identity checks the password rules and the unique name inside CreateAsync; nothing is stored on failure.
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            return (null, ErrorsOf(created));
        }

        await users.AddToRoleAsync(user, role);
        await AuditAsync(actor, AuditActions.UserCreate, email, $"role {role}", cancellationToken);
        return (ToItem(user, role), errors);
    }

    /// <summary>Changes role and/or disabled state. Null when there is no such user; errors when the change would lock every Admin out.</summary>
    public async Task<(UserItem? Updated, Dictionary<string, string[]> Errors)> UpdateAsync(
        string id, UserUpdateRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        var role = request.Role is null ? null : Roles.Find(request.Role);
        if (request.Role is not null && role is null)
        {
            errors["role"] = [$"role must be one of: {string.Join(", ", Roles.All)}."];
            return (null, errors);
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return (null, errors);
        }

        var current = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
        var losesAdmin = current == Roles.Admin && !user.Disabled && ((role is not null && role != Roles.Admin) || request.Disabled == true);
        if (losesAdmin && await EnabledAdminCountAsync(cancellationToken) <= 1)
        {
            errors[role is not null && role != Roles.Admin ? "role" : "disabled"] =
                ["This is the last enabled Admin; make another user Admin first."];
            return (null, errors);
        }

        var changes = new List<string>();
        if (role is not null && role != current)
        {
            if (current.Length > 0)
            {
                await users.RemoveFromRoleAsync(user, current);
            }

            await users.AddToRoleAsync(user, role);
            changes.Add($"role {current} → {role}");
            current = role;
        }

        if (request.Disabled is { } disabled && disabled != user.Disabled)
        {
            user.Disabled = disabled;
            await users.UpdateAsync(user);
            changes.Add(disabled ? "disabled" : "enabled");
        }

        if (changes.Count > 0)
        {
            // A new stamp ends the user's sessions at the next check, so a demotion or a disable takes effect.
            await users.UpdateSecurityStampAsync(user);
            await AuditAsync(actor, AuditActions.UserUpdate, user.Email!, string.Join("; ", changes), cancellationToken);
        }

        return (ToItem(user, current), errors);
    }

    /// <summary>Records a failed sign-in; <paramref name="email"/> is what was typed, which may name nobody.</summary>
    public Task RecordFailedSignInAsync(string email, string reason, string? address, CancellationToken cancellationToken) =>
        AuditAsync($"user:{email}", AuditActions.SignInFailed, email, $"{reason} (from {address ?? "unknown address"})", cancellationToken);

    private async Task<int> EnabledAdminCountAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await (from ur in db.UserRoles
                      join r in db.Roles on ur.RoleId equals r.Id
                      join u in db.Users on ur.UserId equals u.Id
                      where r.Name == Roles.Admin && !u.Disabled
                      select u.Id).CountAsync(cancellationToken);
    }

    /// <summary>Audits an action on the user <paramref name="email"/> (target <c>user:&lt;email&gt;</c>) in a commit of its own.</summary>
    private async Task AuditAsync(string actor, string action, string email, string detail, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        AuditLog.Add(db, clock.GetUtcNow().UtcDateTime, actor, action, $"user:{email}", detail);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Dictionary<string, string[]> ErrorsOf(IdentityResult result) =>
        result.Errors
            .GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "password"
                : e.Code.Contains("UserName", StringComparison.Ordinal) || e.Code.Contains("Email", StringComparison.Ordinal) ? "email"
                : "body")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());

    private static UserItem ToItem(AppUser user, string role) =>
        new(user.Id, user.Email ?? user.UserName ?? "", role, user.Disabled, user.LockoutEnd, user.CreatedAt);
}
