using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Features.Selections;
using CampaignPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using static CampaignPortal.IntegrationTests.Selections.SelectionSteps;

namespace CampaignPortal.IntegrationTests.Selections;

/// <summary>The portal with a clock the test moves and a generous objection limit (the rate limit has its own test).</summary>
public sealed class GongshiPortalFactory : PortalFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:ObjectionsPerHour", "1000");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}

/// <summary>A selection with a proposed result (after a meeting round), its 公示, and objections posted as a visitor would.</summary>
public static class AnnouncementSteps
{
    public const string Karamay = "klmy.filer@demo.local";

    public sealed record Proposed(int SelectionId, int Winner1, int Winner2, int Forward);

    /// <summary>Three candidates; the meeting lets all through; 甲 and 乙 proposed winners, 丙 proposed to be put forward.</summary>
    public static async Task<Proposed> ProposedSelectionAsync(PortalFactory factory, DateOnly today, string title)
    {
        var selection = await CreateSelectionAsync(factory, today, quota: 3, title: title);
        var groups = await GroupIdsAsync(factory, selection);
        var ids = new List<int>();
        foreach (var (name, group) in new[] { ("甲" + title[..1], groups[0]), ("乙" + title[..1], groups[0]), ("丙" + title[..1], groups[1]) })
        {
            var id = await NominateAsync(factory, Karamay, selection, name, group);
            await PassAsync(factory, selection, id);
            ids.Add(id);
        }

        var round = await AsAsync<RoundService, CommandResult>(factory, Organiser, s => s.OpenAsync(selection, new RoundInput { Name = "会议评审", Kind = RoundKind.Meeting }, default));
        Assert.True(round.Succeeded, string.Join(";", round.Errors));
        Assert.True((await AsAsync<RoundService, CommandResult>(factory, Organiser, s => s.RecordMeetingAsync(round.Id!.Value, ids.ToHashSet(), null, null, default))).Succeeded);
        var finished = await AsAsync<SelectionService, CommandResult>(factory, Organiser, s => s.FinishAsync(selection, new HashSet<int> { ids[0], ids[1] }, new HashSet<int> { ids[2] }, default));
        Assert.True(finished.Succeeded, string.Join(";", finished.Errors));
        return new Proposed(selection, ids[0], ids[1], ids[2]);
    }

    public static Task<CommandResult> PublishAsync(PortalFactory factory, int selectionId, DateOnly startsOn, int days = 5) =>
        AsAsync<AnnouncementService, CommandResult>(factory, Organiser, s => s.PublishAsync(selectionId, new AnnouncementInput
        {
            Title = "关于拟表彰人选的公示",
            Body = "现予以公示。",
            StartsOn = startsOn,
            WorkingDays = days,
            ContactName = "王老师",
            ContactPhone = "0991-1234567",
        }, default));

    public static Dictionary<string, string> Objection(int target, string grounds = "该候选人的获奖情况与事实不符。") => new()
    {
        ["Name"] = "李四",
        ["Unit"] = "新疆大学",
        ["Phone"] = "13912345678",
        ["Target"] = target.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Grounds"] = grounds,
    };

    public static Task<int> ObjectionCountAsync(PortalFactory factory, int selectionId) =>
        factory.WithDbAsync(db => db.Objections.CountAsync(o => db.Announcements.Any(a => a.Id == o.AnnouncementId && a.SelectionId == selectionId)));
}
