using Microsoft.AspNetCore.Identity;

namespace AdvertStatus.Web.Users;

/// <summary>A person who signs in to the dashboard. The email is the user name; the role decides what they may do.</summary>
public sealed class AppUser : IdentityUser
{
    /// <summary>A disabled user cannot sign in, and their open sessions end at the next security-stamp check.</summary>
    public bool Disabled { get; set; }

    public DateTime CreatedAt { get; set; }
}
