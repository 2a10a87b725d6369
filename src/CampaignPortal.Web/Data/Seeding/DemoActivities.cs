using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Data.Seeding;

/// <summary>
/// The activities of the 2022 Workers' Day in Xinjiang, after the seed summary: the main event on 30 May at 新疆科技馆
/// with the 14 prefecture sub-venues by video conference, the 自治区科协's own five events, and what the prefectures
/// did (主题展 in 巴州, 博州 and 和田, 座谈会 in 塔城 and elsewhere, 克拉玛依's 最美科技工作者 campaign). Participant
/// figures other than the summary's "70余人" are illustrative.
/// </summary>
public sealed partial class DemoCampaigns
{
    private static readonly string[] WorkersDayCategories = ["弘扬科学家精神", "关心关爱科技工作者", "科普宣传", "表彰激励"];

    private async Task WorkersDayActivitiesAsync(Campaign campaign, Dictionary<string, Organisation> org, CancellationToken cancellationToken)
    {
        var categories = await db.Campaigns.Where(c => c.Id == campaign.Id).SelectMany(c => c.Categories).ToDictionaryAsync(c => c.Name, c => c.Id, cancellationToken);
        var day = new DateOnly(2022, 5, 30);
        var main = new MainEvent(campaign.Id, "2022年“全国科技工作者日”新疆主场活动", day, "新疆科技馆", null,
            "主题为“创新争先、自立自强”。自治区科协在全疆14个地（州、市）科协设置分会场，以视频会议的形式参加主场活动。");
        db.MainEvents.Add(main);
        await db.SaveChangesAsync(cancellationToken);

        var prefectures = org.Values.Where(o => o.ParentId == org[OrganisationSeeds.Xinjiang].Id && o.Kind == OrganisationKind.Prefecture)
            .OrderBy(o => o.Id).ToList();
        var attendance = 30;
        foreach (var unit in prefectures)
        {
            var venue = new SubVenue(main.Id, unit.Id, unit.ShortName + "视频会议室", 40, SubVenueConnection.VideoConference, null, Now);
            venue.MarkHeld(attendance, Now);
            attendance = attendance % 50 + 7;
            db.SubVenues.Add(venue);
        }

        var xinjiang = org[OrganisationSeeds.Xinjiang].Name;
        var activities = new List<Activity>();
        Activity Add(string unit, string title, string category, ActivityKind kind, ActivityForm form, DateOnly start, DateOnly end, string? venue,
            int expected, int? actual, string? outcome = null, string? link = null)
        {
            var activity = new Activity(campaign.Id, org[unit].Id, new ActivityDetails(title, categories[category], kind, form, start, end, false,
                venue, null, link, org[unit].Name, null, "科技工作者", expected, null, null, null, IsPublic: true), Now);
            if (actual is { } n)
            {
                activity.MarkHeld(n, outcome, Now);
            }

            activities.Add(activity);
            return activity;
        }

        // 自治区科协's own events of the main event day (seed summary, items 一 to 五).
        var launch = Add(xinjiang, "2022年“新疆最美科技工作者”发布仪式", "表彰激励", ActivityKind.Award, ActivityForm.Offline, day, day, "新疆科技馆", 150, 150,
            "15位“新疆最美科技工作者”到场参加，其他人在所在地（州、市）科协分会场参加。");
        Add(xinjiang, "“众心向党 自立自强——党领导下的科学家”主题展", "弘扬科学家精神", ActivityKind.Exhibition, ActivityForm.Offline, day, day.AddDays(6), "新疆科技馆数字展厅", 500, 600,
            "实体展览改为数字展，在数字展厅播放。");
        Add(xinjiang, "新疆科技馆数字展厅开展仪式", "科普宣传", ActivityKind.Launch, ActivityForm.Offline, day, day, "新疆科技馆", 100, 100);
        Add(xinjiang, "“喜迎二十大、奋进新征程”科学与艺术作品展", "科普宣传", ActivityKind.Exhibition, ActivityForm.Offline, day, day.AddDays(6), "新疆科技馆", 300, 350);
        Add(xinjiang, "科学家精神主题报告会", "弘扬科学家精神", ActivityKind.Lecture, ActivityForm.Hybrid, day, day, "新疆科技馆", 80, 70,
            "因疫情改为线上宣讲；70余人在主会场参加，各地州市、学会、高校科协、企业科协在分会场参加。");
        Add(xinjiang, "走访慰问科技工作者代表", "关心关爱科技工作者", ActivityKind.Visit, ActivityForm.Offline, day.AddDays(-3), day.AddDays(-1), "乌鲁木齐市", 20, 20);

        // What the prefectures did (seed summary, item 六).
        Add(OrganisationSeeds.Karamay, "克拉玛依市“最美科技工作者”学习宣传活动", "表彰激励", ActivityKind.Award, ActivityForm.Hybrid, day.AddDays(-5), day, "克拉玛依市科技馆", 200, 260,
            "评选出10位“最美科技工作者”。");
        Add(OrganisationSeeds.Karamay, "市党政领导走访慰问“最美科技工作者”代表", "关心关爱科技工作者", ActivityKind.Visit, ActivityForm.Offline, day, day, "克拉玛依市", 15, 12);
        var bazhouShow = Add("巴音郭楞蒙古自治州科学技术协会", "“众心向党、自立自强——党领导下的科学家”主题展（巴州）", "弘扬科学家精神", ActivityKind.Exhibition, ActivityForm.Offline, day, day.AddDays(6), "巴州科技馆", 800, 1200);
        var bazhouFilm = Add("巴音郭楞蒙古自治州科学技术协会", "向科技工作者致敬视频短片", "科普宣传", ActivityKind.Other, ActivityForm.Online, day, day, null, 5000, 8600, null, null);
        Add("巴音郭楞蒙古自治州科学技术协会", "巴州科技工作者座谈会", "关心关爱科技工作者", ActivityKind.Symposium, ActivityForm.Offline, day.AddDays(1), day.AddDays(1), "巴州科协会议室", 40, 38);
        Add("博尔塔拉蒙古自治州科学技术协会", "“众心向党、自立自强”科学家主题展（博州）", "弘扬科学家精神", ActivityKind.Exhibition, ActivityForm.Offline, day, day.AddDays(4), "博州科技馆", 400, 450);
        Add("博尔塔拉蒙古自治州科学技术协会", "博州科技工作者座谈会", "关心关爱科技工作者", ActivityKind.Symposium, ActivityForm.Offline, day.AddDays(1), day.AddDays(1), "博州科协会议室", 30, 30);
        Add("和田地区科学技术协会", "“众心向党、自立自强”科学家主题展（和田）", "弘扬科学家精神", ActivityKind.Exhibition, ActivityForm.Offline, day, day.AddDays(5), "和田地区科技馆", 500, 520);
        var tacheng = Add("塔城地区科学技术协会", "塔城地区科技工作者座谈会", "关心关爱科技工作者", ActivityKind.Symposium, ActivityForm.Offline, day, day, "塔城地区科协会议室", 45, 52,
            "组织所属县市科协同步召开座谈会，协调党政领导走访慰问科技工作者代表。");
        Add("塔城地区科学技术协会", "致敬科技工作者视频短片（塔城）", "科普宣传", ActivityKind.Other, ActivityForm.Online, day, day, null, 3000, 4100, null, null);
        Add("阿勒泰地区科学技术协会", "阿勒泰地区科技工作者座谈会", "关心关爱科技工作者", ActivityKind.Symposium, ActivityForm.Offline, day.AddDays(1), day.AddDays(1), "阿勒泰地区科协会议室", 30, 26);
        Add("伊犁哈萨克自治州科学技术协会", "伊犁州科技工作者座谈会", "关心关爱科技工作者", ActivityKind.Symposium, ActivityForm.Offline, day, day, "伊犁州科协会议室", 40, 41);
        Add("阿克苏地区科学技术协会", "阿克苏地区科技工作者座谈会", "关心关爱科技工作者", ActivityKind.Symposium, ActivityForm.Offline, day, day, "阿克苏地区科协会议室", 50, 47);
        Add("阿克苏地区科学技术协会", "走访慰问一线科技工作者", "关心关爱科技工作者", ActivityKind.Visit, ActivityForm.Offline, day.AddDays(1), day.AddDays(2), "阿克苏地区", 10, 10);

        // Other prefectures: the usual mix, some still planned, one cancelled.
        Add("乌鲁木齐市科学技术协会", "科技志愿服务进社区", "科普宣传", ActivityKind.Volunteer, ActivityForm.Offline, new DateOnly(2022, 5, 21), new DateOnly(2022, 5, 21), "天山区幸福路社区", 120, 135);
        Add("乌鲁木齐市科学技术协会", "院士专家科普报告进校园", "科普宣传", ActivityKind.Campus, ActivityForm.Offline, new DateOnly(2022, 5, 24), new DateOnly(2022, 5, 24), "乌鲁木齐市第一中学", 600, 640);
        Add("吐鲁番市科学技术协会", "科技工作者代表座谈会", "关心关爱科技工作者", ActivityKind.Symposium, ActivityForm.Offline, day, day, "吐鲁番市科协会议室", 30, 28);
        Add(OrganisationSeeds.Hami, "“最美科技工作者”事迹宣讲会", "弘扬科学家精神", ActivityKind.Lecture, ActivityForm.Offline, new DateOnly(2022, 5, 26), new DateOnly(2022, 5, 26), "哈密市科技馆", 200, 180);
        Add(OrganisationSeeds.Hami, "科技志愿服务下乡", "科普宣传", ActivityKind.Volunteer, ActivityForm.Offline, new DateOnly(2022, 6, 2), new DateOnly(2022, 6, 3), "伊州区乡镇", 300, null);
        Add("昌吉回族自治州科学技术协会", "科学家精神进机关报告会", "弘扬科学家精神", ActivityKind.Lecture, ActivityForm.Hybrid, new DateOnly(2022, 5, 27), new DateOnly(2022, 5, 27), "昌吉州党校", 150, 166, null, null);
        Add("克孜勒苏柯尔克孜自治州科学技术协会", "科普进校园系列活动", "科普宣传", ActivityKind.Campus, ActivityForm.Offline, new DateOnly(2022, 5, 23), new DateOnly(2022, 5, 27), "阿图什市各中小学", 1000, null);
        var kashgar = Add("喀什地区科学技术协会", "科技工作者健步走", "关心关爱科技工作者", ActivityKind.Other, ActivityForm.Offline, new DateOnly(2022, 5, 28), new DateOnly(2022, 5, 28), "喀什地区体育馆", 300, null);
        kashgar.Cancel("受疫情防控要求影响取消。", Now);
        Add("喀什地区科学技术协会", "科技工作者之家揭牌仪式", "关心关爱科技工作者", ActivityKind.Launch, ActivityForm.Offline, day, day, "喀什地区科协", 60, 60);

        launch.AddMedia(MediaKind.Newspaper, "新疆日报", "2022年“新疆最美科技工作者”发布", day.AddDays(1), null, "第2版", Now);
        launch.AddMedia(MediaKind.Television, "新疆电视台", "“全国科技工作者日”新疆主场活动举行", day, null, "《新疆新闻联播》", Now);
        launch.AddMedia(MediaKind.Website, "天山网", "新疆举行2022年“全国科技工作者日”主场活动", day, "https://www.ts.cn/", null, Now);
        bazhouShow.AddMedia(MediaKind.NewMedia, "巴州科协微信公众号", "主题展开展", day, null, null, Now);
        bazhouFilm.AddMedia(MediaKind.Television, "巴州电视台", "向科技工作者致敬", day, null, "《巴州新闻》", Now);
        tacheng.AddMedia(MediaKind.Website, "塔城地区融媒体中心", "塔城地区召开科技工作者座谈会", day, null, null, Now);
        db.Activities.AddRange(activities);
        await db.SaveChangesAsync(cancellationToken);
    }
}
