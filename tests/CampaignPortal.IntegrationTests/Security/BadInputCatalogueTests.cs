using System.Net;
using System.Text;
using CampaignPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CampaignPortal.IntegrationTests.Infrastructure.ReportSteps;

namespace CampaignPortal.IntegrationTests.Security;

/// <summary>
/// The start of the bad-input catalogue (issue 11): each input has a name and its expected answer; none may give a
/// 500 or write anything partial. Per-feature suites cover more (figures, files, rich text, uploads).
/// </summary>
public sealed class BadInputCatalogueTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public static TheoryData<string, string> ReturnUrls => new()
    {
        { "absolute URL to another site", "https://evil.example/" },
        { "protocol-relative URL", "//evil.example" },
        { "backslash trick", "/\\evil.example" },
        { "encoded backslash", "/%5Cevil.example" },
        { "javascript: URL", "javascript:alert(1)" },
    };

    [Theory]
    [MemberData(nameof(ReturnUrls))]
    public async Task SignIn_OpenRedirectReturnUrls_GoHomeInstead(string name, string returnUrl)
    {
        using var client = factory.CreatePortalClient();

        var response = await client.PostFormAsync("/account/sign-in",
            new Dictionary<string, string> { ["Email"] = "hami.filer@demo.local", ["Password"] = PortalFactory.DemoPassword, ["ReturnUrl"] = returnUrl }, "/account/sign-in");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.True(location.StartsWith('/') && !location.StartsWith("//", StringComparison.Ordinal) && !location.StartsWith("/\\", StringComparison.Ordinal),
            $"{name}: redirected to {location}");
        Assert.Equal("portal.example", new Uri(new Uri("https://portal.example/"), location).Host); // stays on the portal
    }

    public static TheoryData<string, string, string> ReportTexts => new()
    {
        { "a tab in a one-line field", "王芳\t", "王芳" },
        { "bidirectional override in a name", "王\u202E芳", "王芳" },
        { "whitespace only", "   ", "" },
        { "script in a plain field (shown as text)", "<script>alert(1)</script>", "<script>alert(1)</script>" },
    };

    [Theory]
    [MemberData(nameof(ReportTexts))]
    public async Task ReportPeopleFields_ControlAndBidiCharactersRemoved_ScriptKeptAsText(string name, string typed, string stored)
    {
        var campaignId = await CampaignIdAsync(factory);
        using var filer = await factory.SignedInAsync("klmy.filer@demo.local");
        var fields = Complete(await VersionOnPageAsync(filer, campaignId));
        fields["FilerName"] = typed;

        var response = await filer.PostFormAsync($"/campaigns/{campaignId}/report", new Dictionary<string, string>(fields) { ["save"] = "1" }, $"/campaigns/{campaignId}/report");

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{name}: {(int)response.StatusCode}");
        var saved = (await ReportAsync(factory, campaignId, "克拉玛依市科学技术协会"))!.FilerName ?? string.Empty;
        Assert.Equal(stored, saved);
        var page = await filer.GetStringAsync($"/campaigns/{campaignId}/report");
        Assert.DoesNotContain("<script>alert(1)</script>", page, StringComparison.Ordinal); // encoded when shown
    }

    [Fact]
    public async Task NulInAFormField_Refused_NothingStored()
    {
        var campaignId = await CampaignIdAsync(factory);
        using var filer = await factory.SignedInAsync("hami.filer@demo.local");
        var before = (await ReportAsync(factory, campaignId, "哈密市科学技术协会"))?.Version;
        var fields = Complete(await VersionOnPageAsync(filer, campaignId));
        fields["FilerName"] = "王\0芳";

        var response = await filer.PostFormAsync($"/campaigns/{campaignId}/report", new Dictionary<string, string>(fields) { ["save"] = "1" }, $"/campaigns/{campaignId}/report");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, (await ReportAsync(factory, campaignId, "哈密市科学技术协会"))?.Version);
    }

    [Fact]
    public async Task Search_SqlMetacharactersAndInjectedSort_AnsweredNormally()
    {
        using var client = factory.CreatePortalClient();
        foreach (var query in new[] { "' OR 1=1 --", "\"; DROP TABLE Notices; --", "%", "_", "〔2023〕' UNION SELECT 1--" })
        {
            var response = await client.GetAsync("/notices?q=" + Uri.EscapeDataString(query));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using var reviewer = await factory.SignedInAsync("xj.reviewer@demo.local");
        foreach (var sort in new[] { "SubmittedAt desc; DROP TABLE SummaryReports", "1", "Unit,Id" })
        {
            var response = await reviewer.GetAsync("/reviews?sort=" + Uri.EscapeDataString(sort));
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"sort={sort}: {(int)response.StatusCode}");
        }

        Assert.True(await factory.WithDbAsync(db => db.Notices.AnyAsync()));
        Assert.True(await factory.WithDbAsync(db => db.SummaryReports.AnyAsync()));
    }

    [Fact]
    public async Task ImpossibleDates_ClearMessage_NothingStored()
    {
        var campaignId = await CampaignIdAsync(factory);
        var category = await factory.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaignId).SelectMany(c => c.Categories).Select(c => c.Id).FirstAsync());
        using var filer = await factory.SignedInAsync("hami.filer@demo.local");
        var before = await factory.WithDbAsync(db => db.Activities.CountAsync());
        foreach (var date in new[] { "2025-02-30", "2025年9月20日", "30/05/2022", "" })
        {
            var response = await filer.PostFormAsync($"/campaigns/{campaignId}/my-activities/create", new Dictionary<string, string>
            {
                ["Title"] = "日期测试",
                ["CategoryId"] = category.ToString(),
                ["Kind"] = "Other",
                ["Form"] = "Offline",
                ["StartDate"] = date,
                ["EndDate"] = date,
                ["Venue"] = "会场",
            }, $"/campaigns/{campaignId}/my-activities/create");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            // "2025年9月20日" is read as a date (zh-CN) and then refused as outside the campaign's period.
            Assert.True(html.Contains("请填写开始日期", StringComparison.Ordinal) || html.Contains("不是有效的值", StringComparison.Ordinal)
                || html.Contains("活动日期不在本活动时间", StringComparison.Ordinal), $"{date}: no message");
        }

        Assert.Equal(before, await factory.WithDbAsync(db => db.Activities.CountAsync()));
    }

    [Fact]
    public async Task OversizedBody_AClearPage_NotASilentDrop()
    {
        using var filer = await factory.SignedInAsync("hami.filer@demo.local");
        var campaignId = await CampaignIdAsync(factory);
        var token = await filer.AntiforgeryTokenAsync($"/campaigns/{campaignId}/report");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Document"), "kind" },
            { new ByteArrayContent(new byte[60 * 1024 * 1024]), "file", "大文件.pdf" },
        };

        var response = await filer.Http.PostAsync(new Uri($"/campaigns/{campaignId}/report/files", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("超过 50 MB 的上限", WebUtility.HtmlDecode(await filer.GetStringAsync($"/campaigns/{campaignId}/report")), StringComparison.Ordinal);
    }
}
