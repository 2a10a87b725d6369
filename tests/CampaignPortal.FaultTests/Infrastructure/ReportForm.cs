using System.Net;
using System.Text.RegularExpressions;

namespace CampaignPortal.FaultTests.Infrastructure;

/// <summary>The summary report form of the demo's Xinjiang campaign, filled and posted the way the page does.</summary>
public static partial class ReportForm
{
    public static string PagePath(long campaignId) => $"/campaigns/{campaignId}/report";

    /// <summary>A complete report whose second section carries <paramref name="marker"/>, to tell saves apart.</summary>
    public static Dictionary<string, string> Complete(string version, string marker) => new()
    {
        ["Version"] = version,
        ["Sections[0].Title"] = "基本情况",
        ["Sections[0].Html"] = "<p>5月30日设分会场参加自治区主场活动。</p>",
        ["Sections[1].Title"] = "活动亮点",
        ["Sections[1].Html"] = $"<p>举办主题展，组织座谈会。{marker}</p>",
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

    /// <summary>The form as a page hands it out: antiforgery token and the version it was opened at.</summary>
    public static async Task<(string Token, string Version)> OpenAsync(Browser browser, long campaignId)
    {
        var html = await browser.GetStringAsync(PagePath(campaignId));
        return (Browser.TokenIn(html), VersionIn(html));
    }

    public static string VersionIn(string html)
    {
        var match = VersionPattern().Match(html);
        Assert.True(match.Success, "No version field on the report page");
        return match.Groups[1].Value;
    }

    public static Task<HttpResponseMessage> PostAsync(Browser browser, long campaignId, Dictionary<string, string> fields, string token, bool submit) =>
        browser.PostFormAsync(PagePath(campaignId), new Dictionary<string, string>(fields) { [submit ? "submit" : "save"] = "1" }, token);

    /// <summary>Saved (or submitted) means the portal redirected back to the report: what the person is told is kept.</summary>
    public static bool Acknowledged(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/report", StringComparison.Ordinal) == true;

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();
}
