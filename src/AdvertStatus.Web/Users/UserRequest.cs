using System.ComponentModel.DataAnnotations;

namespace AdvertStatus.Web.Users;

/// <summary><c>POST /api/v1/admin/users</c>: <c>{ "email", "role", "password" }</c>.</summary>
public sealed record UserRequest(string? Email, string? Role, string? Password)
{
    /// <summary>Problems the request shows on its own; the password rules and duplicates are Identity's to check.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Email) || !new EmailAddressAttribute().IsValid(Email.Trim()) || Email.Trim().Length > 256)
        {
            errors["email"] = ["email must be an email address (it is also the sign-in name)."];
        }

        if (Security.Roles.Find(Role) is null)
        {
            errors["role"] = [$"role must be one of: {string.Join(", ", Security.Roles.All)}."];
        }

        if (string.IsNullOrEmpty(Password))
        {
            errors["password"] = ["password is required."];
        }

        return errors;
    }
}
