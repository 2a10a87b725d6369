using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Selections;

/// <summary>The organiser's page of a scoring or ranking round. Callers check ownership first (RoundService.OwnAsync).</summary>
public sealed class ScoringReadService(AppDbContext db, RoundService rounds)
{
    public async Task<ScoreRoundViewModel> RoundAsync(SelectionRound round, CancellationToken cancellationToken)
    {
        var selection = await db.Selections.Where(s => s.Id == round.SelectionId).Select(s => s.Title).SingleAsync(cancellationToken);
        var criteria = await db.Set<RoundCriterion>().Where(c => c.RoundId == round.Id).OrderBy(c => c.Order).Select(c => new CriterionRow(c.Id, c.Name, c.Weight))
            .ToListAsync(cancellationToken);
        var ids = round.Candidates.Select(c => c.NominationId).ToList();
        var people = await db.Nominations.AsNoTracking().Where(n => ids.Contains(n.Id))
            .Select(n => new { n.Id, n.Name, Group = n.Group!.Name, GroupOrder = n.Group.Order, n.CandidateOrganisation, By = n.Organisation!.Name })
            .ToDictionaryAsync(n => n.Id, cancellationToken);
        var recusals = await db.SelectionRecusals.CountAsync(r => r.SelectionId == round.SelectionId && ids.Contains(r.NominationId), cancellationToken);

        // Results only once the scoring has ended: before that, the organiser sees who has scored, never what.
        var counted = round.Status != RoundStatus.Open;
        var ranking = round.Kind == RoundKind.Ranking;
        var candidates = round.Candidates.Select(c => (c, p: people[c.NominationId]))
            .OrderBy(x => x.p.GroupOrder)
            .ThenBy(x => !counted ? 0 : x.c.Hundredths is { } h ? (ranking ? h : -h) : int.MaxValue)
            .ThenBy(x => x.c.NominationId)
            .Select(x => new ScoreCandidateRow(x.c.NominationId, x.p.Name, x.p.Group, x.p.CandidateOrganisation, x.p.By, counted ? x.c.Hundredths : null, x.c.Advances, x.c.WasTied))
            .ToList();
        var isLast = !await db.SelectionRounds.AnyAsync(r => r.SelectionId == round.SelectionId && r.Number > round.Number, cancellationToken);
        var progress = await rounds.ProgressAsync(round, cancellationToken);
        return new ScoreRoundViewModel(round.Id, round.SelectionId, selection, round.Number, round.Name, round.Kind, round.Status, round.DueAt, round.CutOff!.Describe(),
            round.DropExtremes, criteria, round.MissingVotesReason, progress, progress.Sum(p => p.Expected - p.Voted), recusals, candidates,
            round.Status == RoundStatus.TiesPending ? [.. round.Outcome().Ties.Select(t => new ScoreTie(t.GroupId, round.CutOff!.LineText(t.Yes), t.Slots, t.NominationIds))] : [],
            isLast);
    }
}

public sealed record ScoreCandidateRow(int NominationId, string Name, string Group, string CandidateOrganisation, string NominatedBy, int? Hundredths, bool Advances, bool WasTied);

public sealed record ScoreTie(int? GroupId, string Line, int Slots, IReadOnlyList<int> NominationIds);

public sealed record ScoreRoundViewModel(
    int Id, int SelectionId, string Selection, int Number, string Name, RoundKind Kind, RoundStatus Status, DateTimeOffset? DueAt, string Rule, bool DropExtremes,
    IReadOnlyList<CriterionRow> Criteria, string? MissingReason, IReadOnlyList<PanellistProgress> Progress, int Missing, int Recusals,
    IReadOnlyList<ScoreCandidateRow> Candidates, IReadOnlyList<ScoreTie> Ties, bool IsLast);
