using System.Net;
using System.Text.RegularExpressions;
using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.IntegrationTests.Infrastructure;

/// <summary>Filling a summary report of the demo's 2022 Workers' Day (Xinjiang's campaign) the way the form posts it.</summary>
public static partial class ReportSteps
{
    public const string XinjiangCampaign = "2022年自治区全国科技工作者日";
    public const string NationalCampaign = "2022年全国科技工作者日";

    public static Task<int> CampaignIdAsync(PortalFactory factory, string title = XinjiangCampaign) =>
        factory.WithDbAsync(db => db.Campaigns.Where(c => c.Title == title).Select(c => c.Id).SingleAsync());

    public static Task<SummaryReport?> ReportAsync(PortalFactory factory, int campaignId, string unit) =>
        factory.WithDbAsync(db => db.SummaryReports.AsNoTracking().Include(r => r.Events)
            .SingleOrDefaultAsync(r => r.CampaignId == campaignId && r.Organisation!.Name == unit));

    /// <summary>The report form's version as the page hands it out.</summary>
    public static async Task<string> VersionOnPageAsync(PortalClient client, int campaignId)
    {
        var html = await client.GetStringAsync($"/campaigns/{campaignId}/report");
        var match = VersionPattern().Match(html);
        Assert.True(match.Success, "No version field on the report page");
        return match.Groups[1].Value;
    }

    /// <summary>A complete report: both required sections, the two required figures and the people.</summary>
    public static Dictionary<string, string> Complete(string version, string highlight = "<p>举办主题展，组织座谈会。</p>") => new()
    {
        ["Version"] = version,
        ["Sections[0].Title"] = "基本情况",
        ["Sections[0].Html"] = "<p>5月30日设分会场参加自治区主场活动。</p>",
        ["Sections[1].Title"] = "活动亮点",
        ["Sections[1].Html"] = highlight,
        ["Figures[0].Code"] = "activities",
        ["Figures[0].Value"] = "3",
        ["Figures[0].Qualifier"] = "Exact",
        ["Figures[1].Code"] = "participants",
        ["Figures[1].Value"] = "1,200",
        ["Figures[1].Qualifier"] = "MoreThan",
        ["Figures[1].Note"] = "据不完全统计",
        ["FilerName"] = "王芳",
        ["FilerPhone"] = "0902-2231234",
        ["ResponsiblePerson"] = "李明",
    };

    public static async Task<HttpResponseMessage> SaveAsync(PortalClient client, int campaignId, Dictionary<string, string> fields, bool submit = false)
    {
        var posted = new Dictionary<string, string>(fields) { [submit ? "submit" : "save"] = "1" };
        return await client.PostFormAsync($"/campaigns/{campaignId}/report", posted, $"/campaigns/{campaignId}/report");
    }

    public static async Task SubmitCompleteAsync(PortalClient client, int campaignId)
    {
        var response = await SaveAsync(client, campaignId, Complete(await VersionOnPageAsync(client, campaignId)), submit: true);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();
}
