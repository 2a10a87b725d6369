using System.Globalization;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Selections;

/// <summary>The organiser's side of scoring and ranking rounds (issue 16): opening, progress net of recusals, ending.</summary>
public sealed partial class RoundService
{
    private static SelectionRound ScoringRound(int selectionId, int number, RoundInput input, List<(int NominationId, int GroupId)> candidates, DateTimeOffset now)
    {
        var count = input.Rule == CutOffRule.MinimumScore ? ScoreMath.ParseHundredths(input.Threshold) ?? 0 : input.Count ?? 0;
        var criteria = input.Criteria.Where(c => !c.IsBlank).Select(c => ((c.Name ?? string.Empty).Trim(), c.ParsedWeight() ?? 0));
        return SelectionRound.ScoringRound(selectionId, number, input.Name, input.Kind, input.PerGroup, ChinaTime.EndOfDayUtc(input.DueDate!.Value),
            new CutOff(input.Rule, count, input.Numerator ?? 0, input.Denominator ?? 1, input.Kind.Measure()), input.DropExtremes, criteria, candidates, input.ExpertIds, now);
    }

    /// <summary>(expert user id, nomination id) pairs recused in the round's selection.</summary>
    public async Task<HashSet<(string UserId, int NominationId)>> RecusedAsync(SelectionRound round, CancellationToken cancellationToken) =>
        [.. (await db.SelectionRecusals.Where(r => r.SelectionId == round.SelectionId).Select(r => new { r.ExpertUserId, r.NominationId }).ToListAsync(cancellationToken))
            .Select(r => (r.ExpertUserId, r.NominationId))];

    /// <summary>Per expert: the candidates fully scored (every criterion) or ranked.</summary>
    private async Task<Dictionary<string, int>> ScoredCountsAsync(SelectionRound round, CancellationToken cancellationToken)
    {
        var criteria = round.Kind == RoundKind.Scoring ? await db.Set<RoundCriterion>().CountAsync(c => c.RoundId == round.Id, cancellationToken) : 1;
        var rows = await db.SelectionScores.Where(s => s.RoundId == round.Id).GroupBy(s => new { s.ExpertUserId, s.NominationId })
            .Select(g => new { g.Key.ExpertUserId, Count = g.Count() }).ToListAsync(cancellationToken);
        return rows.Where(r => r.Count >= criteria).GroupBy(r => r.ExpertUserId).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>Every candidate's result in hundredths (score, or mean rank), from complete marks of experts who did not recuse.</summary>
    public async Task<Dictionary<int, int?>> ResultsAsync(SelectionRound round, CancellationToken cancellationToken)
    {
        var marks = await MarksAsync(round, cancellationToken);
        return round.Candidates.ToDictionary(c => c.NominationId, c => ScoreMath.ToHundredths(round.Kind == RoundKind.Ranking
            ? ScoreMath.MeanRank([.. marks.Where(m => m.NominationId == c.NominationId).Select(m => m.Rank)])
            : ScoreMath.CandidateScore([.. marks.Where(m => m.NominationId == c.NominationId).Select(m => m.Score)], round.DropExtremes)));
    }

    /// <summary>Each expert's complete mark of each candidate: the weighted score (scoring) or the rank (ranking).</summary>
    public async Task<List<ExpertMark>> MarksAsync(SelectionRound round, CancellationToken cancellationToken)
    {
        var weights = await db.Set<RoundCriterion>().Where(c => c.RoundId == round.Id).ToDictionaryAsync(c => c.Id, c => c.Weight, cancellationToken);
        var recused = await RecusedAsync(round, cancellationToken);
        var rows = await db.SelectionScores.Where(s => s.RoundId == round.Id).Select(s => new { s.ExpertUserId, s.NominationId, s.CriterionId, s.Value }).ToListAsync(cancellationToken);
        return [.. rows.Where(r => !recused.Contains((r.ExpertUserId, r.NominationId))).GroupBy(r => (r.ExpertUserId, r.NominationId))
            .Where(g => round.Kind == RoundKind.Ranking || g.Count() == weights.Count)
            .Select(g => new ExpertMark(g.Key.ExpertUserId, g.Key.NominationId,
                round.Kind == RoundKind.Ranking ? 0 : ScoreMath.ExpertScore([.. g.Select(r => (weights.GetValueOrDefault(r.CriterionId ?? 0), r.Value))]) ?? 0,
                round.Kind == RoundKind.Ranking ? g.First().Value : 0))];
    }

    private async Task<CommandResult> EndScoringAsync(SelectionRound round, int missing, string? reason, CancellationToken cancellationToken)
    {
        var noun = round.Kind == RoundKind.Scoring ? "评分" : "排序";
        if (round.Status == RoundStatus.Open && missing > 0 && string.IsNullOrWhiteSpace(reason))
        {
            return CommandResult.Invalid("reason", $"还有 {missing} 人次未{noun}，结束{noun}须说明原因（如专家因故未能{noun}）。");
        }

        round.EndScoring(await ResultsAsync(round, cancellationToken), missing, reason, clock.GetUtcNow());
        audit.Record(AuditAction.RoundClosed, nameof(SelectionRound), round.Id.ToString(CultureInfo.InvariantCulture),
            $"第{round.Number}轮“{round.Name}”{noun}结束{(missing > 0 ? $"，缺 {missing} 人次，原因：{round.MissingVotesReason}" : string.Empty)}"
            + (round.Status == RoundStatus.TiesPending ? "，有并列待定" : $"，{round.Candidates.Count(c => c.Advances)} 人晋级"));
        await db.SaveChangesAsync(cancellationToken);
        LogRound(logger, round.Id, round.SelectionId, "scoring ended");
        return CommandResult.Ok(round.Id);
    }
}

/// <summary>One expert's complete mark of one candidate: weighted score (scoring rounds) or rank (ranking rounds).</summary>
public sealed record ExpertMark(string ExpertUserId, int NominationId, decimal Score, int Rank);
