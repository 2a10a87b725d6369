using System.Net;
using CampaignPortal.FaultTests.Infrastructure;
using Xunit.Abstractions;

namespace CampaignPortal.FaultTests;

/// <summary>Two people pressing the button at once, against the real process (two connections, two sessions).</summary>
public sealed class ConcurrentEditTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TwoEditors_SaveSameReportAtOnce_OneSavedOtherToldWithInputKept()
    {
        await using var portal = new PortalProcess();
        await portal.StartAsync();
        var campaignId = PortalDb.CampaignId(portal);
        // The demo unit has one filer account: two sessions of it are two browsers, as two colleagues sharing it would be.
        using var first = await Browser.SignedInAsync(portal, "hami.filer@demo.local");
        using var second = await Browser.SignedInAsync(portal, "hami.filer@demo.local");
        var (token, version) = await ReportForm.OpenAsync(first, campaignId);
        Assert.True(ReportForm.Acknowledged(await ReportForm.PostAsync(first, campaignId, ReportForm.Complete(version, "初稿"), token, submit: false)));

        const int rounds = 5;
        for (var round = 0; round < rounds; round++)
        {
            var (firstToken, firstVersion) = await ReportForm.OpenAsync(first, campaignId);
            var (secondToken, secondVersion) = await ReportForm.OpenAsync(second, campaignId);
            Assert.Equal(firstVersion, secondVersion);
            var markers = new[] { $"甲第{round}轮", $"乙第{round}轮" };
            var responses = await Task.WhenAll(
                ReportForm.PostAsync(first, campaignId, ReportForm.Complete(firstVersion, markers[0]), firstToken, submit: false),
                ReportForm.PostAsync(second, campaignId, ReportForm.Complete(secondVersion, markers[1]), secondToken, submit: false));

            var winners = Enumerable.Range(0, 2).Where(i => ReportForm.Acknowledged(responses[i])).ToArray();
            var winner = Assert.Single(winners);
            var loser = 1 - winner;
            var loserPage = await responses[loser].Content.ReadAsStringAsync();
            // The later one is told, with their text still in the form (200 conflict page) or a 409 page.
            Assert.True(responses[loser].StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"The second save answered {(int)responses[loser].StatusCode}");
            Assert.True(loserPage.Contains("已被他人修改", StringComparison.Ordinal) || loserPage.Contains("已被他人同时更改", StringComparison.Ordinal));
            if (responses[loser].StatusCode == HttpStatusCode.OK)
            {
                Assert.Contains(markers[loser], loserPage, StringComparison.Ordinal);
            }

            var stored = PortalDb.ReportSnapshot(portal, PortalDb.Hami)!;
            Assert.Contains(markers[winner], stored, StringComparison.Ordinal);
            Assert.DoesNotContain(markers[loser], stored, StringComparison.Ordinal);
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }

        PortalDb.AssertConsistent(portal);
        FaultLog.Line(output, $"two editors, {rounds} rounds of simultaneous saves: each time one saved, the other shown the conflict with their text kept");
    }

    [Fact]
    public async Task SameSubmit_SentTwiceInParallel_OneVersionNoCrash()
    {
        await using var portal = new PortalProcess();
        await portal.StartAsync();
        var campaignId = PortalDb.CampaignId(portal);
        foreach (var (email, unit) in new[] { ("hami.filer@demo.local", PortalDb.Hami), ("klmy.filer@demo.local", PortalDb.Karamay) })
        {
            using var filer = await Browser.SignedInAsync(portal, email);
            var (token, version) = await ReportForm.OpenAsync(filer, campaignId);
            var fields = ReportForm.Complete(version, "双击提交");
            var responses = await Task.WhenAll(
                ReportForm.PostAsync(filer, campaignId, fields, token, submit: true),
                ReportForm.PostAsync(filer, campaignId, fields, token, submit: true));

            Assert.Contains(responses, ReportForm.Acknowledged);
            var messages = new List<string>();
            foreach (var response in responses)
            {
                // Never a crash: submitted, already submitted, or the conflict page of a save that lost the race.
                Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK or HttpStatusCode.Conflict, $"A double submit answered {(int)response.StatusCode}");
                if (ReportForm.Acknowledged(response))
                {
                    messages.Add(await filer.FollowAsync(response));
                }
            }

            // The status message travels in one TempData cookie that both answers set, so it shows once: it names version 1,
            // and no page speaks of a second version.
            Assert.Contains(messages, m => m.Contains("报告已提交（第 1 版）", StringComparison.Ordinal));
            Assert.All(messages, m => Assert.DoesNotContain("第 2 版", m, StringComparison.Ordinal));
            Assert.Equal(1, PortalDb.VersionCount(portal, unit));
            var snapshot = PortalDb.ReportSnapshot(portal, unit)!;
            Assert.StartsWith("status=Submitted ", snapshot, StringComparison.Ordinal);
            Assert.Equal(snapshot[(snapshot.IndexOf('\n', StringComparison.Ordinal) + 1)..], PortalDb.VersionContent(portal, unit, 1));
            Assert.Contains("双击提交", snapshot, StringComparison.Ordinal);
            FaultLog.Line(output, $"double submit ({unit}): answers {string.Join(" + ", responses.Select(r => (int)r.StatusCode))}, one version");
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }

        PortalDb.AssertConsistent(portal);
    }
}
