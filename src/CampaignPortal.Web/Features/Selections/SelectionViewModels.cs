using CampaignPortal.Web.Domain;

namespace CampaignPortal.Web.Features.Selections;

public sealed record SelectionFormViewModel(int CampaignId, string CampaignTitle, int? SelectionId, SelectionInput Input, IReadOnlyList<string> ExistingGroups);

public sealed record GroupRow(int Id, string Name);

public sealed record ExpertRow(int Id, string Name, string Email, string Organisation, string? Group);

public sealed record NominationRow(int Id, string Name, Gender Gender, int BirthYear, string CandidateOrganisation, string? Title, string Group, string NominatedBy,
    NominationStatus Status, string? RejectionReason, bool IsWinner, bool IsPutForward);

public sealed record RoundRow(int Id, int Number, string Name, RoundKind Kind, RoundStatus Status, DateTimeOffset? DueAt, string? Rule, int Candidates, int Advancing);

public sealed record SelectionViewModel(
    int Id, string Title, string Campaign, int CampaignId, string? Description, string? Eligibility, DateOnly Opens, DateOnly Closes, int Quota, DateTimeOffset? FinishedAt,
    IReadOnlyList<GroupRow> Groups, IReadOnlyList<ExpertRow> Experts, IReadOnlyList<NominationRow> Nominations, IReadOnlyList<RoundRow> Rounds,
    IReadOnlyList<NominationRow> Finalists, string? ExpertEmail, ILookup<int, NominationFileRow>? Files = null);

public sealed record RoundFormViewModel(int SelectionId, string Selection, int Number, int Candidates, bool HasGroups, IReadOnlyList<ExpertRow> Experts, RoundInput Input);

public sealed record RoundCandidateRow(int NominationId, string Name, string Group, string CandidateOrganisation, string NominatedBy, int? Yes, bool Advances, bool WasTied);

public sealed record RoundViewModel(
    int Id, int SelectionId, string Selection, int Number, string Name, RoundKind Kind, RoundStatus Status, DateTimeOffset? DueAt, string? Rule, bool PerGroup,
    string? MissingVotesReason, string? MeetingNote, IReadOnlyList<PanellistProgress> Progress, int MissingVotes, IReadOnlyList<RoundCandidateRow> Candidates,
    IReadOnlyList<Tie> Ties, bool IsLast, string? MinutesName = null);

public sealed record MyNominationsViewModel(int SelectionId, string Title, string? Eligibility, DateOnly Opens, DateOnly Closes, bool Open, int Quota, int Submitted,
    IReadOnlyList<NominationRow> Nominations);

public sealed record NominationFormViewModel(int SelectionId, string Selection, int? NominationId, NominationStatus Status, bool Open, IReadOnlyList<GroupRow> Groups,
    NominationInput Input, string? RejectionReason, IReadOnlyList<NominationFileRow>? Files = null);
