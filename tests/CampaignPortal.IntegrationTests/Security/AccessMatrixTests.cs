using System.Net;
using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.IntegrationTests.Security;

/// <summary>
/// Pages × principals × organisation relation, from one table. The resources belong to 自治区科协 (its 2022 campaign,
/// 吐鲁番's submitted report to it, 哈密's activity); the principals stand in every relation to it: its own staff,
/// a unit below it (哈密, and 克拉玛依 as a sibling of 哈密), the organisation above (中国科协) and an unrelated province
/// (陕西). S = sign-in redirect, 200 / 403 / 404 as DOMAIN.md says.
/// </summary>
public sealed class AccessMatrixTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    //                                         anonymous  xj.admin  xj.organiser  xj.reviewer  hami.filer  klmy.filer  cast.organiser  sx.organiser
    private static readonly string[] Principals = ["", "xj.admin@demo.local", "xj.organiser@demo.local", "xj.reviewer@demo.local", "hami.filer@demo.local",
        "klmy.filer@demo.local", "cast.organiser@demo.local", "sx.organiser@demo.local"];

    private static readonly (string Path, string Expected)[] Matrix =
    [
        ("/campaigns/{C}", "S 403 200 403 403 403 404 404"),
        ("/campaigns/{C}/edit", "S 403 200 403 403 403 404 404"),
        ("/campaigns/{C}/progress", "S 403 200 403 403 403 200 404"),
        ("/campaigns/{C}/rollup", "S 403 200 403 403 403 200 404"),
        ("/api/campaigns/{C}/rollup", "401 403 200 403 403 403 200 404"),
        ("/campaigns/{C}/rollup.xlsx", "S 403 200 403 403 403 200 404"),
        ("/campaigns/{C}/reports", "S 403 200 403 403 403 404 404"),
        ("/campaigns/{C}/reminders", "S 403 200 403 403 403 200 404"),
        ("/campaigns/{C}/activities", "S 403 200 403 403 403 404 404"),
        ("/campaigns/{C}/my-activities", "S 403 200 403 200 200 404 404"),
        ("/campaigns/{C}/report", "S 403 404 403 200 200 403 403"),
        ("/reports/{R}", "S 404 200 200 404 404 404 404"),
        ("/reports/{R}/versions/1", "S 404 200 200 404 404 404 404"),
        ("/reports/{R}/word", "S 404 200 200 404 404 404 404"),
        ("/activities/{A}", "S 403 200 403 200 404 404 404"),
        ("/activities/{A}/edit", "S 403 404 403 200 404 404 404"),
        ("/reviews", "S 403 403 200 403 403 403 403"),
        ("/admin/organisations/{O}/edit", "S 200 403 403 403 403 403 403"),
        ("/admin/users/{U}", "S 200 403 403 403 403 403 403"),
    ];

    [Fact]
    public async Task EveryPrincipal_GetsTheAnswerTheTableSays()
    {
        var ids = await factory.WithDbAsync(async db =>
        {
            var campaign = await db.Campaigns.Where(c => c.Title == ReportSteps.XinjiangCampaign).Select(c => c.Id).SingleAsync();
            var hami = await db.Organisations.Where(o => o.Name == "哈密市科学技术协会").Select(o => o.Id).SingleAsync();
            return new Dictionary<string, string>
            {
                ["C"] = campaign.ToString(),
                ["R"] = (await db.SummaryReports.Where(r => r.CampaignId == campaign && r.Organisation!.Name == "吐鲁番市科学技术协会").Select(r => r.Id).SingleAsync()).ToString(),
                ["A"] = (await db.Activities.Where(a => a.CampaignId == campaign && a.OrganisationId == hami).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync()).ToString(),
                ["O"] = hami.ToString(),
                ["U"] = await db.Users.Where(u => u.Email == "hami.filer@demo.local").Select(u => u.Id).SingleAsync(),
            };
        });
        var clients = new List<PortalClient>();
        foreach (var email in Principals)
        {
            clients.Add(email.Length == 0 ? factory.CreatePortalClient() : await factory.SignedInAsync(email));
        }

        var wrong = new List<string>();
        foreach (var (template, expected) in Matrix)
        {
            var path = ids.Aggregate(template, (p, id) => p.Replace("{" + id.Key + "}", id.Value, StringComparison.Ordinal));
            var answers = expected.Split(' ');
            for (var i = 0; i < Principals.Length; i++)
            {
                var response = await clients[i].GetAsync(path);
                var got = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/sign-in", StringComparison.Ordinal) == true
                    ? "S" : ((int)response.StatusCode).ToString();
                if (got != answers[i])
                {
                    wrong.Add($"{template} as {(Principals[i].Length == 0 ? "anonymous" : Principals[i])}: {got}, expected {answers[i]}");
                }
            }
        }

        foreach (var client in clients)
        {
            client.Dispose();
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}
