using System.Reflection;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Data.Seeding;

/// <summary>
/// The demo campaigns of DOMAIN.md, with the two seed notices as published notices, word for word (the website
/// chrome of the originals and a page number "— 3 —" inside a sentence are left out). Idempotent by campaign title.
/// </summary>
public sealed class DemoCampaigns(AppDbContext db, FileService files, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var org = await db.Organisations.ToDictionaryAsync(o => o.Name, cancellationToken);
        var xinjiang = org[OrganisationSeeds.Xinjiang];
        var prefectures = org.Values.Where(o => o.ParentId == xinjiang.Id && o.Kind == OrganisationKind.Prefecture).Select(o => o.Id).ToList();

        var national = await EnsureCampaignAsync(org[OrganisationSeeds.National].Id, 2022, "2022年全国科技工作者日", c =>
        {
            c.Describe(2022, "2022年全国科技工作者日", "弘扬科学家精神", new DateOnly(2022, 5, 20), new DateOnly(2022, 6, 10), "5月下旬至6月上旬", new DateOnly(2022, 6, 20));
            c.AddParticipants([xinjiang.Id, org[OrganisationSeeds.Shaanxi].Id, org[OrganisationSeeds.InnerMongolia].Id], ParticipantSource.Notice, Now);
        }, cancellationToken);

        await EnsureCampaignAsync(xinjiang.Id, 2022, "2022年自治区全国科技工作者日", c =>
        {
            c.Describe(2022, "2022年自治区全国科技工作者日", "弘扬科学家精神", new DateOnly(2022, 5, 20), new DateOnly(2022, 6, 5), null, new DateOnly(2022, 6, 15));
            c.AddParticipants(prefectures, ParticipantSource.Notice, Now);
        }, cancellationToken, parent: national);

        var week = await EnsureCampaignAsync(xinjiang.Id, 2023, "2023年自治区科技活动周", c =>
        {
            c.Describe(2023, "2023年自治区科技活动周", "热爱科学\u2002崇尚科学", new DateOnly(2023, 5, 20), new DateOnly(2023, 5, 31), "2023年5月20-31日", new DateOnly(2023, 6, 15));
            c.ReplaceMaterials(
            [
                ("总结报告", "各地州市科技局牵头，会同当地党委宣传部门和科协形成。", true),
                ("活动开展情况统计表", "按附件统计表填写。", true),
                ("照片", null, true),
                ("媒体报道", null, false),
                ("视频影像资料", "视频素材分辨率为1920×1080/50-100Mbps, 码率1080/50i(25P),制式 MOV 或 mpg 文件。", false),
            ]);
        }, cancellationToken);
        if (!await db.Notices.AnyAsync(n => n.CampaignId == week.Id, cancellationToken))
        {
            await XinjiangNoticeAsync(week, org, prefectures, cancellationToken);
        }

        var shaanxi = org[OrganisationSeeds.Shaanxi];
        var day = await EnsureCampaignAsync(shaanxi.Id, 2020, "2020年陕西省“全国科技工作者日”活动", c =>
        {
            c.Describe(2020, "2020年陕西省“全国科技工作者日”活动", "科技为民、奋斗有我", new DateOnly(2020, 5, 11), new DateOnly(2020, 6, 10), "2020 年 5 月中旬—6 月上旬", new DateOnly(2020, 6, 10));
            c.ReplaceCategories(["团结引领", "建家办事", "为民服务", "开放合作", "表彰发布"]);
        }, cancellationToken);
        if (!await db.Notices.AnyAsync(n => n.CampaignId == day.Id, cancellationToken))
        {
            await ShaanxiNoticeAsync(day, org, shaanxi, cancellationToken);
        }
    }

    private DateTimeOffset Now => clock.GetUtcNow();

    private async Task<Campaign> EnsureCampaignAsync(int organisationId, int year, string title, Action<Campaign> fill, CancellationToken cancellationToken, Campaign? parent = null)
    {
        var existing = await db.Campaigns.FirstOrDefaultAsync(c => c.OrganisationId == organisationId && c.Title == title, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var campaign = new Campaign(organisationId, year, title, Now);
        campaign.ReplaceSections(CampaignDefaults.Sections.Select(s => (s.Title, (string?)s.Guidance, s.IsRequired)));
        campaign.ReplaceMaterials(CampaignDefaults.Materials.Select(m => (m.Name, (string?)m.Note, m.IsRequired)));
        campaign.ReplaceIndicators(CampaignDefaults.Indicators());
        fill(campaign);
        if (parent is not null)
        {
            db.Entry(campaign).Property(c => c.ParentCampaignId).CurrentValue = parent.Id;
        }

        campaign.Publish();
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        return campaign;
    }

    private async Task XinjiangNoticeAsync(Campaign campaign, Dictionary<string, Organisation> org, List<int> prefectures, CancellationToken cancellationToken)
    {
        var notice = new Notice(campaign.Id, NoticeKind.Notice, "关于举办2023年自治区科技活动周的通知", Now);
        notice.MarkMain();
        notice.Write(new NoticeContent(
            NoticeKind.Notice, notice.Title, null,
            "各地州市科技局、党委宣传部、科协,自治区科普工作联席会议各成员单位,自治区各新闻媒体,各有关单位",
            null, Document("2023-xinjiang-notice-body"), Document("2023-xinjiang-notice-requirements"),
            "自治区科学技术厅引进智力与人才服务处", null, new DateOnly(2023, 5, 4), IsPublic: true));
        var issuers = new[] { "新疆维吾尔自治区科学技术厅", "中共新疆维吾尔自治区委员会宣传部", OrganisationSeeds.Xinjiang };
        notice.SetIssuers(issuers.Select(n => org[n].Id).ToList(), [.. issuers, "自治区科技厅", "自治区党委宣传部", "自治区科协"]);
        notice.SetAddressees(prefectures, []);
        notice.SetBases([("科技部中央宣传部中国科协关于举办2023年全国科技活动周的通知", "国科函才〔2023〕65号", null)]);
        notice.SetContacts([new NoticeContact("意则提、杨倩、杨青", "0991-3836587 \u20023838217", "nckjfwzx2020@163.com", null,
            "乌鲁木齐市高新区(新市区)北京南路科学一街353号", "830011")]);
        db.Notices.Add(notice);
        await db.SaveChangesAsync(cancellationToken);

        // 附件：2023年自治区科技活动周开展情况统计表, generated from the campaign's statistics template.
        var full = await db.Campaigns.Include(c => c.Indicators).SingleAsync(c => c.Id == campaign.Id, cancellationToken);
        using var table = new MemoryStream(await StatisticsTable.BuildAsync(full, cancellationToken));
        var stored = await files.StoreAsync(table, StatisticsTable.FileName(full), FileTypes.Documents, campaign.OrganisationId, null, cancellationToken);
        notice.AddAttachment(stored.File!.Id, "2023年自治区科技活动周开展情况统计表");
        notice.Publish(Now, new DateOnly(2023, 5, 4));
        campaign.AddParticipants(prefectures, ParticipantSource.Notice, Now);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task ShaanxiNoticeAsync(Campaign campaign, Dictionary<string, Organisation> org, Organisation shaanxi, CancellationToken cancellationToken)
    {
        var addressees = org.Values.Where(o => o.ParentId == shaanxi.Id).Select(o => o.Id).ToList();
        var notice = new Notice(campaign.Id, NoticeKind.Notice, "关于印发《2020 年陕西省“全国科技工作者日”活动工作方案》的通知", Now);
        notice.MarkMain();
        notice.Write(new NoticeContent(
            NoticeKind.Notice, notice.Title, null,
            "各省级学会、协会、研究会,各设区市、杨凌示范区、韩城市科协,各企事业单位科协",
            null, Document("2020-shaanxi-notice-body"), null, "省科协办公室", "sxkxbgs@163.com", new DateOnly(2020, 5, 12), IsPublic: true));
        notice.SetIssuers([shaanxi.Id], [shaanxi.Name, shaanxi.ShortName]);
        notice.SetAddressees(addressees, []);
        notice.SetBases(
        [
            ("中国科协 科技部关于开展 2020 年“全国科技工作者日”活动的通知", null, null),
            ("中国科协办公厅关于印发<2020年“全国科技工作者日”活动实施方案>的通知", null, null),
        ]);
        notice.SetContacts([new NoticeContact("李磊", "029-63917171", null, null, null, null)]);
        db.Notices.Add(notice);
        await db.SaveChangesAsync(cancellationToken);

        var plan = new Notice(campaign.Id, NoticeKind.WorkPlan, "2020 年陕西省“全国科技工作者日”活动工作方案", Now);
        plan.Write(new NoticeContent(
            NoticeKind.WorkPlan, plan.Title, null, null, null, Document("2020-shaanxi-workplan-body"),
            Document("2020-shaanxi-workplan-requirements"), null, null, null, IsPublic: true));
        plan.SetIssuers([shaanxi.Id], []);
        plan.AttachTo(notice.Id);
        db.Notices.Add(plan);
        notice.Publish(Now, new DateOnly(2020, 5, 19));
        plan.Publish(Now, new DateOnly(2020, 5, 19));
        campaign.AddParticipants(addressees, ParticipantSource.Notice, Now);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Document(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"CampaignPortal.Web.Data.Seeding.Documents.{name}.html")
            ?? throw new InvalidOperationException($"Seed document {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
