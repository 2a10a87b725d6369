using CampaignPortal.Web.Features.Organisations;

namespace CampaignPortal.Web.Features.Users;

public sealed record UserRow(
    string Id, string Email, string DisplayName, string? Phone, string Organisation, IReadOnlyList<string> Roles,
    bool IsDisabled, bool IsLocked, bool MustChangePassword, DateTimeOffset CreatedAt);

public sealed record UserListViewModel(
    UserListQuery Query, IReadOnlyList<UserRow> Rows, int Total, int Page, int PageCount, IReadOnlyList<OrganisationOption> Organisations);

public sealed record UserFormViewModel(string? Id, UserInput Input, IReadOnlyList<OrganisationOption> Organisations, bool IsSelf);

public sealed record UserDetailViewModel(UserRow User, bool IsSelf, DateTimeOffset? LockoutEnd);

/// <summary>Shown once, in the response to the POST that created it; never stored in clear.</summary>
public sealed record OneTimePasswordViewModel(string Title, IReadOnlyList<IssuedPassword> Passwords);

public sealed record IssuedPassword(string Email, string DisplayName, string Organisation, string Password);
