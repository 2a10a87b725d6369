using System.Globalization;
using System.Net;
using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.IntegrationTests.Selections;

/// <summary>The whole first round through the pages: a unit nominates, the organiser checks and opens a vote, two experts vote, a tie is resolved.</summary>
public sealed class SelectionPagesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Id(HttpResponseMessage response) => response.Headers.Location!.OriginalString.Split('/', '#')[2];

    [Fact]
    public async Task FirstRound_ThroughThePages_TieResolvedByTheOrganiser_OtherExpertGets404()
    {
        var today = ChinaTime.Today(TimeProvider.System);
        var campaign = await ReportSteps.CampaignIdAsync(factory);
        using var organiser = await factory.SignedInAsync("xj.organiser@demo.local");
        var created = await organiser.PostFormAsync($"/campaigns/{campaign}/selections/create", new Dictionary<string, string>
        {
            ["Title"] = "2022年“新疆最美科技工作者”（页面测试）",
            ["Eligibility"] = "在疆工作的一线科技工作者",
            ["NominationOpens"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["NominationCloses"] = today.AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["QuotaPerUnit"] = "3",
            ["Groups"] = "农业组\n医疗卫生组",
        }, $"/campaigns/{campaign}/selections/create");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var selection = int.Parse(Id(created), CultureInfo.InvariantCulture);
        var group = (await SelectionSteps.GroupIdsAsync(factory, selection))[0];

        using (var filer = await factory.SignedInAsync("hami.filer@demo.local"))
        {
            Assert.Contains("测试", await filer.GetStringAsync("/my-selections"), StringComparison.Ordinal);
            foreach (var name in new[] { "甲", "乙", "丙" })
            {
                var saved = await filer.PostFormAsync($"/selections/{selection}/my-nominations/create", new Dictionary<string, string>
                {
                    ["Name"] = name,
                    ["Gender"] = "Male",
                    ["BirthYear"] = "1970",
                    ["CandidateOrganisation"] = "哈密市农业技术推广中心",
                    ["Title"] = "高级农艺师",
                    ["GroupId"] = group.ToString(CultureInfo.InvariantCulture),
                    ["Achievements"] = "<p>推广节水灌溉技术。</p>",
                    ["UnitOpinion"] = "同意推荐。",
                    ["submit"] = "true",
                }, $"/selections/{selection}/my-nominations/create");
                Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            }

            Assert.Contains("已推荐 3 名", await filer.GetStringAsync($"/selections/{selection}/my-nominations"), StringComparison.Ordinal);
        }

        var ids = await factory.WithDbAsync(db => db.Nominations.Where(n => n.SelectionId == selection).OrderBy(n => n.Id).Select(n => n.Id).ToListAsync());
        foreach (var id in ids)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await organiser.PostFormAsync($"/selections/{selection}/nominations/{id}/check", new Dictionary<string, string> { ["pass"] = "true" }, $"/selections/{selection}")).StatusCode);
        }

        foreach (var email in new[] { "expert1@demo.local", "expert2@demo.local" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await organiser.PostFormAsync($"/selections/{selection}/experts", new Dictionary<string, string> { ["email"] = email }, $"/selections/{selection}")).StatusCode);
        }

        var experts = await factory.WithDbAsync(db => db.SelectionExperts.Where(e => e.SelectionId == selection).Select(e => e.Id).ToListAsync());
        var opened = await organiser.PostFormAsync($"/selections/{selection}/rounds/create", new Dictionary<string, string>
        {
            ["Name"] = "初评",
            ["Kind"] = "Vote",
            ["DueDate"] = today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Rule"] = "Top",
            ["Count"] = "1",
            ["ExpertIds[0]"] = experts[0].ToString(CultureInfo.InvariantCulture),
            ["ExpertIds[1]"] = experts[1].ToString(CultureInfo.InvariantCulture),
        }, $"/selections/{selection}/rounds/create");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var round = Id(opened);

        // 甲 2, 乙 2, 丙 1: 甲 and 乙 tie for the one place.
        var (a, b, c) = (ids[0], ids[1], ids[2]);
        foreach (var (email, cVote) in new[] { ("expert1@demo.local", "no"), ("expert2@demo.local", "yes") })
        {
            using var expert = await factory.SignedInAsync(email);
            Assert.Contains("初评", await expert.GetStringAsync("/expert"), StringComparison.Ordinal);
            var voted = await expert.PostFormAsync($"/selection-rounds/{round}/ballot", new Dictionary<string, string>
            {
                [$"vote-{a}"] = "yes",
                [$"vote-{b}"] = "yes",
                [$"vote-{c}"] = cVote,
            }, $"/selection-rounds/{round}/ballot");
            Assert.Equal(HttpStatusCode.Redirect, voted.StatusCode);
        }

        // Secret until the end: the organiser sees progress, no counts.
        var before = await organiser.GetStringAsync($"/selection-rounds/{round}");
        Assert.Contains("已投完", before, StringComparison.Ordinal);
        Assert.DoesNotContain("<th scope=\"col\" class=\"text-end\">赞成票</th>", before, StringComparison.Ordinal);

        // An expert of another selection, and a filer: 404.
        await factory.CreateUserAsync("expert.other@test.local", organisation: "新疆大学科学技术协会", roles: []);
        await SelectionSteps.ExpertIdAsync(factory, await SelectionSteps.CreateSelectionAsync(factory, today, title: "另一评选"), "expert.other@test.local");
        using (var other = await factory.SignedInAsync("expert.other@test.local"))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/selection-rounds/{round}/ballot")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync($"/selection-rounds/{round}/ballot", new Dictionary<string, string> { [$"vote-{a}"] = "no" }, "/expert")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await organiser.PostFormAsync($"/selection-rounds/{round}/end", new Dictionary<string, string>(), $"/selection-rounds/{round}")).StatusCode);
        var counted = await organiser.GetStringAsync($"/selection-rounds/{round}");
        Assert.Contains("并列待定", counted, StringComparison.Ordinal);
        Assert.Contains("还剩 <strong>1</strong> 个名额", counted, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await organiser.PostFormAsync($"/selection-rounds/{round}/ties", new Dictionary<string, string> { ["chosen"] = b.ToString(CultureInfo.InvariantCulture) }, $"/selection-rounds/{round}")).StatusCode);
        var advancing = await factory.WithDbAsync(db => db.RoundCandidates.Where(x => x.RoundId == int.Parse(round, CultureInfo.InvariantCulture) && x.Advances).Select(x => x.NominationId).ToListAsync());
        Assert.Equal([b], advancing);
        var after = await organiser.GetStringAsync($"/selection-rounds/{round}");
        Assert.Contains("本轮结果：1 人入选", after, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\" class=\"text-end\">赞成票</th>", after, StringComparison.Ordinal);
        var closes = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditAction.RoundClosed && e.EntityId == round).Select(e => e.Detail).ToListAsync());
        Assert.Contains(closes, d => d!.Contains("并列确定：乙", StringComparison.Ordinal));
    }
}

