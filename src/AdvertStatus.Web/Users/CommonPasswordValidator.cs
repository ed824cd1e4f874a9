using System.Collections.Frozen;
using AdvertStatus.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace AdvertStatus.Web.Users;

/// <summary>
/// Refuses a password that is, or is built on, one of the 30,000 most common passwords of breach corpora
/// (<c>CommonPasswords.txt</c>, shipped in the assembly). "Built on" means what is left after the digits and
/// symbols people add at either end to pass a length or character rule: <c>Password2026!</c> is <c>password</c>.
/// </summary>
internal sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public const string Code = "PasswordTooCommon";

    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError
            {
                Code = Code,
                Description = "This password is one of the most common passwords of known breaches, or one with digits or symbols added. " +
                    "Choose another.",
            })
            : IdentityResult.Success);

    public static bool IsCommon(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var lower = password.ToLowerInvariant();
        var core = lower.Trim().TrimStart(NotALetter).TrimEnd(NotALetter);
        return Common.Value.Contains(lower) || (core.Length > 0 && Common.Value.Contains(core));
    }

    private static readonly char[] NotALetter = [.. Enumerable.Range(32, 95).Select(c => (char)c).Where(c => !char.IsLetter(c))];

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("AdvertStatus.Web.Users.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                words.Add(line.Trim().ToLowerInvariant());
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
