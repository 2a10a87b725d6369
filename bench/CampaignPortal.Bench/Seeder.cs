using System.Globalization;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace CampaignPortal.Bench;

/// <summary>
/// Generates a provincial data set on top of the demo data: 200 units under 新疆维吾尔自治区科协 (county associations and
/// societies with real county names), five yearly campaigns 2022–2026 each with all 200 taking part, N submitted
/// summary reports (a third approved; beyond the 1,000 the five campaigns hold, in special campaigns of the same years)
/// and N activities in the 2026 campaign, and one published notice with an attachment per campaign. Text is Chinese
/// of the kind the reports hold. Usage: <c>seed &lt;data directory&gt; &lt;N&gt;</c>.
/// </summary>
internal static class Seeder
{
    private static readonly string[] Counties =
    [
        "天山区", "沙依巴克区", "新市区", "水磨沟区", "头屯河区", "达坂城区", "米东区", "乌鲁木齐县", "独山子区", "克拉玛依区",
        "白碱滩区", "乌尔禾区", "高昌区", "鄯善县", "托克逊县", "伊州区", "巴里坤县", "伊吾县", "昌吉市", "阜康市",
        "呼图壁县", "玛纳斯县", "奇台县", "吉木萨尔县", "木垒县", "博乐市", "阿拉山口市", "精河县", "温泉县", "库尔勒市",
        "轮台县", "尉犁县", "若羌县", "且末县", "焉耆县", "和静县", "和硕县", "博湖县", "阿克苏市", "库车市",
    ];

    private static readonly string[] Kinds = ["科学技术协会", "科普协会", "农学会", "医学会", "青少年科技教育协会"];

    private static readonly string[] Themes = ["科普进校园", "科技志愿服务", "院士专家报告会", "科技工作者座谈会", "科普大篷车巡展", "青少年科技创新大赛", "农技培训下乡", "健康科普讲座"];

    private const string Paragraph = "为深入学习贯彻习近平总书记关于科技创新的重要论述，按照自治区科协的统一部署，我单位围绕“弘扬科学家精神，激发创新活力”主题，"
        + "组织开展了形式多样的系列活动。活动期间共举办专题报告会、座谈会和科普展览，走访慰问一线科技工作者，营造了尊重知识、尊重人才、尊重创造的良好氛围。";

    public static async Task RunAsync(string directory, int count)
    {
        var watch = Stopwatch.StartNew();
        using var portal = new BenchPortal(directory, keep: true);
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.Organisations.AnyAsync(o => o.Name == Counties[0] + Kinds[0]))
        {
            Console.WriteLine($"{directory}: already seeded");
            return;
        }

