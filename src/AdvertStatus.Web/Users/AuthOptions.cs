namespace AdvertStatus.Web.Users;

/// <summary>The <c>Auth</c> settings: the first Admin (<c>Auth:BootstrapAdmin:Email</c> / <c>:Password</c>).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public BootstrapAdminOptions BootstrapAdmin { get; set; } = new();
}

public sealed class BootstrapAdminOptions
{
    /// <summary>Development's documented default, used only there and only when nothing is configured.</summary>
    public const string DevelopmentEmail = "admin@advertstatus.local";

    /// <summary>Development's documented default password (see the README); never used outside Development.</summary>
    public const string DevelopmentPassword = "Dev-only-Admin-1!";

    public string? Email { get; set; }
    public string? Password { get; set; }
}
