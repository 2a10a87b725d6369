using System.Globalization;
using System.IO.Compression;
using System.Net;
using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.IntegrationTests.Reports;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Features.Selections;
using CampaignPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CampaignPortal.IntegrationTests.Selections.SelectionSteps;

namespace CampaignPortal.IntegrationTests.Selections;

/// <summary>Scoring rounds, recusal and the selection's Excel files (issue 16), through the services with a fake clock.</summary>
public sealed class ScoringServiceTests(ClockedPortalFactory factory) : IClassFixture<ClockedPortalFactory>
{
    private const string Hami = "hami.filer@demo.local";
    private const string Expert1 = "expert1@demo.local";
    private const string Expert2 = "expert2@demo.local";

    private DateOnly Today => ChinaTime.Today(factory.Clock);

    public static async Task<int> OpenScoringRoundAsync(PortalFactory factory, int selectionId, DateOnly due, RoundKind kind, CutOffRule rule, int? count, string? threshold,
        params int[] experts)
    {
        var result = await AsAsync<RoundService, CommandResult>(factory, Organiser, s => s.OpenAsync(selectionId, new RoundInput
        {
            Name = "初评",
            Kind = kind,
            DueDate = due,
            Rule = rule,
            Count = count,
            Threshold = threshold,
            Criteria = ScoringDefaults.Criteria(),
            ExpertIds = [.. experts],
        }, default));
        Assert.True(result.Succeeded, string.Join(";", result.Errors));
        return result.Id!.Value;
    }

    public static Task<CommandResult> ScoreAsync(PortalFactory factory, string expert, int roundId, Dictionary<string, string> form) =>
        AsAsync<ScoringService, CommandResult>(factory, expert, s => s.SaveAsync(roundId, form, default));

    /// <summary>score-{n}-{criterion} fields for the three default criteria (创新性 40, 贡献 40, 社会影响 20).</summary>
    public static async Task<Dictionary<string, string>> SheetAsync(PortalFactory factory, int roundId, params (int Nomination, int A, int B, int C)[] scores)
    {
        var criteria = await factory.WithDbAsync(db => db.Set<RoundCriterion>().Where(c => c.RoundId == roundId).OrderBy(c => c.Order).Select(c => c.Id).ToListAsync());
        return scores.SelectMany(s => new[] { (criteria[0], s.A), (criteria[1], s.B), (criteria[2], s.C) }
            .Select(x => (Key: ScoringService.Key(s.Nomination, x.Item1), Value: x.Item2.ToString(CultureInfo.InvariantCulture))))
            .ToDictionary(x => x.Key, x => x.Value);
    }

    private async Task<(int Selection, int A, int B, int C, int E1, int E2)> SetUpAsync(string title)
    {
        var selection = await CreateSelectionAsync(factory, Today, quota: 5, title: title);
        var group = (await GroupIdsAsync(factory, selection))[0];
        var ids = new List<int>();
        foreach (var name in new[] { "甲", "乙", "丙" })
        {
            var id = await NominateAsync(factory, Hami, selection, name, group);
            await PassAsync(factory, selection, id);
            ids.Add(id);
        }

        return (selection, ids[0], ids[1], ids[2], await ExpertIdAsync(factory, selection, Expert1), await ExpertIdAsync(factory, selection, Expert2));
    }

