using System.Globalization;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Selections;

/// <summary>
/// The organiser's rounds: open one (vote or offline meeting), watch who has voted (never how, until voting ends),
/// end voting (a reason when votes are missing), resolve ties at the line, record a meeting's result.
/// </summary>
public sealed partial class RoundService(AppDbContext db, SelectionService selections, AuditLog audit, TimeProvider clock, ILogger<RoundService> logger)
{
    /// <summary>The round if the user organises its selection.</summary>
    public async Task<SelectionRound?> OwnAsync(int roundId, CancellationToken cancellationToken)
    {
        // Ownership in the same query: a round page is one of the organiser's busiest (see SelectionQueryBudgetTests).
        var owned = selections.Owned();
        return await db.SelectionRounds.Include(r => r.Candidates).Include(r => r.Panel)
            .SingleOrDefaultAsync(r => r.Id == roundId && owned.Any(s => s.Id == r.SelectionId), cancellationToken);
    }

    /// <summary>Who may be a candidate of the next round: the eligible nominations first, then those who advanced.</summary>
    public async Task<List<(int NominationId, int GroupId)>> NextCandidatesAsync(int selectionId, CancellationToken cancellationToken)
    {
        var last = await db.SelectionRounds.Where(r => r.SelectionId == selectionId).OrderByDescending(r => r.Number)
            .Select(r => new { r.Id, r.Status }).FirstOrDefaultAsync(cancellationToken);
        if (last is not null && last.Status != RoundStatus.Closed)
        {
            throw new DomainException("上一轮评审尚未结束，不能开启新的一轮。");
        }

        var rows = last is null
            ? await db.Nominations.Where(n => n.SelectionId == selectionId && n.Status == NominationStatus.Eligible).Select(n => new { n.Id, n.GroupId }).ToListAsync(cancellationToken)
            : await db.RoundCandidates.Where(c => c.RoundId == last.Id && c.Advances).Select(c => new { Id = c.NominationId, c.GroupId }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Id, r.GroupId))];
    }

    public async Task<CommandResult> OpenAsync(int selectionId, RoundInput input, CancellationToken cancellationToken)
    {
        if (await selections.OwnAsync(selectionId, cancellationToken) is not { } selection)
        {
            return CommandResult.NotFound;
        }

        if (selection.FinishedAt is not null)
        {
            throw new DomainException("评选结果已经确定，不能再开启评审轮次。");
        }

        var candidates = await NextCandidatesAsync(selectionId, cancellationToken);
        if (candidates.Count == 0)
        {
            return CommandResult.Invalid("Name", "还没有可参加评审的候选人：请先完成资格审查。");
        }

        var experts = await db.SelectionExperts.Where(e => e.SelectionId == selectionId).Select(e => e.Id).ToListAsync(cancellationToken);
        if (input.ExpertIds.Any(id => !experts.Contains(id)))
        {
            return CommandResult.Invalid("ExpertIds", "请从本评选的评审专家中选择。");
        }

        var number = await db.SelectionRounds.Where(r => r.SelectionId == selectionId).MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0;
        var now = clock.GetUtcNow();
        var round = input.Kind == RoundKind.Meeting
            ? SelectionRound.MeetingRound(selectionId, number + 1, input.Name, candidates, now)
            : input.Kind is RoundKind.Scoring or RoundKind.Ranking ? ScoringRound(selectionId, number + 1, input, candidates, now)
            : SelectionRound.VoteRound(selectionId, number + 1, input.Name, input.PerGroup, ChinaTime.EndOfDayUtc(input.DueDate!.Value),
                new CutOff(input.Rule, input.Count ?? 0, input.Numerator ?? 0, input.Denominator ?? 1), candidates, input.ExpertIds, now);
        db.SelectionRounds.Add(round);
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(AuditAction.RoundOpened, nameof(SelectionRound), round.Id.ToString(CultureInfo.InvariantCulture),
            $"{selection.Title}：第{round.Number}轮“{round.Name}”（{round.Kind.ToChinese()}，候选人 {candidates.Count} 名）", subjectOrganisationId: selection.OrganisationId, cancellationToken: cancellationToken);
        LogRound(logger, round.Id, selectionId, "opened");
        return CommandResult.Ok(round.Id);
    }

    /// <summary>Votes still to come: for each panellist, the candidates they may vote on without a vote.</summary>
    public async Task<int> MissingVotesAsync(SelectionRound round, CancellationToken cancellationToken) =>
        (await ProgressAsync(round, cancellationToken)).Sum(p => p.Expected - p.Voted);

    /// <summary>Per panellist: how many of their candidates they have voted on (not how).</summary>
    public async Task<IReadOnlyList<PanellistProgress>> ProgressAsync(SelectionRound round, CancellationToken cancellationToken)
    {
        var ids = round.Panel.Select(p => p.ExpertId).ToList();
        var roundId = round.Id;
        var panel = await db.SelectionExperts.Where(e => ids.Contains(e.Id))
            .Select(e => new
            {
                e.UserId,
                e.User!.DisplayName,
                Organisation = e.User.Organisation!.Name,
                e.GroupId,
                Group = e.Group != null ? e.Group.Name : null,
                Voted = db.SelectionVotes.Count(v => v.RoundId == roundId && v.ExpertUserId == e.UserId),
            })
            .ToListAsync(cancellationToken);
        var votes = round.IsScored ? await ScoredCountsAsync(round, cancellationToken) : panel.ToDictionary(p => p.UserId, p => p.Voted);
        var recused = await RecusedAsync(round, cancellationToken);
        return [.. panel.OrderBy(p => p.DisplayName, StringComparer.Ordinal).Select(p => new PanellistProgress(p.DisplayName, p.Organisation, p.Group,
            round.Candidates.Count(c => (p.GroupId is null || c.GroupId == p.GroupId) && !recused.Contains((p.UserId, c.NominationId))), votes.GetValueOrDefault(p.UserId))
            { Recused = round.Candidates.Count(c => (p.GroupId is null || c.GroupId == p.GroupId) && recused.Contains((p.UserId, c.NominationId))) })];
    }

    public async Task<CommandResult> EndVotingAsync(int roundId, string? reason, CancellationToken cancellationToken)
    {
        if (await OwnAsync(roundId, cancellationToken) is not { } round)
        {
            return CommandResult.NotFound;
        }

        var missing = await MissingVotesAsync(round, cancellationToken);
        if (round.IsScored)
        {
            return await EndScoringAsync(round, missing, reason, cancellationToken);
        }

        if (round.Status == RoundStatus.Open && round.Kind == RoundKind.Vote && missing > 0 && string.IsNullOrWhiteSpace(reason))
        {
            return CommandResult.Invalid("reason", $"还有 {missing} 票未投，结束投票须说明原因（如专家因故未能投票）。");
        }

        var yes = await db.SelectionVotes.Where(v => v.RoundId == roundId && v.Yes).GroupBy(v => v.NominationId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        round.EndVoting(yes, missing, reason, clock.GetUtcNow());
        audit.Record(AuditAction.RoundClosed, nameof(SelectionRound), roundId.ToString(CultureInfo.InvariantCulture),
            $"第{round.Number}轮“{round.Name}”投票结束{(missing > 0 ? $"，缺 {missing} 票，原因：{round.MissingVotesReason}" : string.Empty)}"
            + (round.Status == RoundStatus.TiesPending ? "，有并列待定" : $"，{round.Candidates.Count(c => c.Advances)} 人晋级"));
        await db.SaveChangesAsync(cancellationToken);
        LogRound(logger, roundId, round.SelectionId, "voting ended");
        return CommandResult.Ok(roundId);
    }

    public async Task<CommandResult> ResolveTiesAsync(int roundId, IReadOnlySet<int> chosen, bool wholeTies, CancellationToken cancellationToken)
    {
        if (await OwnAsync(roundId, cancellationToken) is not { } round)
        {
            return CommandResult.NotFound;
        }

        round.ResolveTies(chosen, wholeTies, clock.GetUtcNow());
        var names = await db.Nominations.Where(n => chosen.Contains(n.Id)).Select(n => n.Name).ToListAsync(cancellationToken);
        audit.Record(AuditAction.RoundClosed, nameof(SelectionRound), roundId.ToString(CultureInfo.InvariantCulture),
            $"第{round.Number}轮“{round.Name}”并列确定：{(wholeTies ? "并列者全部晋级" : string.Join("、", names))}；{round.Candidates.Count(c => c.Advances)} 人晋级");
        await db.SaveChangesAsync(cancellationToken);
        LogRound(logger, roundId, round.SelectionId, "ties resolved");
        return CommandResult.Ok(roundId);
    }

    public async Task<CommandResult> RecordMeetingAsync(int roundId, IReadOnlySet<int> advancing, string? note, Guid? minutesFileId, CancellationToken cancellationToken)
    {
        if (await OwnAsync(roundId, cancellationToken) is not { } round)
        {
            return CommandResult.NotFound;
        }

        if (advancing.Count == 0 || !advancing.All(id => round.Candidates.Any(c => c.NominationId == id)))
        {
            return CommandResult.Invalid("advancing", "请从本轮候选人中选择会议确定的人选。");
        }

        round.RecordMeeting(advancing, note, minutesFileId, clock.GetUtcNow());
        audit.Record(AuditAction.RoundClosed, nameof(SelectionRound), roundId.ToString(CultureInfo.InvariantCulture), $"第{round.Number}轮“{round.Name}”会议结果：{advancing.Count} 人入选{(minutesFileId is null ? string.Empty : "，附会议纪要")}");
        await db.SaveChangesAsync(cancellationToken);
        LogRound(logger, roundId, round.SelectionId, "meeting recorded");
        return CommandResult.Ok(roundId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Round {RoundId} of selection {SelectionId} {What}")]
    private static partial void LogRound(ILogger logger, int roundId, int selectionId, string what);
}

public sealed record PanellistProgress(string Name, string Organisation, string? Group, int Expected, int Voted)
{
    /// <summary>Candidates the expert recused from: not expected, not missing.</summary>
    public int Recused { get; init; }
}
