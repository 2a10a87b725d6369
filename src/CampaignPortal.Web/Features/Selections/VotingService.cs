using System.Globalization;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Selections;

/// <summary>
/// An expert's side: the selections and rounds they sit on, and their own votes. An expert sees only the candidates of
/// the groups they sit on, never another expert's vote, and no count before voting ends. Anything else answers null (404).
/// </summary>
public sealed partial class VotingService(AppDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock, ILogger<VotingService> logger)
{
    private string UserId => user.UserId ?? string.Empty;

    public async Task<IReadOnlyList<ExpertRoundRow>> MyRoundsAsync(CancellationToken cancellationToken)
    {
        var me = UserId;
        return await db.SelectionRounds.AsNoTracking()
            .Where(r => r.Kind != RoundKind.Meeting && r.Panel.Any(p => p.Expert!.UserId == me))
            .OrderBy(r => r.Status).ThenBy(r => r.DueAt)
            .Select(r => new ExpertRoundRow(r.Id, db.Selections.Where(s => s.Id == r.SelectionId).Select(s => s.Title).Single(), r.Number, r.Name, r.Status, r.DueAt,
                db.SelectionVotes.Count(v => v.RoundId == r.Id && v.ExpertUserId == me)
                + db.SelectionScores.Where(v => v.RoundId == r.Id && v.ExpertUserId == me).Select(v => v.NominationId).Distinct().Count(), r.Kind))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The round if the user is on its panel, with the group they sit on (null: all groups).</summary>
    public async Task<(SelectionRound Round, int? GroupId)?> PanelRoundAsync(int roundId, CancellationToken cancellationToken)
    {
        var me = UserId;
        var seat = await db.SelectionRounds.Where(r => r.Id == roundId && r.Kind == RoundKind.Vote)
            .SelectMany(r => r.Panel.Where(p => p.Expert!.UserId == me).Select(p => new { p.Expert!.GroupId }))
            .FirstOrDefaultAsync(cancellationToken);
        if (seat is null)
        {
            return null;
        }

        var round = await db.SelectionRounds.Include(r => r.Candidates).SingleAsync(r => r.Id == roundId, cancellationToken);
        return (round, seat.GroupId);
    }

    public async Task<BallotViewModel?> BallotAsync(int roundId, CancellationToken cancellationToken)
    {
        if (await PanelRoundAsync(roundId, cancellationToken) is not var (round, groupId))
        {
            return null;
        }

        var me = UserId;
        // The selection's title with the candidates I recused from, in one command.
        var selection = await db.Selections.AsNoTracking().Where(s => s.Id == round.SelectionId)
            .Select(s => new { s.Title, Recused = db.SelectionRecusals.Where(r => r.SelectionId == s.Id && r.ExpertUserId == me).Select(r => r.NominationId).ToList() })
            .AsSingleQuery().SingleAsync(cancellationToken);
        var recused = selection.Recused.ToHashSet();
        var mine = round.Candidates.Where(c => (groupId is null || c.GroupId == groupId) && !recused.Contains(c.NominationId)).Select(c => c.NominationId).ToList();
        var votes = await db.SelectionVotes.Where(v => v.RoundId == roundId && v.ExpertUserId == me).ToDictionaryAsync(v => v.NominationId, v => v.Yes, cancellationToken);
        var candidates = await db.Nominations.AsNoTracking().Where(n => mine.Contains(n.Id))
            .OrderBy(n => n.Group!.Order).ThenBy(n => n.Name)
            .Select(n => new BallotCandidate(n.Id, n.Name, n.Gender, n.BirthYear, n.CandidateOrganisation, n.Title, n.Group!.Name, n.Organisation!.Name, n.Achievements))
            .ToListAsync(cancellationToken);
        var files = await NominationFileService.ListAsync(db.Set<NominationFile>().Where(f => mine.Contains(f.NominationId)), cancellationToken);
        return new BallotViewModel(round.Id, selection.Title, round.Number, round.Name, round.DueAt!.Value, round.AcceptsVotes(clock.GetUtcNow()), round.Status,
            round.CutOff!.Describe(), candidates, votes, files.ToLookup(f => f.NominationId));
    }

    /// <summary>Casts or changes votes (nominationId → yes/no) before the due date; every one is audited, without its value.</summary>
    public async Task<CommandResult> VoteAsync(int roundId, IReadOnlyDictionary<int, bool> ballot, CancellationToken cancellationToken)
    {
        if (await PanelRoundAsync(roundId, cancellationToken) is not var (round, groupId))
        {
            return CommandResult.NotFound;
        }

        var now = clock.GetUtcNow();
        if (!round.AcceptsVotes(now))
        {
            throw new DomainException(round.Status == RoundStatus.Open ? "投票已截止，不能再投票或改票。" : "本轮投票已经结束。");
        }

        var recused = await RecusedAsync(round.SelectionId, cancellationToken);
        var mine = round.Candidates.Where(c => (groupId is null || c.GroupId == groupId) && !recused.Contains(c.NominationId)).Select(c => c.NominationId).ToHashSet();
        if (ballot.Count == 0)
        {
            return CommandResult.Invalid("ballot", "请对候选人表示赞成或不赞成后再保存。");
        }

        if (ballot.Keys.Any(id => !mine.Contains(id)))
        {
            return CommandResult.NotFound;
        }

        var me = UserId;
        var existing = await db.SelectionVotes.Where(v => v.RoundId == roundId && v.ExpertUserId == me).ToDictionaryAsync(v => v.NominationId, cancellationToken);
        var names = await db.Nominations.Where(n => ballot.Keys.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Name, cancellationToken);
        foreach (var (nominationId, yes) in ballot)
        {
            if (existing.TryGetValue(nominationId, out var vote))
            {
                if (vote.Change(yes, now))
                {
                    audit.Record(AuditAction.VoteChanged, nameof(SelectionRound), roundId.ToString(CultureInfo.InvariantCulture), $"第{round.Number}轮：对{names[nominationId]}的投票已修改（第 {vote.Changes} 次）");
                }
            }
            else
            {
                db.SelectionVotes.Add(new SelectionVote(roundId, nominationId, me, yes, now));
                audit.Record(AuditAction.VoteCast, nameof(SelectionRound), roundId.ToString(CultureInfo.InvariantCulture), $"第{round.Number}轮：对{names[nominationId]}投票");
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        LogVoted(logger, roundId, ballot.Count);
        return CommandResult.Ok(roundId);
    }

    /// <summary>The candidates of the selection the current expert recused from (回避): hidden from them in every round.</summary>
    public async Task<HashSet<int>> RecusedAsync(int selectionId, CancellationToken cancellationToken)
    {
        var me = UserId;
        return [.. await db.SelectionRecusals.Where(r => r.SelectionId == selectionId && r.ExpertUserId == me).Select(r => r.NominationId).ToListAsync(cancellationToken)];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Votes on {Count} candidates saved in round {RoundId}")]
    private static partial void LogVoted(ILogger logger, int roundId, int count);
}

public sealed record ExpertRoundRow(int Id, string Selection, int Number, string Name, RoundStatus Status, DateTimeOffset? DueAt, int Voted, RoundKind Kind);

public sealed record BallotCandidate(int Id, string Name, Gender Gender, int BirthYear, string Organisation, string? Title, string Group, string NominatedBy, string? Achievements);

public sealed record BallotViewModel(int RoundId, string Selection, int Number, string Name, DateTimeOffset DueAt, bool Open, RoundStatus Status, string Rule,
    IReadOnlyList<BallotCandidate> Candidates, IReadOnlyDictionary<int, bool> Votes, ILookup<int, NominationFileRow>? Files = null);