        await SeedAsync(count, db, scope.ServiceProvider, watch);
    }

    private static async Task SeedAsync(int count, AppDbContext db, IServiceProvider services, Stopwatch watch)
    {
        var at = DateTimeOffset.UtcNow;
        var xinjiang = await db.Organisations.SingleAsync(o => o.Name == "新疆维吾尔自治区科学技术协会");
        var units = Kinds.SelectMany(k => Counties.Select(c => new Organisation(c + k, c + k.Replace("科学技术协会", "科协", StringComparison.Ordinal), k == Kinds[0] ? OrganisationKind.County : OrganisationKind.Society, xinjiang, at))).ToList();
        db.Organisations.AddRange(units);
        await db.SaveChangesAsync();
        var unitIds = units.Select(u => u.Id).ToList();

        var campaigns = new List<Campaign>();
        var needed = Math.Max(5, (count + unitIds.Count - 1) / unitIds.Count);
        for (var i = 0; i < needed; i++)
        {
            var year = 2022 + (i % 5);
            var title = i < 5 ? $"{year}年自治区全国科技工作者日（基准数据）" : $"{year}年自治区科普专项活动{i / 5}（基准数据）";
            var campaign = new Campaign(xinjiang.Id, year, title, at);
            campaign.Describe(year, title, "弘扬科学家精神，激发创新活力", new DateOnly(year, 5, 1), new DateOnly(year, 5, 31), null, new DateOnly(year, 6, 15));
            campaign.ReplaceCategories(Themes);
            campaign.AddParticipants(unitIds, ParticipantSource.Manual, at);
            campaign.Publish();
            campaigns.Add(campaign);
        }

        db.Campaigns.AddRange(campaigns);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        // Notices, one per campaign, each with a (small) attachment on disk.
        var files = services.GetRequiredService<Web.Infrastructure.Files.IFileStore>();
        foreach (var campaign in campaigns)
        {
            var content = System.Text.Encoding.UTF8.GetBytes("%PDF-1.4\n% " + campaign.Title + "活动安排\n");
            var id = Guid.NewGuid();
            var key = $"bench/{id:N}";
            var (size, sha256) = await files.SaveAsync(key, new MemoryStream(content), 1024 * 1024, CancellationToken.None);
            var file = new StoredFile(id, campaign.Title + "活动安排.pdf", "application/pdf", size, sha256, key, xinjiang.Id, null, at);
            db.StoredFiles.Add(file);
            var notice = new Notice(campaign.Id, NoticeKind.Notice, $"关于开展{campaign.Title.Replace("（基准数据）", "", StringComparison.Ordinal)}活动的通知", at);
            notice.Write(new NoticeContent(NoticeKind.Notice, notice.Title, $"新科协发〔{campaign.Year}〕{campaign.Id}号", "各地（州、市）科协，各有关单位", null,
                "<p>" + Paragraph + "</p><p>一、活动时间</p><p>二、活动内容</p>", null, null, null, null, true));
            notice.SetIssuers([xinjiang.Id], [xinjiang.Name]);
            notice.AddAttachment(file.Id, null);
            notice.Publish(at, new DateOnly(campaign.Year, 4, 20));
            db.Notices.Add(notice);
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        Console.WriteLine($"{units.Count} units, {campaigns.Count} campaigns, {campaigns.Count} notices ({watch.Elapsed.TotalSeconds:F0} s)");

        // Reports: every unit in the five yearly campaigns first, then the special ones.
        for (var i = 0; i < count; i++)
        {
            var campaign = campaigns[i / unitIds.Count];
            var unit = unitIds[i % unitIds.Count];
            var submitted = new DateTimeOffset(campaign.Year, 6, 1 + (i % 20), 3, i % 60, 0, TimeSpan.Zero);
            var report = new SummaryReport(campaign.Id, unit, xinjiang.Id, submitted.AddDays(-2), "填报员");
            report.Save(new ReportContent(
                [new SectionText(1, "基本情况", "<p>" + Paragraph + "</p>"), new SectionText(2, "主要做法", "<p>" + Themes[i % Themes.Length] + "：" + Paragraph + "</p>")],
                [
                    new FigureValue("activities", (1 + (i % 30)) * 100, i % 4 == 0 ? FigureQualifier.MoreThan : FigureQualifier.Exact, null, FigureSource.Manual),
                    new FigureValue("participants", (100 + (i % 900)) * 100L, FigureQualifier.Exact, null, FigureSource.Manual),
                ], "王芳", "0991-2345678", "李强"), 0, submitted.AddDays(-1), "填报员");
            var version = report.Submit(report.Version, new DateTimeOffset(campaign.Year, 6, 15, 16, 0, 0, TimeSpan.Zero), submitted, "填报员");
            if (i % 3 == 1)
            {
                report.Approve(version, null, submitted.AddDays(2), "审核员");
            }

            db.SummaryReports.Add(report);
            db.ReportVersions.Add(version);
            if (i % 2_000 == 1_999)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        Console.WriteLine($"{count:N0} reports ({watch.Elapsed.TotalSeconds:F0} s)");

        // Activities: all in the 2026 campaign, spread over its units and categories.
        var main = campaigns[4];
        var categories = await db.Campaigns.Where(c => c.Id == main.Id).SelectMany(c => c.Categories).Select(c => c.Id).ToListAsync();
        for (var i = 0; i < count; i++)
        {
            var unit = units[i % units.Count];
            var start = new DateOnly(2026, 5, 1).AddDays(i % 31);
            var theme = Themes[i % Themes.Length];
            db.Activities.Add(new Activity(main.Id, unit.Id, new ActivityDetails($"{unit.ShortName}“{theme}”活动（第{(i / units.Count) + 1}场）", categories[i % categories.Count],
                (ActivityKind)(i % 9), i % 5 == 0 ? ActivityForm.Online : ActivityForm.Offline, start, start, false, Counties[i % Counties.Length] + "科技馆", null, null, null,
                null, null, 50 + (i % 500), null, null, null, false), at));
            if (i % 5_000 == 4_999)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count:N0} activities; done in {watch.Elapsed.TotalSeconds:F0} s"));
    }
}