/// <summary>The demo selection is shaped like the seed's: 129 candidates in five groups, 2/5 per group → 52, expert1 and expert2 on the open first round.</summary>
public sealed class DemoSelectionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task DemoSelection_129CandidatesInFiveGroups_FirstRoundOpen_ExpertsCanSeeTheirBallot()
    {
        var round = await factory.WithDbAsync(db => db.SelectionRounds.Include(r => r.Candidates).Include(r => r.Panel)
            .SingleAsync(r => db.Selections.Any(s => s.Id == r.SelectionId && s.Title == "2022年“新疆最美科技工作者”")));

        Assert.Equal(RoundStatus.Open, round.Status);
        Assert.Equal(129, round.Candidates.Count);
        Assert.Equal(5, round.Candidates.Select(c => c.GroupId).Distinct().Count());
        Assert.Equal(52, round.Candidates.GroupBy(c => c.GroupId).Sum(g => CutOff.RoundHalfUp(g.Count(), 2, 5)));
        Assert.Equal(2, round.Panel.Count);

        using var expert = await factory.SignedInAsync("expert2@demo.local");
        var ballot = await expert.GetStringAsync($"/selection-rounds/{round.Id}/ballot");
        Assert.Contains("初评", ballot, StringComparison.Ordinal);
        Assert.Contains("您已投 0 / 129 人", ballot, StringComparison.Ordinal);
    }
}
