using System.Net;
using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.IntegrationTests.Activities;

public sealed class ActivityTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Campaign = "2022年自治区全国科技工作者日";

    private Task<int> CampaignIdAsync(string title = Campaign) =>
        factory.WithDbAsync(db => db.Campaigns.Where(c => c.Title == title).Select(c => c.Id).SingleAsync());

    private Task<int> CategoryIdAsync(int campaignId, string name) =>
        factory.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaignId).SelectMany(c => c.Categories).Where(c => c.Name == name).Select(c => c.Id).SingleAsync());

    private static Dictionary<string, string> Fields(string title, int? categoryId, string start = "2022-05-30", string end = "2022-05-30") => new()
    {
        ["Title"] = title,
        ["CategoryId"] = categoryId?.ToString() ?? "",
        ["Kind"] = "Symposium",
        ["Form"] = "Offline",
        ["StartDate"] = start,
        ["EndDate"] = end,
        ["Venue"] = "哈密市科协会议室",
        ["ExpectedParticipants"] = "40",
        ["Organisers"] = "哈密市科协、哈密市总工会",
        ["IsPublic"] = "true",
    };

    private static async Task<int> RegisterAsync(PortalClient client, int campaignId, Dictionary<string, string> fields)
    {
        var response = await client.PostFormAsync($"/campaigns/{campaignId}/my-activities/create", fields, $"/campaigns/{campaignId}/my-activities/create");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Redirects.CreatedId(response);
    }

    [Fact]
    public async Task Filer_RegistersActivity_MarksItHeld_AddsMedia_AllAudited()
    {
        var campaignId = await CampaignIdAsync();
        var category = await CategoryIdAsync(campaignId, "关心关爱科技工作者");
        using var filer = await factory.SignedInAsync("hami.filer@demo.local");

        var id = await RegisterAsync(filer, campaignId, Fields("哈密市科技工作者座谈会", category));
        var held = await filer.PostFormAsync($"/activities/{id}/held", new Dictionary<string, string> { ["actualParticipants"] = "45", ["outcome"] = "交流顺利" }, $"/activities/{id}");
        var media = await filer.PostFormAsync($"/activities/{id}/media", new Dictionary<string, string>
        {
            ["Kind"] = "Newspaper",
            ["Outlet"] = "哈密日报",
            ["Title"] = "我市召开科技工作者座谈会",
            ["Date"] = "2022-05-31",
            ["Link"] = "https://www.hami.example/news/1",
            ["PageOrSlot"] = "第1版",
        }, $"/activities/{id}");

        Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, media.StatusCode);
        var activity = await factory.WithDbAsync(db => db.Activities.Include(a => a.Media).AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(await factory.OrganisationIdAsync("哈密市科学技术协会"), activity.OrganisationId);
        Assert.Equal(ActivityStatus.Held, activity.Status);
        Assert.Equal(45, activity.ActualParticipants);
        Assert.Equal(category, activity.CategoryId);
        Assert.Equal("哈密日报", Assert.Single(activity.Media).Outlet);
        var audits = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(Activity) && e.EntityId == id.ToString()).CountAsync());
        Assert.Equal(3, audits);
        var page = await filer.GetStringAsync($"/campaigns/{campaignId}/my-activities");
        Assert.Contains("哈密市科技工作者座谈会", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInput_ClearMessages_NothingStored()
    {
        var campaignId = await CampaignIdAsync();
        var category = await CategoryIdAsync(campaignId, "科普宣传");
        var otherCategory = await factory.WithDbAsync(db => db.Campaigns.Where(c => c.Title == "2020年陕西省“全国科技工作者日”活动").SelectMany(c => c.Categories).Select(c => c.Id).FirstAsync());
        using var filer = await factory.SignedInAsync("hami.filer@demo.local");
        var before = await factory.WithDbAsync(db => db.Activities.CountAsync());
        var cases = new (Action<Dictionary<string, string>> Change, string Message)[]
        {
            (f => { f["StartDate"] = "2022-06-02"; f["EndDate"] = "2022-06-01"; }, "结束日期不能早于开始日期"),
            (f => f["ExpectedParticipants"] = "10000001", "预计参与人数应在 0 到 10,000,000 之间"),
            (f => f["ExpectedParticipants"] = "-5", "预计参与人数应在 0 到 10,000,000 之间"),
            (f => f["ExpectedParticipants"] = "99999999999", "不是有效的值"),
            (f => f["CategoryId"] = otherCategory.ToString(), "所选活动板块不属于本活动"),
            (f => f["CategoryId"] = "", "请选择活动板块"),
            (f => { f["StartDate"] = "2022-07-01"; f["EndDate"] = "2022-07-01"; }, "不在本活动时间"),
            (f => { f["Form"] = "Hybrid"; f["OnlineLink"] = "javascript:alert(1)"; }, "须是以 http:// 或 https:// 开头的网址"),
            (f => { f["Form"] = "Online"; f["OnlineLink"] = ""; }, "线上活动请填写线上链接"),
            (f => f["Title"] = "", "请填写活动名称"),
            (f => f["Kind"] = "Party", "不是有效的值"),
            (f => { f["StartDate"] = "9999-12-30"; f["EndDate"] = "9999-12-31"; f["OutsidePeriod"] = "true"; }, "日期应在 2000 年至 2100 年之间"),
        };

        foreach (var (change, message) in cases)
        {
            var fields = Fields("坏数据活动", category);
            change(fields);
            var response = await filer.PostFormAsync($"/campaigns/{campaignId}/my-activities/create", fields, $"/campaigns/{campaignId}/my-activities/create");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var outside = Fields("活动时间之外的活动", category, "2022-07-01", "2022-07-01");
        outside["OutsidePeriod"] = "true";
        await RegisterAsync(filer, campaignId, outside);
        Assert.Equal(before + 1, await factory.WithDbAsync(db => db.Activities.CountAsync()));

        var id = await factory.WithDbAsync(db => db.Activities.Where(a => a.Title == "活动时间之外的活动").Select(a => a.Id).SingleAsync());
        var badMedia = await filer.PostFormAsync($"/activities/{id}/media", new Dictionary<string, string> { ["Kind"] = "Website", ["Outlet"] = "某网", ["Link"] = "javascript:alert(1)" }, $"/activities/{id}");
        var absurd = await filer.PostFormAsync($"/activities/{id}/held", new Dictionary<string, string> { ["actualParticipants"] = "10000001" }, $"/activities/{id}");
        Assert.Contains("报道链接须是以 http:// 或 https:// 开头的网址", await badMedia.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, absurd.StatusCode);
        Assert.Contains("0 到 10,000,000 之间", await filer.GetStringAsync($"/activities/{id}"), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Activities.Where(a => a.Id == id).SelectMany(a => a.Media).CountAsync()));
        Assert.Equal(ActivityStatus.Planned, await factory.WithDbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task OtherUnits_Reviewers_Anonymous_AreRefused()
    {
        var campaignId = await CampaignIdAsync();
        var category = await CategoryIdAsync(campaignId, "科普宣传");
        using var hami = await factory.SignedInAsync("hami.filer@demo.local");
        var id = await RegisterAsync(hami, campaignId, Fields("哈密市科普大篷车", category));
        using var karamay = await factory.SignedInAsync("klmy.filer@demo.local");
        using var reviewer = await factory.SignedInAsync("xj.reviewer@demo.local");
        using var owner = await factory.SignedInAsync("xj.organiser@demo.local");
        using var anonymous = factory.CreatePortalClient();
        var shaanxiCampaign = await CampaignIdAsync("2020年陕西省“全国科技工作者日”活动");

        Assert.Equal(HttpStatusCode.NotFound, (await karamay.GetAsync($"/activities/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await karamay.GetAsync($"/activities/{id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await karamay.PostFormAsync($"/activities/{id}/edit", Fields("篡改", category), "/filer")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await karamay.PostFormAsync($"/activities/{id}/held", new Dictionary<string, string> { ["actualParticipants"] = "1" }, "/filer")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await karamay.PostFormAsync($"/activities/{id}/cancel", new Dictionary<string, string> { ["reason"] = "x" }, "/filer")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await karamay.GetAsync($"/campaigns/{shaanxiCampaign}/my-activities")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await karamay.PostFormAsync($"/campaigns/{shaanxiCampaign}/my-activities/create", Fields("越权", null), "/filer")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync($"/campaigns/{campaignId}/my-activities/create")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostFormAsync($"/campaigns/{campaignId}/my-activities/create", Fields("审核员登记", category), "/reviewer")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await hami.GetAsync($"/campaigns/{campaignId}/activities")).StatusCode);
        var signIn = await anonymous.GetAsync($"/campaigns/{campaignId}/my-activities/create");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("/account/sign-in", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // The owner's organisers read every unit's activity, but cannot change it.
        var ownerView = await owner.GetStringAsync($"/activities/{id}");
        Assert.Contains("哈密市科普大篷车", ownerView, StringComparison.Ordinal);
        Assert.DoesNotContain("标记为已举办", ownerView, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostFormAsync($"/activities/{id}/edit", Fields("篡改", category), "/organiser")).StatusCode);
        Assert.Equal("哈密市科普大篷车", await factory.WithDbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.Title).SingleAsync()));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Activities.CountAsync(a => a.Title == "越权" || a.Title == "审核员登记")));
    }

    [Fact]
    public async Task SubVenue_RegisteredOncePerUnit_ListedOnTheMainEvent_NotForOtherCampaigns()
    {
        var campaignId = await CampaignIdAsync();
        using var organiser = await factory.SignedInAsync("xj.organiser@demo.local");
        var created = await organiser.PostFormAsync($"/campaigns/{campaignId}/main-events/create", new Dictionary<string, string>
        {
            ["Title"] = "科学家精神报告会主会场",
            ["Date"] = "2022-06-01",
            ["Venue"] = "新疆科技馆报告厅",
        }, $"/campaigns/{campaignId}/main-events/create");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var eventId = Redirects.CreatedId(created);
        using var karamay = await factory.SignedInAsync("klmy.filer@demo.local");
        await factory.CreateUserAsync("xa.filer@test.local", organisation: "西安市科学技术协会", roles: ["Filer"]);
        using var xian = await factory.SignedInAsync("xa.filer@test.local");

        var first = await karamay.PostFormAsync($"/main-events/{eventId}/sub-venue", new Dictionary<string, string> { ["Place"] = "克拉玛依市科协视频会议室", ["ExpectedAttendees"] = "60", ["Connection"] = "VideoConference" }, $"/main-events/{eventId}/sub-venue");
        var second = await karamay.PostFormAsync($"/main-events/{eventId}/sub-venue", new Dictionary<string, string> { ["Place"] = "克拉玛依市科技馆", ["ExpectedAttendees"] = "80", ["Connection"] = "LiveStream" }, $"/main-events/{eventId}/sub-venue");
        var absurd = await karamay.PostFormAsync($"/main-events/{eventId}/sub-venue", new Dictionary<string, string> { ["Place"] = "x", ["ExpectedAttendees"] = "10000001" }, $"/main-events/{eventId}/sub-venue");
        var foreign = await xian.PostFormAsync($"/main-events/{eventId}/sub-venue", new Dictionary<string, string> { ["Place"] = "西安" }, "/filer");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Contains("预计参加人数应在 0 到 10,000,000 之间", await absurd.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        var bogus = await karamay.PostFormAsync($"/main-events/{eventId}/sub-venue/status", new Dictionary<string, string> { ["status"] = "7" }, $"/main-events/{eventId}/sub-venue");
        var missing = await karamay.PostFormAsync($"/main-events/{eventId}/sub-venue/status", new Dictionary<string, string>(), $"/main-events/{eventId}/sub-venue");
        // A status that does not exist: the page says so (after the access check), nothing changes.
        Assert.Equal(HttpStatusCode.Redirect, bogus.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, missing.StatusCode);
        Assert.Contains("请选择分会场的状态", await karamay.GetStringAsync($"/main-events/{eventId}/sub-venue"), StringComparison.Ordinal);
        var venue = await factory.WithDbAsync(db => db.SubVenues.AsNoTracking().SingleAsync(v => v.MainEventId == eventId));
        Assert.Equal("克拉玛依市科技馆", venue.Place);
        Assert.Equal(SubVenueConnection.LiveStream, venue.Connection);
        var page = await organiser.GetStringAsync($"/main-events/{eventId}");
        Assert.Contains("克拉玛依市科学技术协会", page, StringComparison.Ordinal);
        Assert.Contains("网络直播", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await xian.GetAsync($"/main-events/{eventId}/sub-venue")).StatusCode);
        using var shaanxi = await factory.SignedInAsync("sx.organiser@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await shaanxi.GetAsync($"/main-events/{eventId}")).StatusCode);
    }

    [Fact]
    public async Task OrganiserList_FiltersAndCounts_Calendar_PublicList()
    {
        var campaignId = await CampaignIdAsync();
        var tacheng = await factory.OrganisationIdAsync("塔城地区科学技术协会");
        using var organiser = await factory.SignedInAsync("xj.organiser@demo.local");
        using var anonymous = factory.CreatePortalClient();

        var all = await organiser.GetStringAsync($"/campaigns/{campaignId}/activities");
        var byUnit = await organiser.GetStringAsync($"/campaigns/{campaignId}/activities?unit={tacheng}&kind=Symposium");
        var cancelled = await organiser.GetStringAsync($"/campaigns/{campaignId}/activities?status=Cancelled");
        var onDay = await organiser.GetStringAsync($"/campaigns/{campaignId}/activities?from=2022-05-21&to=2022-05-21");
        var calendar = await organiser.GetStringAsync($"/campaigns/{campaignId}/activities/calendar");
        var publicList = await anonymous.GetStringAsync($"/campaigns/{campaignId}/public-activities");
        var notPublic = await anonymous.GetAsync($"/campaigns/{await CampaignIdAsync("2023年自治区科技活动周")}/public-activities");

        Assert.Contains("按板块统计", all, StringComparison.Ordinal);
        Assert.Contains("塔城地区科技工作者座谈会", byUnit, StringComparison.Ordinal);
        Assert.DoesNotContain("致敬科技工作者视频短片（塔城）", byUnit, StringComparison.Ordinal);
        Assert.DoesNotContain("巴州科技工作者座谈会", byUnit, StringComparison.Ordinal);
        Assert.Contains("科技工作者健步走", cancelled, StringComparison.Ordinal);
        Assert.DoesNotContain("塔城地区科技工作者座谈会", cancelled, StringComparison.Ordinal);
        Assert.Contains("科技志愿服务进社区", onDay, StringComparison.Ordinal);
        Assert.DoesNotContain("塔城地区科技工作者座谈会", onDay, StringComparison.Ordinal);
        Assert.Contains("from=2022-05-30&amp;to=2022-05-30", calendar, StringComparison.Ordinal);
        Assert.Contains("科技志愿服务进社区", calendar, StringComparison.Ordinal);
        Assert.Contains("2022年“新疆最美科技工作者”发布仪式", publicList, StringComparison.Ordinal);
        Assert.DoesNotContain("科技工作者健步走", publicList, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, notPublic.StatusCode);
    }

    [Fact]
    public async Task Photos_OnlyRealImages_ShownToUnitAndOwner()
    {
        var campaignId = await CampaignIdAsync();
        var category = await CategoryIdAsync(campaignId, "科普宣传");
        using var filer = await factory.SignedInAsync("hami.filer@demo.local");
        var id = await RegisterAsync(filer, campaignId, Fields("哈密市科普展板展示", category));
        var png = TestImages.Png();

        var ok = await filer.PostFileAsync($"/activities/{id}/photos", $"/activities/{id}", "现场.png", png, new Dictionary<string, string> { ["caption"] = "活动现场" });
        var html = await filer.PostFileAsync($"/activities/{id}/photos", $"/activities/{id}", "fake.jpg", "<html><script>alert(1)</script></html>"u8.ToArray());

        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, html.StatusCode);
        var photo = await factory.WithDbAsync(db => db.Activities.Where(a => a.Id == id).SelectMany(a => a.Photos).Select(p => new { p.StoredFileId, p.Caption }).SingleAsync());
        Assert.Equal("活动现场", photo.Caption);
        var image = await filer.GetAsync($"/activities/{id}/photos/{photo.StoredFileId}");
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        using var karamay = await factory.SignedInAsync("klmy.filer@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await karamay.GetAsync($"/activities/{id}/photos/{photo.StoredFileId}")).StatusCode);
        using var anonymous = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/activities/{id}/photos/{photo.StoredFileId}")).StatusCode);
    }

    [Fact]
    public async Task OrganiserListAndCalendar_QueryCountFlat_From100To10000Activities()
    {
        var xinjiang = await factory.OrganisationIdAsync("新疆维吾尔自治区科学技术协会");
        var units = await factory.WithDbAsync(db => db.Organisations.Where(o => o.ParentId == xinjiang).Select(o => o.Id).ToListAsync());
        var campaignId = await factory.WithDbAsync(async db =>
        {
            var campaign = new Campaign(xinjiang, 2026, "查询次数测试活动", DateTimeOffset.UtcNow);
            campaign.Describe(2026, "查询次数测试活动", null, new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31), null, new DateOnly(2026, 6, 15));
            campaign.ReplaceCategories(["甲", "乙", "丙"]);
            campaign.AddParticipants(units, ParticipantSource.Manual, DateTimeOffset.UtcNow);
            campaign.Publish();
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            return campaign.Id;
        });
        var categories = await factory.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaignId).SelectMany(c => c.Categories).Select(c => c.Id).ToListAsync());
        Task AddAsync(int from, int count) => factory.WithDbAsync(async db =>
        {
            for (var i = from; i < from + count; i++)
            {
                var start = new DateOnly(2026, 5, 1).AddDays(i % 31);
                db.Activities.Add(new Activity(campaignId, units[i % units.Count], new ActivityDetails($"活动{i}", categories[i % 3], (ActivityKind)(i % 9), ActivityForm.Offline,
                    start, start.AddDays(i % 3 == 0 ? 1 : 0), false, "会场", null, null, null, null, null, 50, null, null, null, false), DateTimeOffset.UtcNow));
            }

            return await db.SaveChangesAsync();
        });
        using var organiser = await factory.SignedInAsync("xj.organiser@demo.local");
        async Task<int> CommandsAsync(string path)
        {
            factory.Commands.Reset();
            var response = await organiser.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return factory.Commands.Count;
        }

        string[] pages = [$"/campaigns/{campaignId}/activities", $"/campaigns/{campaignId}/activities?status=Planned&page=3", $"/campaigns/{campaignId}/activities/calendar"];
        await AddAsync(0, 100);
        var small = new List<int>();
        foreach (var page in pages)
        {
            small.Add(await CommandsAsync(page));
        }

        await AddAsync(100, 9_900);
        var large = new List<int>();
        foreach (var page in pages)
        {
            large.Add(await CommandsAsync(page));
        }

        // The list is the same few commands at any size; the calendar adds one for titles only while the campaign is small.
        Assert.Equal(small[..2], large[..2]);
        Assert.InRange(large[2], small[2] - 1, small[2]);
        Assert.All(large, count => Assert.True(count <= 16, $"{count} commands"));
        Assert.Contains("共 10,000 项", await organiser.GetStringAsync($"/campaigns/{campaignId}/activities"), StringComparison.Ordinal);
    }
}
