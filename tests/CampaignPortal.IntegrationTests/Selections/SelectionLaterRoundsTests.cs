using System.Globalization;
using System.Net;
using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.IntegrationTests.Selections;

/// <summary>
/// The seed's whole selection through the pages: 129 eligible → vote round, 2/5 per group → 52 → 复评会议 chooses 42
/// (with minutes) → 终评会议 chooses 20 → 20 当选, 10 of them 向全国推荐.
/// </summary>
public sealed class SelectionLaterRoundsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Title = "2022年“新疆最美科技工作者”";

    private static string Inv(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int Id(HttpResponseMessage response) => int.Parse(response.Headers.Location!.OriginalString.Split('/', '#')[2], CultureInfo.InvariantCulture);

    private Task<List<int>> AdvancingAsync(int roundId) =>
        factory.WithDbAsync(db => db.RoundCandidates.Where(c => c.RoundId == roundId && c.Advances).OrderBy(c => c.NominationId).Select(c => c.NominationId).ToListAsync());

    [Fact]
    public async Task DemoSelection_129To52To42To20_FinishedWith20WinnersAnd10PutForward()
    {
        var (selection, first, candidates) = await factory.WithDbAsync(async db =>
        {
            var round = await db.SelectionRounds.Include(r => r.Candidates).SingleAsync(r => db.Selections.Any(s => s.Id == r.SelectionId && s.Title == Title));
            return (round.SelectionId, round.Id, round.Candidates.Select(c => (c.NominationId, c.GroupId)).ToList());
        });
        Assert.Equal(129, candidates.Count);

        // Both experts say yes to the first 2/5 of each group (rounded half up) and no to the rest: no tie at the line.
        var chosen = candidates.GroupBy(c => c.GroupId)
            .SelectMany(g => g.OrderBy(c => c.NominationId).Take(CutOff.RoundHalfUp(g.Count(), 2, 5)).Select(c => c.NominationId)).ToHashSet();
        Assert.Equal(52, chosen.Count);
        foreach (var expert in new[] { "expert1@demo.local", "expert2@demo.local" })
        {
            var voted = await SelectionSteps.VoteAsync(factory, expert, first, candidates.ToDictionary(c => c.NominationId, c => chosen.Contains(c.NominationId)));
            Assert.True(voted.Succeeded);
        }

        using var organiser = await factory.SignedInAsync("xj.organiser@demo.local");
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.PostFormAsync($"/selection-rounds/{first}/end", new Dictionary<string, string>(), $"/selection-rounds/{first}")).StatusCode);
        Assert.Equal([.. chosen.Order()], await AdvancingAsync(first));
        Assert.Contains("本轮结果：52 人入选", await organiser.GetStringAsync($"/selection-rounds/{first}"), StringComparison.Ordinal);

        // 复评会议: 52 candidates, the meeting chooses 42 and the minutes are uploaded with the result.
        var second = await OpenMeetingAsync(organiser, selection, "复评会议");
        Assert.Equal(52, await factory.WithDbAsync(db => db.RoundCandidates.CountAsync(c => c.RoundId == second)));
        var fortyTwo = chosen.Order().Take(42).ToList();
        var recorded = await organiser.PostMultipartAsync($"/selection-rounds/{second}/meeting", $"/selection-rounds/{second}",
            [.. fortyTwo.Select(id => ("advancing", Inv(id))), ("note", "2022年5月20日在乌鲁木齐召开复评会议，到会专家15人，无记名投票。")],
            ("minutes", "复评会议纪要.pdf", SelectionUploads.Pdf));
        Assert.Contains("会议结果已录入", await organiser.StatusMessageAfterAsync(recorded), StringComparison.Ordinal);
        Assert.Equal(fortyTwo, await AdvancingAsync(second));
        var page = await organiser.GetStringAsync($"/selection-rounds/{second}");
        Assert.Contains("本轮结果：42 人入选", page, StringComparison.Ordinal);
        Assert.Contains("复评会议纪要.pdf", page, StringComparison.Ordinal);
        var minutes = await organiser.GetAsync($"/selection-rounds/{second}/minutes");
        Assert.Equal(HttpStatusCode.OK, minutes.StatusCode);
        Assert.Equal(SelectionUploads.Pdf, await minutes.Content.ReadAsByteArrayAsync());
        Assert.Contains(await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditAction.RoundClosed && e.EntityId == Inv(second)).Select(e => e.Detail).ToListAsync()),
            d => d!.Contains("42 人入选，附会议纪要", StringComparison.Ordinal));

        // 终评会议: 42 candidates, 20 chosen (no minutes this time).
        var third = await OpenMeetingAsync(organiser, selection, "终评会议");
        Assert.Equal(42, await factory.WithDbAsync(db => db.RoundCandidates.CountAsync(c => c.RoundId == third)));
        var twenty = fortyTwo.Take(20).ToList();
        var final = await organiser.PostMultipartAsync($"/selection-rounds/{third}/meeting", $"/selection-rounds/{third}", [.. twenty.Select(id => ("advancing", Inv(id)))]);
        Assert.Equal(HttpStatusCode.Redirect, final.StatusCode);
        Assert.Equal(twenty, await AdvancingAsync(third));
        Assert.Null(await factory.WithDbAsync(db => db.SelectionRounds.Where(r => r.Id == third).Select(r => r.MinutesFileId).SingleAsync()));

        // 最终结果: all 20 are winners; 10 of them are also put forward nationally.
        var fields = new Dictionary<string, string>();
        for (var i = 0; i < twenty.Count; i++)
        {
            fields[$"winners[{i}]"] = Inv(twenty[i]);
        }

        for (var i = 0; i < 10; i++)
        {
            fields[$"putForward[{i}]"] = Inv(twenty[i * 2]);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await organiser.PostFormAsync($"/selections/{selection}/result", fields, $"/selections/{selection}")).StatusCode);
        var result = await factory.WithDbAsync(async db => new
        {
            Finished = await db.Selections.Where(s => s.Id == selection).Select(s => s.FinishedAt).SingleAsync(),
            Winners = await db.Nominations.CountAsync(n => n.SelectionId == selection && n.IsWinner),
            PutForward = await db.Nominations.CountAsync(n => n.SelectionId == selection && n.IsPutForward),
            Both = await db.Nominations.CountAsync(n => n.SelectionId == selection && n.IsWinner && n.IsPutForward),
        });
        Assert.NotNull(result.Finished);
        Assert.Equal((20, 10, 10), (result.Winners, result.PutForward, result.Both));
        Assert.Equal(3, await factory.WithDbAsync(db => db.SelectionRounds.CountAsync(r => r.SelectionId == selection && r.Status == RoundStatus.Closed)));
    }

    private static async Task<int> OpenMeetingAsync(PortalClient organiser, int selection, string name)
    {
        var opened = await organiser.PostFormAsync($"/selections/{selection}/rounds/create", new Dictionary<string, string> { ["Name"] = name, ["Kind"] = "Meeting" },
            $"/selections/{selection}/rounds/create");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        return Id(opened);
    }
}
