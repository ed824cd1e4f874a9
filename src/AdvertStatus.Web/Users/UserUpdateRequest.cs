namespace AdvertStatus.Web.Users;

/// <summary><c>PATCH /api/v1/admin/users/{id}</c>: <c>{ "role"?, "disabled"? }</c>; a field left out stays as it is.</summary>
public sealed record UserUpdateRequest(string? Role, bool? Disabled);
