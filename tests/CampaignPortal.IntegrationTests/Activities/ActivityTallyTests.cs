using System.Net;
using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.IntegrationTests.Activities;

/// <summary>
/// The activity list and the roll-up read <see cref="ActivityTally"/> rows instead of counting activities: after every
/// kind of change the rows must equal a count over the activities themselves.
/// </summary>
public sealed class ActivityTallyTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Campaign = "2022年自治区全国科技工作者日";

    private static async Task<List<(int Campaign, int Unit, int Category, int Count, int Held, long Participants)>> StoredAsync(AppDbContext db)
    {
        var rows = await db.ActivityTallies.AsNoTracking().Where(t => t.Count > 0).ToListAsync();
        return [.. rows.OrderBy(t => t.CampaignId).ThenBy(t => t.OrganisationId).ThenBy(t => t.CategoryKey)
            .Select(t => (t.CampaignId, t.OrganisationId, t.CategoryKey, t.Count, t.Held, t.HeldParticipants))];
    }

    private static async Task<List<(int Campaign, int Unit, int Category, int Count, int Held, long Participants)>> RecountedAsync(AppDbContext db)
    {
        var activities = await db.Activities.AsNoTracking().Select(a => new { a.CampaignId, a.OrganisationId, a.CategoryId, a.Status, a.ActualParticipants }).ToListAsync();
        return [.. activities.GroupBy(a => (a.CampaignId, a.OrganisationId, Category: a.CategoryId ?? ActivityTally.Uncategorised))
            .OrderBy(g => g.Key.CampaignId).ThenBy(g => g.Key.OrganisationId).ThenBy(g => g.Key.Category)
            .Select(g => (g.Key.CampaignId, g.Key.OrganisationId, g.Key.Category, g.Count(), g.Count(a => a.Status == ActivityStatus.Held),
                g.Where(a => a.Status == ActivityStatus.Held).Sum(a => (long)(a.ActualParticipants ?? 0))))];
    }

    private async Task AssertTalliesTrueAsync(string after)
    {
        var (stored, recounted) = await factory.WithDbAsync(async db => (await StoredAsync(db), await RecountedAsync(db)));
        Assert.True(recounted.SequenceEqual(stored), $"After {after}: the tallies differ from a count of the activities.");
    }

    private static async Task RedirectedAsync(HttpResponseMessage response)
    {
        var body = response.StatusCode == HttpStatusCode.Redirect ? string.Empty : await response.Content.ReadAsStringAsync();
        var error = System.Text.RegularExpressions.Regex.Match(body, "(?s)<div[^>]*validation-summary[^>]*>.*?</div>|<span[^>]*field-validation-error[^>]*>.*?</span>").Value;
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {error}");
    }

    [Fact]
    public async Task Tallies_EqualACountOfTheActivities_AfterEveryKindOfChange()
    {
        await AssertTalliesTrueAsync("the demo data");
        var campaignId = await factory.WithDbAsync(db => db.Campaigns.Where(c => c.Title == Campaign).Select(c => c.Id).SingleAsync());
        var categories = await factory.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaignId).SelectMany(c => c.Categories).OrderBy(c => c.Order).Select(c => c.Id).ToListAsync());
        using var filer = await factory.SignedInAsync("hami.filer@demo.local");
        Dictionary<string, string> Fields(int category) => new()
        {
            ["Title"] = "哈密市科技工作者座谈会",
            ["CategoryId"] = category.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Kind"] = "Symposium",
            ["Form"] = "Offline",
            ["StartDate"] = "2022-05-30",
            ["EndDate"] = "2022-05-30",
            ["Venue"] = "哈密市科协会议室",
            ["ExpectedParticipants"] = "40",
            ["Organisers"] = "哈密市科协、哈密市总工会",
        };

        var created = await filer.PostFormAsync($"/campaigns/{campaignId}/my-activities/create", Fields(categories[0]), $"/campaigns/{campaignId}/my-activities/create");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Redirects.CreatedId(created);
        await AssertTalliesTrueAsync("registering an activity");

        await RedirectedAsync(await filer.PostFormAsync($"/activities/{id}/edit", Fields(categories[1]), $"/activities/{id}/edit"));
        await AssertTalliesTrueAsync("moving it to another category");

        await RedirectedAsync(await filer.PostFormAsync($"/activities/{id}/held", new Dictionary<string, string> { ["actualParticipants"] = "45" }, $"/activities/{id}"));
        await AssertTalliesTrueAsync("marking it held");

        await RedirectedAsync(await filer.PostFormAsync($"/activities/{id}/cancel", new Dictionary<string, string> { ["reason"] = "场地临时调整" }, $"/activities/{id}"));
        await AssertTalliesTrueAsync("cancelling it");

        // Removing a category makes the database set its activities' category to NULL, out of EF's sight.
        await factory.WithDbAsync(async db =>
        {
            var campaign = await db.Campaigns.Include(c => c.Categories).SingleAsync(c => c.Id == campaignId);
            campaign.ReplaceCategories(campaign.Categories.Where(c => c.Id != categories[1]).Select(c => c.Name).ToList());
            return await db.SaveChangesAsync();
        });
        await AssertTalliesTrueAsync("removing a category with activities");
        Assert.Contains(await factory.WithDbAsync(db => db.ActivityTallies.Where(t => t.CampaignId == campaignId).Select(t => t.CategoryKey).ToListAsync()),
            key => key == ActivityTally.Uncategorised);
    }
}
