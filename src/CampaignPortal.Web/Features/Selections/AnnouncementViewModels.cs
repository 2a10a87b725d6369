using CampaignPortal.Web.Domain;

namespace CampaignPortal.Web.Features.Selections;

/// <summary>A candidate as the public sees them on the 公示 and the result page.</summary>
public sealed record PublicCandidateRow(
    int EntryId, int NominationId, string Name, Gender Gender, string CandidateOrganisation, string? Title, string Group, string? Citation, bool IsWinner, bool IsPutForward,
    Guid? PhotoId, bool Removed);

public sealed record GongshiViewModel(
    int SelectionId, string Selection, string Title, string Body, string Issuer, string PeriodText, DateTimeOffset PublishedAt, bool Open, bool NotYetOpen,
    string ContactName, string ContactPhone, IReadOnlyList<PublicCandidateRow> Candidates, bool ResultPublished);

public sealed record ResultViewModel(int SelectionId, string Title, string Issuer, DateTimeOffset PublishedAt, IReadOnlyList<PublicCandidateRow> Winners, IReadOnlyList<PublicCandidateRow> PutForward);

public sealed record ObjectionFormViewModel(int SelectionId, string Title, string PeriodText, IReadOnlyList<PublicCandidateRow> Candidates, ObjectionInput Input);

public sealed record ObjectionRow(int Id, string Reference, string Name, string Target, DateTimeOffset SubmittedAt, ObjectionOutcome? Outcome);

/// <summary>The organiser's 公示 page: the form before it is published, then its state, the candidates, the objections.</summary>
public sealed record AnnouncementViewModel(
    int SelectionId, string Selection, bool Proposed, AnnouncementInput Input, string? EndText, AnnouncementStatusView? Status,
    IReadOnlyList<PublicCandidateRow> Candidates, IReadOnlyList<ObjectionRow> Objections);

public sealed record AnnouncementStatusView(
    string Title, string PeriodText, DateTimeOffset EndsAt, bool Ended, DateTimeOffset? FinalisedAt, DateTimeOffset? ResultPublishedAt, string ContactName, string ContactPhone);

public sealed record ObjectionViewModel(
    int SelectionId, string Selection, int Id, string Reference, string Name, string Unit, string Phone, string Target, bool AgainstCandidate, string Grounds,
    string? FileName, DateTimeOffset SubmittedAt, ObjectionOutcome? Outcome, string? Handling, DateTimeOffset? HandledAt, string? HandledBy, bool Finalised, HandlingInput Input);

public sealed record PublicAnnouncementRow(int SelectionId, string Title, string Issuer, DateTimeOffset PublishedAt, bool Result, string? PeriodText);