    [Fact]
    public async Task Recusal_VoteRound_NotExpectedNotMissing_HiddenFromTheExpert_VoteRemoved_Audited()
    {
        var (selection, a, b, c, e1, e2) = await SetUpAsync("回避测试评选");
        var round = await OpenVoteRoundAsync(factory, selection, Today.AddDays(3), new CutOff(CutOffRule.Top, 1), e1, e2);
        Assert.True((await VoteAsync(factory, Expert1, round, new() { [a] = true, [b] = false, [c] = true })).Succeeded);

        // Expert 1 recuses from 丙 (同单位): the vote already cast no longer counts.
        var declared = await AsAsync<RecusalService, CommandResult>(factory, Expert1, s => s.DeclareAsync(round, c, new RecusalInput { Reason = RecusalReason.SameOrganisation }, default));
        Assert.True(declared.Succeeded, string.Join(";", declared.Errors));
        Assert.False(await factory.WithDbAsync(db => db.SelectionVotes.AnyAsync(v => v.RoundId == round && v.NominationId == c && v.ExpertUserId != null
            && db.Users.Any(u => u.Id == v.ExpertUserId && u.Email == Expert1))));

        // Hidden from them, refused if sent anyway; a second recusal from the same candidate: not found.
        var ballot = await AsAsync<VotingService, BallotViewModel?>(factory, Expert1, s => s.BallotAsync(round, default));
        Assert.Equal([a, b], ballot!.Candidates.Select(x => x.Id).Order());
        Assert.False((await VoteAsync(factory, Expert1, round, new() { [c] = false })).Found);
        Assert.False((await AsAsync<RecusalService, CommandResult>(factory, Expert1, s => s.DeclareAsync(round, c, new RecusalInput { Reason = RecusalReason.Relative }, default))).Found);

        // "其他" needs a reason in words; an expert not on the panel cannot recuse.
        var other = await AsAsync<RecusalService, CommandResult>(factory, Expert2, s => s.DeclareAsync(round, a, new RecusalInput { Reason = RecusalReason.Other }, default));
        Assert.Contains(other.Errors, e => e.Key == "Note");
        Assert.False((await AsAsync<RecusalService, CommandResult>(factory, Organiser, s => s.DeclareAsync(round, a, new RecusalInput { Reason = RecusalReason.Relative }, default))).Found);

        // Expert 2 votes on all three: nothing is missing, and ending needs no reason.
        Assert.True((await VoteAsync(factory, Expert2, round, new() { [a] = true, [b] = true, [c] = true })).Succeeded);
        var progress = await AsAsync<RoundService, IReadOnlyList<PanellistProgress>>(factory, Organiser, async s => await s.ProgressAsync((await s.OwnAsync(round, default))!, default));
        Assert.Equal([(2, 2, 1), (3, 3, 0)], progress.Select(p => (p.Expected, p.Voted, p.Recused)).Order());
        Assert.Equal(0, await AsAsync<RoundService, int>(factory, Organiser, async s => await s.MissingVotesAsync((await s.OwnAsync(round, default))!, default)));
        Assert.True((await AsAsync<RoundService, CommandResult>(factory, Organiser, s => s.EndVotingAsync(round, null, default))).Succeeded);

        // The organiser sees who recused from whom and why; the trail has it.
        var list = await AsAsync<RecusalService, RecusalListViewModel?>(factory, Organiser, s => s.ListAsync(selection, default));
        var row = Assert.Single(list!.Rows);
        Assert.Equal(("丙", "同单位"), (row.Candidate, row.Reason));
        Assert.Null(await AsAsync<RecusalService, RecusalListViewModel?>(factory, "sx.organiser@demo.local", s => s.ListAsync(selection, default)));
        Assert.Single(await factory.WithDbAsync(db => db.AuditEntries.Where(x => x.Action == AuditAction.RecusalDeclared && x.ActorName == Expert1 && x.Detail!.Contains('丙')).ToListAsync()));
    }

    [Fact]
    public async Task ScoringRound_SecretUntilTheEnd_WeightedMeans_Threshold_RecusedGapNotMissing()
    {
        var (selection, a, b, c, e1, e2) = await SetUpAsync("评分测试评选");
        var round = await OpenScoringRoundAsync(factory, selection, Today.AddDays(3), RoundKind.Scoring, CutOffRule.MinimumScore, null, "8.2", e1, e2);

        // Out of range: a message on that field, nothing saved.
        var bad = await ScoreAsync(factory, Expert1, round, await SheetAsync(factory, round, (a, 11, 9, 5)));
        Assert.Single(bad.Errors);
        Assert.StartsWith($"score-{a}-", bad.Errors[0].Key, StringComparison.Ordinal);
        Assert.Contains("1 到 10", bad.Errors[0].Value, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.SelectionScores.AnyAsync(s => s.RoundId == round)));

        // Expert 1: 甲 8/9/5 → 7.8 (first 6/6/6, then changed), 乙 6/6/6 → 6; recuses from 丙.
        Assert.True((await ScoreAsync(factory, Expert1, round, await SheetAsync(factory, round, (a, 6, 6, 6), (b, 6, 6, 6)))).Succeeded);
        Assert.True((await ScoreAsync(factory, Expert1, round, await SheetAsync(factory, round, (a, 8, 9, 5)))).Succeeded);
        Assert.True((await AsAsync<RecusalService, CommandResult>(factory, Expert1, s => s.DeclareAsync(round, c,
            new RecusalInput { Reason = RecusalReason.Collaborator, Note = "共同发表论文" }, default))).Succeeded);

