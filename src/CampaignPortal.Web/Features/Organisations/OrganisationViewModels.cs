using CampaignPortal.Web.Domain;

namespace CampaignPortal.Web.Features.Organisations;

public sealed record OrganisationRow(
    int Id, int? ParentId, string Name, string ShortName, OrganisationKind Kind, int Level, int Users, bool IsActive, string? ParentName);

public sealed record OrganisationTreeViewModel(
    string RootName, int RootId, string? Query, bool ShowInactive, IReadOnlyList<OrganisationRow> Rows, int Total);

/// <summary>An entry of an organisation drop-down: indented by level, active organisations only.</summary>
public sealed record OrganisationOption(int Id, string Label);

public sealed record OrganisationFormViewModel(int? Id, OrganisationInput Input, IReadOnlyList<OrganisationOption> Parents, bool IsScopeRoot);

public sealed record MoveOrganisationViewModel(int Id, string Name, string? CurrentParent, MoveOrganisationInput Input, IReadOnlyList<OrganisationOption> Parents);

public sealed record ConfirmActiveViewModel(int Id, string Name, bool Activate, int ActiveChildren, int ActiveUsers);
