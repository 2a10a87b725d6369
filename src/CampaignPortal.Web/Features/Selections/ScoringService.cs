using System.Globalization;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Selections;

/// <summary>
/// An expert's score sheet in a scoring or ranking round: only the candidates of their group they did not recuse from,
/// only their own marks, nothing of anyone else's before the round ends. Anything else answers null (404).
/// </summary>
public sealed partial class ScoringService(AppDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock, ILogger<ScoringService> logger)
{
    private string UserId => user.UserId ?? string.Empty;

    /// <summary>The scoring or ranking round if the user sits on its panel, with their candidates (group, minus recusals).</summary>
    public async Task<(SelectionRound Round, List<int> Mine)?> PanelRoundAsync(int roundId, CancellationToken cancellationToken)
    {
        var me = UserId;
        var seat = await db.SelectionRounds.Where(r => r.Id == roundId && (r.Kind == RoundKind.Scoring || r.Kind == RoundKind.Ranking))
            .SelectMany(r => r.Panel.Where(p => p.Expert!.UserId == me).Select(p => new { p.Expert!.GroupId }))
            .FirstOrDefaultAsync(cancellationToken);
        if (seat is null)
        {
            return null;
        }

        var round = await db.SelectionRounds.Include(r => r.Candidates).Include(r => r.Criteria).SingleAsync(r => r.Id == roundId, cancellationToken);
        var recused = await db.SelectionRecusals.Where(r => r.SelectionId == round.SelectionId && r.ExpertUserId == me).Select(r => r.NominationId).ToListAsync(cancellationToken);
        return (round, [.. round.Candidates.Where(c => (seat.GroupId is null || c.GroupId == seat.GroupId) && !recused.Contains(c.NominationId)).Select(c => c.NominationId)]);
    }

    /// <summary>The sheet, with the expert's saved marks, or <paramref name="posted"/> when re-showing a form with errors.</summary>
    public async Task<ScoreSheetViewModel?> SheetAsync(int roundId, IReadOnlyDictionary<string, string>? posted, CancellationToken cancellationToken)
    {
        if (await PanelRoundAsync(roundId, cancellationToken) is not var (round, mine))
        {
            return null;
        }

        var me = UserId;
        var saved = await db.SelectionScores.Where(s => s.RoundId == roundId && s.ExpertUserId == me)
            .Select(s => new { s.NominationId, s.CriterionId, s.Value }).ToListAsync(cancellationToken);
        var values = posted ?? saved.ToDictionary(s => Key(s.NominationId, s.CriterionId), s => s.Value.ToString(CultureInfo.InvariantCulture));
        var candidates = await db.Nominations.AsNoTracking().Where(n => mine.Contains(n.Id))
            .OrderBy(n => n.Group!.Order).ThenBy(n => n.Name)
            .Select(n => new BallotCandidate(n.Id, n.Name, n.Gender, n.BirthYear, n.CandidateOrganisation, n.Title, n.Group!.Name, n.Organisation!.Name, n.Achievements))
            .ToListAsync(cancellationToken);
        var recusals = await db.SelectionRecusals.AsNoTracking().Where(r => r.SelectionId == round.SelectionId && r.ExpertUserId == me)
            .Join(db.Nominations, r => r.NominationId, n => n.Id, (r, n) => new { n.Name, r.Reason, r.Note }).ToListAsync(cancellationToken);
        var selection = await db.Selections.Where(s => s.Id == round.SelectionId).Select(s => s.Title).SingleAsync(cancellationToken);
        var criteria = round.Criteria.OrderBy(c => c.Order).Select(c => new CriterionRow(c.Id, c.Name, c.Weight)).ToList();
        var done = saved.GroupBy(s => s.NominationId).Count(g => mine.Contains(g.Key) && g.Count() >= Math.Max(1, criteria.Count));
        return new ScoreSheetViewModel(round.Id, selection, round.Number, round.Name, round.Kind, round.DueAt!.Value, round.AcceptsScores(clock.GetUtcNow()), round.Status,
            round.CutOff!.Describe(), round.DropExtremes, criteria, candidates, values, done,
            [.. recusals.Select(r => $"{r.Name}（{r.Reason.ToChinese()}{(r.Note is null ? null : "：" + r.Note)}）")]);
    }