        // Expert 2: 甲 9/9/9 → 9, 乙 10/10/10 → 10, 丙 7/7/7 → 7.
        Assert.True((await ScoreAsync(factory, Expert2, round, await SheetAsync(factory, round, (a, 9, 9, 9), (b, 10, 10, 10), (c, 7, 7, 7)))).Succeeded);

        // Secret before the end: no result anywhere, an expert sees only their own marks.
        Assert.All(await factory.WithDbAsync(db => db.RoundCandidates.Where(x => x.RoundId == round).ToListAsync()), x => Assert.Null(x.Hundredths));
        var sheet = await AsAsync<ScoringService, ScoreSheetViewModel?>(factory, Expert2, s => s.SheetAsync(round, null, default));
        Assert.Equal("10", sheet!.Values[ScoringService.Key(b, sheet.Criteria[0].Id)]);
        var mine = await AsAsync<ScoringService, ScoreSheetViewModel?>(factory, Expert1, s => s.SheetAsync(round, null, default));
        Assert.Equal("8", mine!.Values[ScoringService.Key(a, mine.Criteria[0].Id)]);
        Assert.DoesNotContain(mine.Candidates, x => x.Id == c);

        // Nothing missing (丙's gap from expert 1 is a recusal): ends without a reason.
        var progress = await AsAsync<RoundService, IReadOnlyList<PanellistProgress>>(factory, Organiser, async s => await s.ProgressAsync((await s.OwnAsync(round, default))!, default));
        Assert.Equal([(2, 2), (3, 3)], progress.Select(p => (p.Expected, p.Voted)).Order());
        Assert.True((await AsAsync<RoundService, CommandResult>(factory, Organiser, s => s.EndVotingAsync(round, null, default))).Succeeded);

        // 甲 (7.8 + 9) / 2 = 8.40, 乙 (6 + 10) / 2 = 8.00, 丙 7.00 from expert 2 alone; ≥ 8.2 advances.
        var closed = await factory.WithDbAsync(db => db.SelectionRounds.Include(r => r.Candidates).SingleAsync(r => r.Id == round));
        Assert.Equal(RoundStatus.Closed, closed.Status);
        Assert.Equal([(a, 840, true), (b, 800, false), (c, 700, false)], closed.Candidates.OrderBy(x => x.NominationId).Select(x => (x.NominationId, x.Hundredths ?? 0, x.Advances)));

