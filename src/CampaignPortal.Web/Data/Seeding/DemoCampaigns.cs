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
public sealed partial class DemoCampaigns(AppDbContext db, FileService files, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var org = await db.Organisations.ToDictionaryAsync(o => o.Name, cancellationToken);
        var xinjiang = org[OrganisationSeeds.Xinjiang];
        var prefectures = org.Values.Where(o => o.ParentId == xinjiang.Id && o.Kind == OrganisationKind.Prefecture).Select(o => o.Id).ToList();

        var national = await EnsureCampaignAsync(org[OrganisationSeeds.National].Id, 2022, "2022年全国科技工作者日", c =>
        {
            c.Describe(2022, "2022年全国科技工作者日", "弘扬科学家精神", new DateOnly(2022, 5, 20), new DateOnly(2022, 6, 10), "5月下旬至6月上旬", new DateOnly(2022, 6, 20));
            c.ReplaceCategories(WorkersDayCategories);
            c.ReplaceIndicators(WorkersDayIndicators());
            c.ReplaceMaterials(WorkersDayMaterials());
            c.AddParticipants([xinjiang.Id, org[OrganisationSeeds.Shaanxi].Id, org[OrganisationSeeds.InnerMongolia].Id], ParticipantSource.Notice, Now);
        }, cancellationToken);

        var xinjiang2022 = await EnsureCampaignAsync(xinjiang.Id, 2022, "2022年自治区全国科技工作者日", c =>
        {
            c.Describe(2022, "2022年自治区全国科技工作者日", "弘扬科学家精神", new DateOnly(2022, 5, 20), new DateOnly(2022, 6, 5), null, new DateOnly(2022, 6, 15));
            c.ReplaceCategories(WorkersDayCategories);
            c.ReplaceIndicators(WorkersDayIndicators());
            c.ReplaceMaterials(WorkersDayMaterials());
            c.SetActivitiesPublic(true);
            c.AddParticipants(prefectures, ParticipantSource.Notice, Now);
        }, cancellationToken, parent: national);

        if (!await db.Notices.AnyAsync(n => n.CampaignId == national.Id, cancellationToken))
        {
            await WorkersDayChainAsync(national, xinjiang2022, org, prefectures, cancellationToken);
        }

        if (!await db.MainEvents.AnyAsync(e => e.CampaignId == xinjiang2022.Id, cancellationToken))
        {
            await WorkersDayActivitiesAsync(xinjiang2022, org, cancellationToken);
        }

        if (!await db.Selections.AnyAsync(s => s.CampaignId == xinjiang2022.Id, cancellationToken))
        {
            await WorkersDaySelectionAsync(xinjiang2022, org, prefectures, cancellationToken);
        }

        if (!await db.SummaryReports.AnyAsync(r => r.CampaignId == national.Id, cancellationToken))
        {
            await WorkersDayReportsAsync(national, xinjiang2022, org, cancellationToken);
        }

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

    /// <summary>10:00 China time on a seed document's publication date: its first revision shows that day, not today.</summary>
    private static DateTimeOffset At(DateOnly date) => new DateTimeOffset(date.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)).ToUniversalTime();

    /// <summary>
    /// The 2022 Workers' Day down the tree: 中国科协 → 自治区科协 (forwarded to 14 prefectures) → 克拉玛依市科协 (forwarded to
    /// its two districts), with receipts in each state: acknowledged, 代签收, read only, unread.
    /// </summary>
    private async Task WorkersDayChainAsync(Campaign national, Campaign xinjiang2022, Dictionary<string, Organisation> org, List<int> prefectures, CancellationToken cancellationToken)
    {
        var cast = org[OrganisationSeeds.National];
        var xinjiang = org[OrganisationSeeds.Xinjiang];
        var karamay = org[OrganisationSeeds.Karamay];
        var provinces = new[] { xinjiang.Id, org[OrganisationSeeds.Shaanxi].Id, org[OrganisationSeeds.InnerMongolia].Id };
        var top = SimpleNotice(national.Id, "关于开展2022年“全国科技工作者日”活动的通知", cast, "各省、自治区、直辖市科协",
            "<p>为深入学习贯彻习近平总书记关于科技创新的重要论述，大力弘扬科学家精神，中国科协决定组织开展2022年“全国科技工作者日”活动。现将有关事项通知如下。</p>",
            provinces, new DateOnly(2022, 5, 10), null);
        db.Notices.Add(top);
        await db.SaveChangesAsync(cancellationToken);

        var forwarded = SimpleNotice(xinjiang2022.Id, "关于转发《关于开展2022年“全国科技工作者日”活动的通知》的通知", xinjiang, "各地州市科协",
            "<p>现将《关于开展2022年“全国科技工作者日”活动的通知》转发给你们，请结合实际认真组织开展活动，并于2022年6月15日前报送活动总结。</p>",
            prefectures, new DateOnly(2022, 5, 13), top);
        db.Notices.Add(forwarded);

        var karamay2022 = Campaign.Forward(xinjiang2022, karamay.Id, "2022年克拉玛依市全国科技工作者日", new DateOnly(2022, 6, 10), Now);
        db.Campaigns.Add(karamay2022);
        await db.SaveChangesAsync(cancellationToken);
        var districts = org.Values.Where(o => o.ParentId == karamay.Id).Select(o => o.Id).ToList();
        var local = SimpleNotice(karamay2022.Id, "关于转发《关于转发〈关于开展2022年“全国科技工作者日”活动的通知〉的通知》的通知", karamay, "各区科协",
            "<p>现将自治区科协转发的通知转发给你们，请于2022年6月10日前报送活动总结。</p>", districts, new DateOnly(2022, 5, 16), forwarded);
        db.Notices.Add(local);
        karamay2022.Publish();
        karamay2022.AddParticipants(districts, ParticipantSource.Notice, Now);
        await db.SaveChangesAsync(cancellationToken);

        var receipts = new List<NoticeReceipt>();
        NoticeReceipt Receipt(Notice notice, Organisation unit)
        {
            var receipt = new NoticeReceipt(notice.Id, unit.Id);
            receipts.Add(receipt);
            return receipt;
        }

        Receipt(top, xinjiang).Acknowledge("xj.organiser@demo.local", Now, onBehalf: false, note: null);
        Receipt(top, org[OrganisationSeeds.Shaanxi]).MarkRead("sx.organiser@demo.local", Now);
        Receipt(forwarded, karamay).Acknowledge("klmy.organiser@demo.local", Now, onBehalf: false, note: null);
        Receipt(forwarded, org["吐鲁番市科学技术协会"]).Acknowledge("xj.organiser@demo.local", Now, onBehalf: true, note: "电话确认");
        Receipt(forwarded, org[OrganisationSeeds.Hami]).MarkRead("hami.filer@demo.local", Now);
        Receipt(local, org["克拉玛依区科学技术协会"]).MarkRead("klmy.organiser@demo.local", Now);
        db.NoticeReceipts.AddRange(receipts);
        await db.SaveChangesAsync(cancellationToken);
    }

    private Notice SimpleNotice(int campaignId, string title, Organisation issuer, string recipients, string body, IEnumerable<int> addressees, DateOnly date, Notice? basis)
    {
        var notice = new Notice(campaignId, NoticeKind.Notice, title, Now);
        notice.MarkMain();
        notice.Write(new NoticeContent(NoticeKind.Notice, title, null, recipients, null, body, null, issuer.Name, null, date, IsPublic: true));
        notice.SetIssuers([issuer.Id], [issuer.Name, issuer.ShortName]);
        notice.SetAddressees(addressees, []);
        if (basis is not null)
        {
            notice.SetBases([(basis.Title, basis.DocumentNumber, basis.Id)]);
        }

        notice.Publish(At(date), date);
        return notice;
    }

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
        notice.Publish(At(new DateOnly(2023, 5, 4)), new DateOnly(2023, 5, 4));
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
        notice.Publish(At(new DateOnly(2020, 5, 19)), new DateOnly(2020, 5, 19));
        plan.Publish(At(new DateOnly(2020, 5, 19)), new DateOnly(2020, 5, 19));
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