    public static string Key(int nominationId, int? criterionId) =>
        criterionId is { } c ? $"score-{nominationId}-{c}" : $"rank-{nominationId}";

    /// <summary>
    /// Saves the expert's marks before the due date: in a scoring round every criterion of a candidate or none (a candidate
    /// left blank stays unscored), each 1–10; in a ranking round every candidate, ranks 1..n once each. All or nothing;
    /// every new or changed mark is audited per candidate, never with its value.
    /// </summary>
    public async Task<CommandResult> SaveAsync(int roundId, IReadOnlyDictionary<string, string> form, CancellationToken cancellationToken)
    {
        if (await PanelRoundAsync(roundId, cancellationToken) is not var (round, mine))
        {
            return CommandResult.NotFound;
        }

        var now = clock.GetUtcNow();
        if (!round.AcceptsScores(now))
        {
            throw new DomainException(round.Status == RoundStatus.Open ? "评审已截止，不能再评分或修改。" : "本轮评审已经结束。");
        }

        var criteria = round.Criteria.Select(c => (int?)c.Id).ToList();
        var allowed = mine.SelectMany(n => round.Kind == RoundKind.Ranking ? [Key(n, null)] : criteria.Select(c => Key(n, c))).ToHashSet();
        if (form.Keys.Any(k => !allowed.Contains(k)))
        {
            return CommandResult.NotFound;
        }

        var (marks, errors) = round.Kind == RoundKind.Ranking ? ScoreSheetRules.Ranks(mine, form) : ScoreSheetRules.Scores(mine, criteria, form);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        if (marks.Count == 0)
        {
            return CommandResult.Invalid("sheet", round.Kind == RoundKind.Ranking ? "请为候选人排出名次后再保存。" : "请至少为一位候选人打分后再保存。");
        }

        var me = UserId;
        var existing = await db.SelectionScores.Where(s => s.RoundId == roundId && s.ExpertUserId == me).ToListAsync(cancellationToken);
        var names = await db.Nominations.Where(n => mine.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Name, cancellationToken);
        var noun = round.Kind == RoundKind.Ranking ? "排序" : "评分";
        foreach (var candidate in marks.GroupBy(m => m.NominationId))
        {
            var changed = false;
            var added = false;
            foreach (var mark in candidate)
            {
                if (existing.Find(s => s.NominationId == mark.NominationId && s.CriterionId == mark.CriterionId) is { } score)
                {
                    changed |= score.Change(mark.Value, now);
                }
                else
                {
                    db.SelectionScores.Add(new SelectionScore(roundId, mark.NominationId, me, mark.CriterionId, mark.Value, now));
                    added = true;
                }
            }

            var id = roundId.ToString(CultureInfo.InvariantCulture);
            if (added)
            {
                audit.Record(AuditAction.VoteCast, nameof(SelectionRound), id, $"第{round.Number}轮：对{names[candidate.Key]}{noun}");
            }
            else if (changed)
            {
                var times = existing.Where(s => s.NominationId == candidate.Key).Max(s => s.Changes);
                audit.Record(AuditAction.VoteChanged, nameof(SelectionRound), id, $"第{round.Number}轮：对{names[candidate.Key]}的{noun}已修改（第 {times} 次）");
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var count = marks.Select(m => m.NominationId).Distinct().Count();
        LogScored(logger, roundId, count);
        return CommandResult.Ok(roundId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Marks on {Count} candidates saved in round {RoundId}")]
    private static partial void LogScored(ILogger logger, int roundId, int count);
}

public sealed record CriterionRow(int Id, string Name, int Weight);

public sealed record ScoreSheetViewModel(int RoundId, string Selection, int Number, string Name, RoundKind Kind, DateTimeOffset DueAt, bool Open, RoundStatus Status, string Rule,
    bool DropExtremes, IReadOnlyList<CriterionRow> Criteria, IReadOnlyList<BallotCandidate> Candidates, IReadOnlyDictionary<string, string> Values, int Done,
    IReadOnlyList<string> Recusals);