        // Audited per candidate, never with a value; late marks refused.
        var trail = await factory.WithDbAsync(db => db.AuditEntries.Where(x => x.EntityType == nameof(SelectionRound) && x.EntityId == round.ToString(CultureInfo.InvariantCulture))
            .Select(x => new { x.Action, x.Detail }).ToListAsync());
        Assert.Equal(5, trail.Count(x => x.Action == AuditAction.VoteCast));
        Assert.Single(trail, x => x.Action == AuditAction.VoteChanged);
        Assert.DoesNotContain(trail, x => x.Detail!.Contains('8', StringComparison.Ordinal) && x.Action != AuditAction.RoundClosed);
        await Assert.ThrowsAsync<DomainException>(() => ScoreAsync(factory, Expert2, round, new Dictionary<string, string>()));
    }

    [Fact]
    public async Task RankingRound_MeanRankCombined_RepeatedRanksRefused_TieLeftToTheOrganiser()
    {
        var (selection, a, b, c, e1, e2) = await SetUpAsync("排序测试评选");
        var round = await OpenScoringRoundAsync(factory, selection, Today.AddDays(3), RoundKind.Ranking, CutOffRule.Top, 1, null, e1, e2);

        var repeated = await ScoreAsync(factory, Expert1, round, new() { [$"rank-{a}"] = "1", [$"rank-{b}"] = "1", [$"rank-{c}"] = "2" });
        Assert.Contains(repeated.Errors, e => e.Value.Contains("重复", StringComparison.Ordinal));

        // 甲 1 and 2 → 1.50; 乙 2 and 1 → 1.50; 丙 3 and 3 → 3.00: 甲 and 乙 tie for the one place.
        Assert.True((await ScoreAsync(factory, Expert1, round, new() { [$"rank-{a}"] = "1", [$"rank-{b}"] = "2", [$"rank-{c}"] = "3" })).Succeeded);
        Assert.True((await ScoreAsync(factory, Expert2, round, new() { [$"rank-{a}"] = "2", [$"rank-{b}"] = "1", [$"rank-{c}"] = "3" })).Succeeded);
        Assert.True((await AsAsync<RoundService, CommandResult>(factory, Organiser, s => s.EndVotingAsync(round, null, default))).Succeeded);

        var ended = await factory.WithDbAsync(db => db.SelectionRounds.Include(r => r.Candidates).SingleAsync(r => r.Id == round));
        Assert.Equal(RoundStatus.TiesPending, ended.Status);
        Assert.Equal([150, 150, 300], ended.Candidates.OrderBy(x => x.NominationId).Select(x => x.Hundredths ?? 0));
        var tie = Assert.Single(ended.Outcome().Ties);
        Assert.Equal([a, b], tie.NominationIds.Order());
        Assert.True((await AsAsync<RoundService, CommandResult>(factory, Organiser, s => s.ResolveTiesAsync(round, new HashSet<int> { b }, false, default))).Succeeded);
        Assert.Equal([b], await factory.WithDbAsync(db => db.RoundCandidates.Where(x => x.RoundId == round && x.Advances).Select(x => x.NominationId).ToListAsync()));
    }

    [Fact]
    public async Task ScoringPages_ExpertOfAnotherSelectionOrGroup_NotFound()
    {
        var selection = await CreateSelectionAsync(factory, Today, quota: 5, title: "评分范围测试");
        var groups = await GroupIdsAsync(factory, selection);
        var a = await NominateAsync(factory, Hami, selection, "甲", groups[0]);
        var c = await NominateAsync(factory, Hami, selection, "丙", groups[1]);
        await PassAsync(factory, selection, a);
        await PassAsync(factory, selection, c);
        var e1 = await ExpertIdAsync(factory, selection, Expert1, groups[0]); // agriculture only
        var round = await OpenScoringRoundAsync(factory, selection, Today.AddDays(3), RoundKind.Scoring, CutOffRule.Top, 1, null, e1);

        var other = await CreateSelectionAsync(factory, Today, title: "另一个评分评选");
        await factory.CreateUserAsync("expert3.score@test.local", organisation: "新疆大学科学技术协会", roles: []);
        await ExpertIdAsync(factory, other, "expert3.score@test.local");
        Assert.Null(await AsAsync<ScoringService, ScoreSheetViewModel?>(factory, "expert3.score@test.local", s => s.SheetAsync(round, null, default)));
        Assert.False((await ScoreAsync(factory, "expert3.score@test.local", round, await SheetAsync(factory, round, (a, 5, 5, 5)))).Found);
        Assert.Null(await AsAsync<RecusalService, RecusalFormViewModel?>(factory, "expert3.score@test.local", s => s.FormAsync(round, a, new RecusalInput(), default)));

        // Expert 1 sits on the agriculture group: 丙 (medicine) is not theirs.
        Assert.False((await ScoreAsync(factory, Expert1, round, await SheetAsync(factory, round, (c, 5, 5, 5)))).Found);
        Assert.Null(await AsAsync<RecusalService, RecusalFormViewModel?>(factory, Expert1, s => s.FormAsync(round, c, new RecusalInput(), default)));
        var sheet = await AsAsync<ScoringService, ScoreSheetViewModel?>(factory, Expert1, s => s.SheetAsync(round, null, default));
        Assert.Equal([a], sheet!.Candidates.Select(x => x.Id));
    }
}

