using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.IntegrationTests.Performance;

/// <summary>
/// Rows added straight to the database to turn the demo (tens of rows per table) into a provincial-scale data set:
/// units taking part in the Xinjiang campaign with activities and reports, public notices, unread notifications and
/// more campaigns for the unit of the demo filer.
/// </summary>
public static class BudgetData
{
    private static int _units;

    public const string Xinjiang = "新疆维吾尔自治区科学技术协会";
    public const string Hami = "哈密市科学技术协会";

    /// <summary>Adds <paramref name="units"/> participating units (each with <paramref name="activitiesPerUnit"/> activities, two in three with a report).</summary>
    public static async Task AddUnitsAsync(PortalFactory factory, int campaignId, int units, int activitiesPerUnit)
    {
        var at = DateTimeOffset.UtcNow;
        var organisationIds = await factory.WithDbAsync(async db =>
        {
            var xinjiang = await db.Organisations.SingleAsync(o => o.Name == Xinjiang);
            var created = Enumerable.Range(0, units).Select(i => new Organisation($"测试{Interlocked.Increment(ref _units):D4}县科学技术协会", $"测试{_units:D4}县科协", OrganisationKind.Society, xinjiang, at)).ToList();
            db.Organisations.AddRange(created);
            await db.SaveChangesAsync();
            var campaign = await db.Campaigns.Include(c => c.Participants).SingleAsync(c => c.Id == campaignId);
            campaign.AddParticipants(created.Select(o => o.Id), ParticipantSource.Manual, at);
            await db.SaveChangesAsync();
            return created.Select(o => o.Id).ToList();
        });
        var categories = await factory.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaignId).SelectMany(c => c.Categories).Select(c => (int?)c.Id).ToListAsync());
        var owner = await factory.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.OrganisationId).SingleAsync());
        foreach (var chunk in organisationIds.Chunk(200))
        {
            await factory.WithDbAsync(async db =>
            {
                foreach (var unit in chunk)
                {
                    for (var i = 0; i < activitiesPerUnit; i++)
                    {
                        var start = new DateOnly(2022, 5, 1).AddDays((unit + i) % 30);
                        db.Activities.Add(new Activity(campaignId, unit, new ActivityDetails($"预算测试活动{unit}-{i}", categories.Count == 0 ? null : categories[i % categories.Count],
                            (ActivityKind)(i % 9), ActivityForm.Offline, start, start, false, "会场", null, null, null, null, null, 50, null, null, null, false), at));
                    }

                    if (unit % 3 == 0)
                    {
                        continue; // not started
                    }

                    var report = new SummaryReport(campaignId, unit, owner, at, "填报员");
                    report.Save(new ReportContent([], [
                        new FigureValue("activities", (unit % 9) * 100, unit % 2 == 0 ? FigureQualifier.MoreThan : FigureQualifier.Exact, null, FigureSource.Manual),
                        new FigureValue("participants", unit * 100L, FigureQualifier.Exact, null, FigureSource.Manual)], "填报员", "1", "负责人"), 0, at, "填报员");
                    var version = report.Submit(report.Version, null, at.AddSeconds(unit), "填报员");
                    if (unit % 3 == 1)
                    {
                        report.Approve(version, null, at, "审核员");
                    }

                    db.SummaryReports.Add(report);
                    db.ReportVersions.Add(version);
                }

                return await db.SaveChangesAsync();
            });
        }
    }

    /// <summary>Adds <paramref name="count"/> published public notices (of a campaign of 克拉玛依).</summary>
    public static Task<int> AddNoticesAsync(PortalFactory factory, int count) => factory.WithDbAsync(async db =>
    {
        var karamay = await db.Organisations.SingleAsync(o => o.Name == "克拉玛依市科学技术协会");
        var campaign = new Campaign(karamay.Id, 2025, $"预算测试通知{Guid.NewGuid():N}", DateTimeOffset.UtcNow);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        for (var i = 0; i < count; i++)
        {
            var notice = new Notice(campaign.Id, NoticeKind.Notice, $"预算测试通知{i}", DateTimeOffset.UtcNow);
            notice.Write(new NoticeContent(NoticeKind.Notice, notice.Title, null, null, null, "<p>正文</p>", null, null, null, null, true));
            notice.SetIssuers([karamay.Id], [karamay.Name]);
            notice.Publish(DateTimeOffset.UtcNow, new DateOnly(2025, 1, 1).AddDays(i % 300));
            db.Notices.Add(notice);
        }

        return await db.SaveChangesAsync();
    });

    /// <summary>Adds <paramref name="perUser"/> unread notifications for each of the given users.</summary>
    public static async Task AddNotificationsAsync(PortalFactory factory, int perUser, params string[] emails)
    {
        foreach (var email in emails)
        {
            var userId = await factory.UserIdAsync(email);
            await factory.WithDbAsync(db =>
            {
                db.Notifications.AddRange(Enumerable.Range(0, perUser)
                    .Select(i => new Notification(userId, NotificationKind.ReportSubmitted, $"预算测试消息{i}", "/reviews", DateTimeOffset.UtcNow)));
                return db.SaveChangesAsync();
            });
        }
    }

    /// <summary>Adds <paramref name="count"/> published campaigns of the autonomous region with 哈密 among the participants.</summary>
    public static Task<int> AddCampaignsAsync(PortalFactory factory, int count) => factory.WithDbAsync(async db =>
    {
        var xinjiang = await db.Organisations.SingleAsync(o => o.Name == Xinjiang);
        var hami = await db.Organisations.SingleAsync(o => o.Name == Hami);
        for (var i = 0; i < count; i++)
        {
            var campaign = new Campaign(xinjiang.Id, 2020 + (i % 7), $"预算测试活动{i}", DateTimeOffset.UtcNow);
            campaign.Describe(campaign.Year, campaign.Title, null, new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31), null, new DateOnly(2026, 6, 15));
            campaign.AddParticipants([hami.Id], ParticipantSource.Manual, DateTimeOffset.UtcNow);
            campaign.Publish();
            db.Campaigns.Add(campaign);
        }

        return await db.SaveChangesAsync();
    });
}
