using Microsoft.AspNetCore.Identity;

namespace AdvertStatus.Web.Data;

/// <summary>A person who signs in to the dashboard. The email is the user name; the role decides what they may do.</summary>
/// <remarks>Here rather than in Users because the Identity context is typed by it; Users holds everything done with it.</remarks>
public sealed class AppUser : IdentityUser
{
    /// <summary>A disabled user cannot sign in, and their open sessions end at the next security-stamp check.</summary>
    public bool Disabled { get; set; }

    public DateTime CreatedAt { get; set; }
}
