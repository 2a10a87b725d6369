using System.Net;
using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using static CampaignPortal.IntegrationTests.Infrastructure.ReportSteps;

namespace CampaignPortal.IntegrationTests.Security;

/// <summary>Walking ids finds only one's own; fields a form does not offer change nothing.</summary>
public sealed class TenantIsolationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task WalkingReportAndActivityIds_AFilerSeesOnlyItsOwn()
    {
        var hami = await factory.OrganisationIdAsync("哈密市科学技术协会");
        var reports = await factory.WithDbAsync(db => db.SummaryReports.Select(r => new { r.Id, r.OrganisationId }).ToListAsync());
        var activities = await factory.WithDbAsync(db => db.Activities.Select(a => new { a.Id, a.OrganisationId }).ToListAsync());
        using var filer = await factory.SignedInAsync("hami.filer@demo.local");

        var seenReports = new List<int>();
        for (var id = 1; id <= reports.Max(r => r.Id) + 2; id++)
        {
            var status = (await filer.GetAsync($"/reports/{id}")).StatusCode;
            Assert.True(status is HttpStatusCode.OK or HttpStatusCode.NotFound, $"/reports/{id}: {status}");
            if (status == HttpStatusCode.OK)
            {
                seenReports.Add(id);
            }
        }

        var seenActivities = new List<int>();
        for (var id = 1; id <= activities.Max(a => a.Id) + 2; id++)
        {
            var status = (await filer.GetAsync($"/activities/{id}")).StatusCode;
            Assert.True(status is HttpStatusCode.OK or HttpStatusCode.NotFound, $"/activities/{id}: {status}");
            if (status == HttpStatusCode.OK)
            {
                seenActivities.Add(id);
            }
        }

        Assert.Equal(reports.Where(r => r.OrganisationId == hami).Select(r => r.Id).Order(), seenReports);
        Assert.Equal(activities.Where(a => a.OrganisationId == hami).Select(a => a.Id).Order(), seenActivities);
        Assert.NotEmpty(seenActivities);
    }

    [Fact]
    public async Task FieldsTheFormDoesNotOffer_ChangeNothing()
    {
        var campaignId = await CampaignIdAsync(factory);
        var hami = await factory.OrganisationIdAsync("哈密市科学技术协会");
        var turpan = await factory.OrganisationIdAsync("吐鲁番市科学技术协会");
        using var filer = await factory.SignedInAsync("hami.filer@demo.local");

        // A report save carrying another unit, a status and a version number of its own choosing.
        var fields = Complete(await VersionOnPageAsync(filer, campaignId));
        fields["OrganisationId"] = turpan.ToString();
        fields["Status"] = "Approved";
        fields["LatestVersionNumber"] = "9";
        fields["OwnerOrganisationId"] = hami.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(filer, campaignId, fields)).StatusCode);
        var report = (await ReportAsync(factory, campaignId, "哈密市科学技术协会"))!;
        Assert.Equal((hami, ReportStatus.Draft, 0), (report.OrganisationId, report.Status, report.LatestVersionNumber));
        Assert.NotEqual(hami, report.OwnerOrganisationId);
        var turpanReport = (await ReportAsync(factory, campaignId, "吐鲁番市科学技术协会"))!;
        Assert.DoesNotContain(turpanReport.Sections, s => s.Html.Contains("5月30日设分会场参加自治区主场活动", StringComparison.Ordinal));

        // An activity registered "for" another unit, already held.
        var category = await factory.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaignId).SelectMany(c => c.Categories).Select(c => c.Id).FirstAsync());
        var created = await filer.PostFormAsync($"/campaigns/{campaignId}/my-activities/create", new Dictionary<string, string>
        {
            ["Title"] = "越权字段测试活动",
            ["CategoryId"] = category.ToString(),
            ["Kind"] = "Symposium",
            ["Form"] = "Offline",
            ["StartDate"] = "2022-05-30",
            ["EndDate"] = "2022-05-30",
            ["Venue"] = "哈密",
            ["OrganisationId"] = turpan.ToString(),
            ["Status"] = "Held",
            ["ActualParticipants"] = "999",
        }, $"/campaigns/{campaignId}/my-activities/create");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var activity = await factory.WithDbAsync(db => db.Activities.SingleAsync(a => a.Title == "越权字段测试活动"));
        Assert.Equal((hami, ActivityStatus.Planned, (int?)null), (activity.OrganisationId, activity.Status, activity.ActualParticipants));

        // Roles and organisation in a change-password post are not fields of that form.
        var before = await factory.WithDbAsync(db => db.UserRoles.CountAsync());
        await filer.PostFormAsync("/account/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "wrong",
            ["NewPassword"] = "x",
            ["ConfirmPassword"] = "x",
            ["Roles"] = "Admin",
            ["OrganisationId"] = turpan.ToString(),
        }, "/account/change-password");
        Assert.Equal(before, await factory.WithDbAsync(db => db.UserRoles.CountAsync()));
        Assert.Equal(hami, await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "hami.filer@demo.local").Select(u => u.OrganisationId).SingleAsync()));
    }
}