/// <summary>The scoring round through the pages: 404 for outsiders, secrecy on the organiser's page, exports without formulas.</summary>
public sealed class ScoringPagesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ScoringRound_Pages_OutsiderGets404_ScoresHiddenUntilTheEnd_ExportsHaveNoFormulas()
    {
        var today = ChinaTime.Today(TimeProvider.System);
        var selection = await CreateSelectionAsync(factory, today, quota: 5, title: "导出测试评选");
        var group = (await GroupIdsAsync(factory, selection))[0];
        string[] names = ["=1+1", "+1+1", "-1+1", "@SUM(1,1)"];
        var ids = new List<int>();
        foreach (var name in names)
        {
            var id = await NominateAsync(factory, "hami.filer@demo.local", selection, name, group);
            await PassAsync(factory, selection, id);
            ids.Add(id);
        }

        var e1 = await ExpertIdAsync(factory, selection, "expert1@demo.local");
        var round = await ScoringServiceTests.OpenScoringRoundAsync(factory, selection, today.AddDays(3), RoundKind.Scoring, CutOffRule.Top, 2, null, e1);
        using var organiser = await factory.SignedInAsync(Organiser);

        // The expert scores through the form; an outsider gets 404 on the sheet and the recusal page.
        using (var expert = await factory.SignedInAsync("expert1@demo.local"))
        {
            var page = await expert.GetStringAsync($"/selection-rounds/{round}/scores");
            Assert.Contains("创新性", page, StringComparison.Ordinal);
            var form = await ScoringServiceTests.SheetAsync(factory, round, (ids[0], 9, 9, 9), (ids[1], 8, 8, 8), (ids[2], 7, 7, 7), (ids[3], 6, 6, 6));
            Assert.Equal(HttpStatusCode.Redirect, (await expert.PostFormAsync($"/selection-rounds/{round}/scores", form, $"/selection-rounds/{round}/scores")).StatusCode);
            var invalid = await expert.PostFormAsync($"/selection-rounds/{round}/scores", new Dictionary<string, string>(form) { [form.Keys.First()] = "0" }, $"/selection-rounds/{round}/scores");
            Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
            Assert.Contains("分数应为 1 到 10 的整数。", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await factory.CreateUserAsync("expert.outside@test.local", organisation: "新疆大学科学技术协会", roles: []);
        await ExpertIdAsync(factory, await CreateSelectionAsync(factory, today, title: "另一导出评选"), "expert.outside@test.local");
        using (var outsider = await factory.SignedInAsync("expert.outside@test.local"))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/selection-rounds/{round}/scores")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/selection-rounds/{round}/recusals/{ids[0]}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostFormAsync($"/selection-rounds/{round}/scores", new Dictionary<string, string> { [$"rank-{ids[0]}"] = "1" }, "/expert")).StatusCode);
        }

        // Before the end: progress, no scores, no export (409).
        var before = await organiser.GetStringAsync($"/selection-rounds/{round}");
        Assert.Contains("已评完", before, StringComparison.Ordinal);
        Assert.DoesNotContain("9.00", before, StringComparison.Ordinal);
        Assert.DoesNotContain(">得分</th>", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await organiser.GetAsync($"/selection-rounds/{round}/export.xlsx")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await organiser.PostFormAsync($"/selection-rounds/{round}/end", new Dictionary<string, string>(), $"/selection-rounds/{round}")).StatusCode);
        var after = await organiser.GetStringAsync($"/selection-rounds/{round}");
        Assert.Contains("9.00", after, StringComparison.Ordinal);
        Assert.Contains("本轮结果：2 人入选", after, StringComparison.Ordinal);

        // Only the organiser downloads; the file has no formula, and formula-like text is neutralised.
        using (var expert = await factory.SignedInAsync("expert1@demo.local"))
        {
            Assert.NotEqual(HttpStatusCode.OK, (await expert.GetAsync($"/selection-rounds/{round}/export.xlsx")).StatusCode);
        }

        using (var other = await factory.SignedInAsync("sx.organiser@demo.local"))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/selection-rounds/{round}/export.xlsx")).StatusCode);
        }

        var roundFile = await AssertNoFormulasAsync(await organiser.GetAsync($"/selection-rounds/{round}/export.xlsx"));
        Assert.Contains("'=1+1", roundFile, StringComparison.Ordinal);
        Assert.Contains("'+1+1", roundFile, StringComparison.Ordinal);
        Assert.Contains("'-1+1", roundFile, StringComparison.Ordinal);
        Assert.Contains("'@SUM(1,1)", roundFile, StringComparison.Ordinal);
        Assert.Contains("创新性（权重40）", roundFile, StringComparison.Ordinal);

        // The final list, once the result is recorded.
        Assert.Equal(HttpStatusCode.Conflict, (await organiser.GetAsync($"/selections/{selection}/result.xlsx")).StatusCode);
        var finished = await AsAsync<SelectionService, CommandResult>(factory, Organiser, s => s.FinishAsync(selection, new HashSet<int> { ids[0] }, new HashSet<int> { ids[0], ids[1] }, default));
        Assert.True(finished.Succeeded, string.Join(";", finished.Errors));
        var resultFile = await AssertNoFormulasAsync(await organiser.GetAsync($"/selections/{selection}/result.xlsx"));
        Assert.Contains("'=1+1", resultFile, StringComparison.Ordinal);
        Assert.Contains("向上级推荐", resultFile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenScoringRound_BadWeightsThresholdOrNoCriteria_MessagesNextToTheFields_NothingOpened()
    {
        var today = ChinaTime.Today(TimeProvider.System);
        var selection = await CreateSelectionAsync(factory, today, quota: 5, title: "坏输入评分评选");
        var group = (await GroupIdsAsync(factory, selection))[0];
        await PassAsync(factory, selection, await NominateAsync(factory, "hami.filer@demo.local", selection, "甲", group));
        var expert = await ExpertIdAsync(factory, selection, "expert1@demo.local");
        using var organiser = await factory.SignedInAsync(Organiser);
        var form = new Dictionary<string, string>
        {
            ["Name"] = "初评",
            ["Kind"] = "Scoring",
            ["DueDate"] = today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Rule"] = "MinimumScore",
            ["Threshold"] = "十分",
            ["Criteria[0].Name"] = "创新性",
            ["Criteria[0].Weight"] = "0",
            ["Criteria[1].Name"] = "贡献",
            ["Criteria[1].Weight"] = "abc",
            ["Criteria[2].Name"] = "",
            ["Criteria[2].Weight"] = "-5",
            ["ExpertIds[0]"] = expert.ToString(CultureInfo.InvariantCulture),
        };

        var response = await organiser.PostFormAsync($"/selections/{selection}/rounds/create", form, $"/selections/{selection}/rounds/create");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("权重必须大于 0。", page, StringComparison.Ordinal);
        Assert.Contains("请为第 2 项评分标准填写权重（正整数，如 40）。", page, StringComparison.Ordinal);
        Assert.Contains("请填写第 3 项评分标准的名称。", page, StringComparison.Ordinal);
        Assert.Contains("请填写 1 到 10 之间的分数线", page, StringComparison.Ordinal);

        // No criteria at all; a threshold for a ranking round.
        var empty = new Dictionary<string, string>(form) { ["Criteria[0].Name"] = "", ["Criteria[0].Weight"] = "", ["Criteria[1].Name"] = "", ["Criteria[1].Weight"] = "", ["Criteria[2].Weight"] = "", ["Threshold"] = "7.5" };
        Assert.Contains("请至少设置一项评分标准", await (await organiser.PostFormAsync($"/selections/{selection}/rounds/create", empty, $"/selections/{selection}/rounds/create")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var ranking = new Dictionary<string, string>(empty) { ["Kind"] = "Ranking" };
        Assert.Contains("按得分线晋级只适用于网络评分。", await (await organiser.PostFormAsync($"/selections/{selection}/rounds/create", ranking, $"/selections/{selection}/rounds/create")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.SelectionRounds.AnyAsync(r => r.SelectionId == selection)));
    }

    /// <summary>Opens the .xlsx as a zip: no &lt;f&gt; element in any sheet; returns every sheet's and the shared strings' XML.</summary>
    private static async Task<string> AssertNoFormulasAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SelectionExport.ContentType, response.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var text = new System.Text.StringBuilder();
        var sheets = 0;
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) || e.FullName == "xl/sharedStrings.xml"))
        {
            using var reader = new StreamReader(entry.Open());
            var xml = await reader.ReadToEndAsync();
            if (entry.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal))
            {
                sheets++;
                var document = System.Xml.Linq.XDocument.Parse(xml);
                Assert.DoesNotContain(document.Descendants(), e => e.Name.LocalName == "f");
            }

            text.Append(System.Net.WebUtility.HtmlDecode(xml));
        }

        Assert.True(sheets > 0);
        return text.ToString();
    }
}
