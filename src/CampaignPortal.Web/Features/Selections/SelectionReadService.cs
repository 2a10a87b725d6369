using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Selections;

/// <summary>The organiser's pages: a selection's overview and a round's page. Callers check ownership first.</summary>
public sealed class SelectionReadService(AppDbContext db, RoundService rounds)
{
    public async Task<SelectionViewModel> OverviewAsync(Selection s, string? expertEmail, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.Where(c => c.Id == s.CampaignId).Select(c => c.Title).SingleAsync(cancellationToken);
        var experts = await ExpertsAsync(s.Id, cancellationToken);
        var nominations = await NominationsAsync(db.Nominations.Where(n => n.SelectionId == s.Id && n.Status != NominationStatus.Draft), cancellationToken);
        var roundRows = await db.SelectionRounds.AsNoTracking().Where(r => r.SelectionId == s.Id).OrderBy(r => r.Number)
            .Select(r => new
            {
                r.Id,
                r.Number,
                r.Name,
                r.Kind,
                r.Status,
                r.DueAt,
                r.CutOffRule,
                r.CutOffCount,
                r.FractionNumerator,
                r.FractionDenominator,
                Candidates = r.Candidates.Count,
                Advancing = r.Candidates.Count(c => c.Advances)
            })
            .ToListAsync(cancellationToken);
        var list = roundRows.Select(r => new RoundRow(r.Id, r.Number, r.Name, r.Kind, r.Status, r.DueAt,
            r.CutOffRule is { } rule ? new CutOff(rule, r.CutOffCount, r.FractionNumerator, r.FractionDenominator, r.Kind.Measure()).Describe() : null, r.Candidates, r.Advancing)).ToList();
        var finalists = new List<NominationRow>();
        if (list.LastOrDefault() is { Status: RoundStatus.Closed } last)
        {
            finalists = await NominationsAsync(db.Nominations.Where(n => db.RoundCandidates.Any(c => c.RoundId == last.Id && c.Advances && c.NominationId == n.Id)), cancellationToken);
        }

        var files = await NominationFileService.ListAsync(
            db.Set<NominationFile>().Where(f => db.Nominations.Any(n => n.Id == f.NominationId && n.SelectionId == s.Id && n.Status != NominationStatus.Draft)), cancellationToken);
        return new SelectionViewModel(s.Id, s.Title, campaign, s.CampaignId, s.Description, s.Eligibility, s.NominationOpens, s.NominationCloses, s.QuotaPerUnit, s.FinishedAt,
            [.. s.Groups.OrderBy(g => g.Order).Select(g => new GroupRow(g.Id, g.Name))], experts, nominations, list, finalists, expertEmail, files.ToLookup(f => f.NominationId));
    }

    public Task<List<ExpertRow>> ExpertsAsync(int selectionId, CancellationToken cancellationToken) =>
        db.SelectionExperts.AsNoTracking().Where(e => e.SelectionId == selectionId).OrderBy(e => e.GrantedAt)
            .Select(e => new ExpertRow(e.Id, e.User!.DisplayName, e.User.Email ?? string.Empty, e.User.Organisation!.Name, e.Group != null ? e.Group.Name : null))
            .ToListAsync(cancellationToken);

    public static Task<List<NominationRow>> NominationsAsync(IQueryable<Nomination> query, CancellationToken cancellationToken) =>
        query.AsNoTracking().OrderBy(n => n.Group!.Order).ThenBy(n => n.Organisation!.Path).ThenBy(n => n.Id)
            .Select(n => new NominationRow(n.Id, n.Name, n.Gender, n.BirthYear, n.CandidateOrganisation, n.Title, n.Group!.Name, n.Organisation!.Name, n.Status,
                n.RejectionReason, n.IsWinner, n.IsPutForward))
            .ToListAsync(cancellationToken);

    public async Task<RoundViewModel> RoundAsync(SelectionRound round, CancellationToken cancellationToken)
    {
        var head = await db.Selections.Where(s => s.Id == round.SelectionId)
            .Select(s => new { s.Title, IsLast = !db.SelectionRounds.Any(r => r.SelectionId == s.Id && r.Number > round.Number) }).SingleAsync(cancellationToken);
        var (selection, isLast) = (head.Title, head.IsLast);
        var ids = round.Candidates.Select(c => c.NominationId).ToList();
        var people = await db.Nominations.AsNoTracking().Where(n => ids.Contains(n.Id))
            .Select(n => new { n.Id, n.Name, Group = n.Group!.Name, GroupOrder = n.Group.Order, n.CandidateOrganisation, By = n.Organisation!.Name })
            .ToDictionaryAsync(n => n.Id, cancellationToken);

        // Counts only once voting has ended: before that, the organiser sees who has voted, never how.
        var counted = round.Status != RoundStatus.Open;
        var candidates = round.Candidates.Select(c => (c, p: people[c.NominationId]))
            .OrderBy(x => x.p.GroupOrder).ThenByDescending(x => counted ? x.c.Yes ?? 0 : 0).ThenBy(x => x.c.NominationId)
            .Select(x => new RoundCandidateRow(x.c.NominationId, x.p.Name, x.p.Group, x.p.CandidateOrganisation, x.p.By, counted ? x.c.Yes : null, x.c.Advances, x.c.WasTied))
            .ToList();
        var progress = round.Kind == RoundKind.Vote ? await rounds.ProgressAsync(round, cancellationToken) : [];
        var minutes = round.MinutesFileId is { } minutesId ? await db.StoredFiles.Where(f => f.Id == minutesId).Select(f => f.OriginalName).SingleOrDefaultAsync(cancellationToken) : null;
        return new RoundViewModel(round.Id, round.SelectionId, selection, round.Number, round.Name, round.Kind, round.Status, round.DueAt, round.CutOff?.Describe(), round.PerGroup,
            round.MissingVotesReason, round.MeetingNote, progress, progress.Sum(p => p.Expected - p.Voted), candidates,
            round.Status == RoundStatus.TiesPending ? round.Outcome().Ties : [], isLast, minutes);
    }
}
