using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CampaignPortal.Web.Features.Selections;

/// <summary>
/// The organiser's Excel files of a selection: a round's marks per expert (and criterion) once the round has ended, and
/// the final list. Written with MiniExcel as the other exports are: text cells are text, never formulas; text that a
/// spreadsheet would read as a formula once re-saved as CSV (= + - @, tab, CR) gets a leading apostrophe.
/// </summary>
public sealed class SelectionExport(AppDbContext db, RoundService rounds, SelectionService selections)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static string Safe(string? value) => Infrastructure.SpreadsheetText.Safe(value);

    /// <summary>The round's file name and bytes; null if not the organiser's round. Throws (409) while the round is open.</summary>
    public async Task<(string Name, byte[] Bytes)?> RoundAsync(int roundId, CancellationToken cancellationToken)
    {
        if (await rounds.OwnAsync(roundId, cancellationToken) is not { } round)
        {
            return null;
        }

        if (round.Status == RoundStatus.Open || round.Kind == RoundKind.Meeting)
        {
            throw new DomainException(round.Kind == RoundKind.Meeting ? "会议评审没有专家打分明细可导出。" : "本轮结束后才能导出投票或评分明细。");
        }

        var people = await db.Nominations.Where(n => round.Candidates.Select(c => c.NominationId).Contains(n.Id))
            .Select(n => new { n.Id, n.Name, Group = n.Group!.Name, n.CandidateOrganisation }).ToDictionaryAsync(n => n.Id, cancellationToken);
        var experts = await db.SelectionExperts.Where(e => e.SelectionId == round.SelectionId)
            .Select(e => new { e.UserId, e.User!.DisplayName, Organisation = e.User.Organisation!.Name }).ToDictionaryAsync(e => e.UserId, cancellationToken);
        string Expert(string id) => experts.TryGetValue(id, out var e) ? e.DisplayName : "（已不在专家名单）";
        var recused = await rounds.RecusedAsync(round, cancellationToken);
        var detail = new List<Dictionary<string, object?>>();
        if (round.Kind == RoundKind.Vote)
        {
            var votes = await db.SelectionVotes.Where(v => v.RoundId == roundId).Select(v => new { v.ExpertUserId, v.NominationId, v.Yes }).ToListAsync(cancellationToken);
            detail.AddRange(votes.OrderBy(v => Expert(v.ExpertUserId), StringComparer.Ordinal).ThenBy(v => v.NominationId).Select(v => Row(Expert(v.ExpertUserId), people[v.NominationId].Name,
                people[v.NominationId].Group, ("意见", v.Yes ? "赞成" : "不赞成"))));
        }
        else
        {
            var criteria = round.Kind == RoundKind.Scoring ? await db.Set<RoundCriterion>().Where(c => c.RoundId == roundId).OrderBy(c => c.Order).ToListAsync(cancellationToken) : [];
            var marks = await db.SelectionScores.Where(s => s.RoundId == roundId).Select(s => new { s.ExpertUserId, s.NominationId, s.CriterionId, s.Value }).ToListAsync(cancellationToken);
            var weighted = (await rounds.MarksAsync(round, cancellationToken)).ToDictionary(m => (m.ExpertUserId, m.NominationId));
            foreach (var g in marks.GroupBy(m => (m.ExpertUserId, m.NominationId)).OrderBy(g => Expert(g.Key.ExpertUserId), StringComparer.Ordinal).ThenBy(g => g.Key.NominationId))
            {
                var row = Row(Expert(g.Key.ExpertUserId), people[g.Key.NominationId].Name, people[g.Key.NominationId].Group);
                if (round.Kind == RoundKind.Ranking)
                {
                    row["名次"] = g.First().Value;
                }
                else
                {
                    foreach (var c in criteria)
                    {
                        row[Safe($"{c.Name}（权重{c.Weight}）")] = g.FirstOrDefault(m => m.CriterionId == c.Id)?.Value;
                    }

                    row["加权得分"] = weighted.TryGetValue(g.Key, out var w) ? Math.Round(w.Score, 2, MidpointRounding.AwayFromZero) : null;
                }

                detail.Add(row);
            }
        }

        foreach (var (userId, nominationId) in recused.Where(r => people.ContainsKey(r.NominationId)).OrderBy(r => r.NominationId))
        {
            detail.Add(Row(Expert(userId), people[nominationId].Name, people[nominationId].Group, ("说明", "回避")));
        }

        if (detail.Count == 0)
        {
            detail.Add(new Dictionary<string, object?> { ["专家"] = "（本轮没有记录）" });
        }

        var summary = round.Candidates.Select(c => new Dictionary<string, object?>
        {
            ["姓名"] = Safe(people[c.NominationId].Name),
            ["学科组"] = Safe(people[c.NominationId].Group),
            ["工作单位"] = Safe(people[c.NominationId].CandidateOrganisation),
            [round.Kind switch { RoundKind.Vote => "赞成票", RoundKind.Ranking => "平均名次", _ => "得分" }] =
                round.Kind == RoundKind.Vote ? c.Yes : c.Hundredths is { } h ? h / 100m : null,
            ["结果"] = c.Advances ? "入选" : "未入选",
            ["并列确定"] = c.WasTied ? "是" : string.Empty,
        }).ToList();
        var sheets = new Dictionary<string, object> { ["结果汇总"] = summary, [round.Kind == RoundKind.Vote ? "投票明细" : round.Kind == RoundKind.Ranking ? "排序明细" : "评分明细"] = Rectangular(detail) };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: cancellationToken);
        return ($"第{round.Number}轮{round.Name}明细.xlsx", stream.ToArray());
    }

    /// <summary>The final list (当选 and 向上级推荐); null if not the organiser's selection. Throws (409) before the result is recorded.</summary>
    public async Task<(string Name, byte[] Bytes)?> ResultAsync(int selectionId, CancellationToken cancellationToken)
    {
        if (await selections.OwnAsync(selectionId, cancellationToken) is not { } selection)
        {
            return null;
        }

        if (selection.FinishedAt is null)
        {
            throw new DomainException("评选结果确定后才能导出最终名单。");
        }

        var rows = await SelectionReadService.NominationsAsync(db.Nominations.Where(n => n.SelectionId == selectionId && (n.IsWinner || n.IsPutForward)), cancellationToken);
        var sheet = rows.Select((n, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["姓名"] = Safe(n.Name),
            ["性别"] = n.Gender.ToChinese(),
            ["出生年份"] = n.BirthYear,
            ["工作单位"] = Safe(n.CandidateOrganisation),
            ["职务/职称"] = Safe(n.Title),
            ["学科组"] = Safe(n.Group),
            ["推荐单位"] = Safe(n.NominatedBy),
            ["当选"] = n.IsWinner ? "是" : "否",
            ["向上级推荐"] = n.IsPutForward ? "是" : "否",
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, sheetName: "最终名单", cancellationToken: cancellationToken);
        return ($"{selection.Title}最终名单.xlsx", stream.ToArray());
    }

    /// <summary>Every row with every column, in first-seen order (the writer takes its headers from the first row).</summary>
    private static List<Dictionary<string, object?>> Rectangular(List<Dictionary<string, object?>> rows)
    {
        var columns = rows.SelectMany(r => r.Keys).Distinct().ToList();
        return [.. rows.Select(r => columns.ToDictionary(c => c, c => r.GetValueOrDefault(c)))];
    }

    private static Dictionary<string, object?> Row(string expert, string candidate, string group, params (string Key, object? Value)[] more)
    {
        var row = new Dictionary<string, object?> { ["专家"] = Safe(expert), ["候选人"] = Safe(candidate), ["学科组"] = Safe(group) };
        foreach (var (key, value) in more)
        {
            row[key] = value;
        }

        return row;
    }
}
