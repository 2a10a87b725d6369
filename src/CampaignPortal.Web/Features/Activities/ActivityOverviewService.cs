using System.Globalization;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Activities;

public sealed class ActivityQuery
{
    public int? Unit { get; set; }

    public int? Category { get; set; }

    public ActivityKind? Kind { get; set; }

    public ActivityForm? Form { get; set; }

    public ActivityStatus? Status { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public int Page { get; set; } = 1;
}

public sealed record UnitOption(int Id, string Name);

public sealed record CountRow(int? Id, string Name, int Count);

public sealed record ActivityListViewModel(
    int CampaignId, string CampaignTitle, bool ActivitiesPublic, ActivityQuery Query, IReadOnlyList<ActivityRow> Rows, int Total, int Page, int PageCount,
    IReadOnlyList<UnitOption> Units, IReadOnlyList<CategoryOption> Categories, IReadOnlyList<CountRow> ByCategory, IReadOnlyList<CountRow> ByUnit);

public sealed record CalendarDay(DateOnly Date, int Count, IReadOnlyList<string> Titles);

public sealed record CalendarViewModel(int CampaignId, string CampaignTitle, DateOnly From, DateOnly To, IReadOnlyDictionary<DateOnly, CalendarDay> Days, int Total, bool TitlesShown);

public sealed record MainEventPageViewModel(MainEvent Event, string CampaignTitle, IReadOnlyList<SubVenueRow> SubVenues);

public sealed record MainEventFormViewModel(int CampaignId, string CampaignTitle, int? EventId, MainEventInput Input);

public sealed record PublicActivityRow(int Id, string Title, string Organisation, ActivityKind Kind, DateOnly StartDate, DateOnly EndDate, string? Venue, int? ActualParticipants, string? Outcome, IReadOnlyList<Guid> Photos);

public sealed record PublicActivitiesViewModel(int CampaignId, string CampaignTitle, IReadOnlyList<PublicActivityRow> Rows, int Total, int Page, int PageCount);

/// <summary>
/// The organiser's view of a campaign's activities and main events (own organisation's campaigns only), and the
/// opt-in public list. Every list is a fixed number of queries, whatever the number of activities.
/// </summary>
public sealed class ActivityOverviewService(AppDbContext db, CurrentUser currentUser, AuditLog audit)
{
    public const int PageSize = 20;

    /// <summary>Calendars show titles when the whole campaign has at most this many activities.</summary>
    public const int CalendarTitleLimit = 300;

    /// <summary>At most this many days (about three months) in one calendar.</summary>
    public const int CalendarMaxDays = 93;

    /// <summary>
    /// Five commands with the layout's: the campaign with its categories, the counts per (category, unit) from the tallies
    /// (or one GROUP BY when filtered by kind, form, status or date) that also give the total, one page, the unit options, and the signed-in user's organisation with the header's badges.
    /// </summary>
    public async Task<ActivityListViewModel?> ListAsync(int campaignId, ActivityQuery query, CancellationToken cancellationToken)
    {
        var own = (await currentUser.GetOrganisationAsync(cancellationToken)).Id;
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId && c.OrganisationId == own)
            .Select(c => new
            {
                c.Title,
                c.OrganisationId,
                c.ActivitiesPublic,
                Categories = c.Categories.OrderBy(x => x.Order).Select(x => new CategoryOption(x.Id, x.Name)).ToList(),
            })
            .AsSingleQuery().SingleOrDefaultAsync(cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var activities = Filter(db.Activities.AsNoTracking().Where(a => a.CampaignId == campaignId), query);
        var groups = CountsByTally(query)
            ? await Tallies(campaignId, query).Select(t => new { CategoryId = t.CategoryKey == ActivityTally.Uncategorised ? null : (int?)t.CategoryKey, t.OrganisationId, t.Count })
                .ToListAsync(cancellationToken)
            : await activities.GroupBy(a => new { a.CategoryId, a.OrganisationId })
                .Select(g => new { g.Key.CategoryId, g.Key.OrganisationId, Count = g.Count() }).ToListAsync(cancellationToken);
        var total = groups.Sum(g => g.Count);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var rows = await ActivityService.Rows(activities).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var categories = campaign.Categories;
        // IN (participants of the campaign) lets the database look the units up by key instead of testing every organisation.
        var units = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == campaign.OrganisationId || db.Participants.Where(p => p.CampaignId == campaignId).Select(p => p.OrganisationId).Contains(o.Id))
            .OrderBy(o => o.Depth).ThenBy(o => o.Id).Select(o => new UnitOption(o.Id, o.Name)).ToListAsync(cancellationToken);
        var byCategory = groups.GroupBy(g => g.CategoryId).Select(g => new { g.Key, Count = g.Sum(x => x.Count) });
        var byUnit = groups.GroupBy(g => g.OrganisationId).Select(g => new { g.Key, Count = g.Sum(x => x.Count) });
        var categoryNames = categories.ToDictionary(c => c.Id, c => c.Name);
        var unitNames = units.ToDictionary(u => u.Id, u => u.Name);
        return new ActivityListViewModel(campaignId, campaign.Title, campaign.ActivitiesPublic, query, rows, total, page, pageCount, units, categories,
            [.. byCategory.OrderBy(c => c.Key is null ? int.MaxValue : categories.FindIndex(x => x.Id == c.Key))
                .Select(c => new CountRow(c.Key, c.Key is { } k && categoryNames.TryGetValue(k, out var n) ? n : "未分板块", c.Count))],
            [.. byUnit.OrderByDescending(u => u.Count).ThenBy(u => u.Key)
                .Select(u => new CountRow(u.Key, unitNames.TryGetValue(u.Key, out var n) ? n : "其他单位", u.Count))]);
    }

    public async Task<CalendarViewModel?> CalendarAsync(int campaignId, CancellationToken cancellationToken)
    {
        if (await OwnCampaignAsync(campaignId, cancellationToken) is not { } campaign)
        {
            return null;
        }

        var activities = db.Activities.AsNoTracking().Where(a => a.CampaignId == campaignId && a.Status != ActivityStatus.Cancelled);

        // Activities span days: count per distinct (start, end) pair in SQL, spread over the days here.
        var spans = await activities.GroupBy(a => new { a.StartDate, a.EndDate })
            .Select(g => new { g.Key.StartDate, g.Key.EndDate, Count = g.Count() }).ToListAsync(cancellationToken);
        var from = campaign.PeriodStart ?? spans.Select(s => (DateOnly?)s.StartDate).Min() ?? DateOnly.FromDateTime(DateTime.Today);
        var to = campaign.PeriodEnd ?? spans.Select(s => (DateOnly?)s.EndDate).Max() ?? from;
        // Never near DateOnly's ends (the week grid pads a few days on both sides).
        from = Max(from, new DateOnly(1900, 1, 1));
        to = Min(Max(to, from), new DateOnly(2199, 12, 31));
        if (to.DayNumber - from.DayNumber >= CalendarMaxDays)
        {
            to = from.AddDays(CalendarMaxDays - 1);
        }

        var counts = new Dictionary<DateOnly, int>();
        foreach (var span in spans)
        {
            for (var day = Max(span.StartDate, from); day <= Min(span.EndDate, to); day = day.AddDays(1))
            {
                counts[day] = counts.GetValueOrDefault(day) + span.Count;
            }
        }

        var total = spans.Sum(s => s.Count);
        var titles = new Dictionary<DateOnly, List<string>>();
        var showTitles = total <= CalendarTitleLimit;
        if (showTitles)
        {
            var all = await activities.OrderBy(a => a.StartDate).ThenBy(a => a.Id).Select(a => new { a.Title, a.StartDate, a.EndDate }).ToListAsync(cancellationToken);
            foreach (var a in all)
            {
                for (var day = Max(a.StartDate, from); day <= Min(a.EndDate, to); day = day.AddDays(1))
                {
                    (titles.TryGetValue(day, out var list) ? list : titles[day] = []).Add(a.Title);
                }
            }
        }

        var days = counts.ToDictionary(kv => kv.Key, kv => new CalendarDay(kv.Key, kv.Value,
            showTitles && kv.Value <= 3 && titles.TryGetValue(kv.Key, out var list) ? list : []));
        return new CalendarViewModel(campaignId, campaign.Title, from, to, days, total, showTitles);
    }

    public async Task<CommandResult> SetPublicAsync(int campaignId, bool value, CancellationToken cancellationToken)
    {
        var own = (await currentUser.GetOrganisationAsync(cancellationToken)).Id;
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == campaignId && c.OrganisationId == own, cancellationToken);
        if (campaign is null)
        {
            return CommandResult.NotFound;
        }

        campaign.SetActivitiesPublic(value);
        audit.Record(AuditAction.CampaignUpdated, nameof(Campaign), campaignId.ToString(CultureInfo.InvariantCulture),
            value ? $"公开“{campaign.Title}”已举办的活动" : $"取消公开“{campaign.Title}”的活动", subjectOrganisationId: own);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok(campaignId);
    }

    public async Task<PublicActivitiesViewModel?> PublicAsync(int campaignId, int page, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId && c.ActivitiesPublic && c.Status != CampaignStatus.Draft)
            .Select(c => new { c.Id, c.Title }).SingleOrDefaultAsync(cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var held = db.Activities.AsNoTracking().Where(a => a.CampaignId == campaignId && a.IsPublic && a.Status == ActivityStatus.Held);
        var total = await held.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await held.OrderBy(a => a.StartDate).ThenBy(a => a.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(a => new PublicActivityRow(a.Id, a.Title, a.Organisation!.Name, a.Kind, a.StartDate, a.EndDate, a.Venue, a.ActualParticipants, a.Outcome,
                a.Photos.OrderBy(p => p.Order).Select(p => p.StoredFileId).Take(3).ToList()))
            .ToListAsync(cancellationToken);
        return new PublicActivitiesViewModel(campaign.Id, campaign.Title, rows, total, page, pageCount);
    }

    public async Task<MainEventFormViewModel?> MainEventFormAsync(int campaignId, int? eventId, MainEventInput? input, CancellationToken cancellationToken)
    {
        if (await OwnCampaignAsync(campaignId, cancellationToken) is not { } campaign)
        {
            return null;
        }

        if (input is null && eventId is { } id)
        {
            var e = await db.MainEvents.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.CampaignId == campaignId, cancellationToken);
            if (e is null)
            {
                return null;
            }

            input = new MainEventInput { Title = e.Title, Date = e.Date, Venue = e.Venue, Address = e.Address, Description = e.Description };
        }

        return new MainEventFormViewModel(campaignId, campaign.Title, eventId, input ?? new MainEventInput { Date = campaign.PeriodStart });
    }

    public async Task<CommandResult> SaveMainEventAsync(int campaignId, int? eventId, MainEventInput input, CancellationToken cancellationToken)
    {
        if (await OwnCampaignAsync(campaignId, cancellationToken) is not { } campaign)
        {
            return CommandResult.NotFound;
        }

        if (campaign.Status == CampaignStatus.Closed)
        {
            throw new DomainException("活动已结束，不能再设置主会场。");
        }

        MainEvent? e = null;
        if (eventId is { } id && (e = await db.MainEvents.SingleOrDefaultAsync(x => x.Id == id && x.CampaignId == campaignId, cancellationToken)) is null)
        {
            return CommandResult.NotFound;
        }

        if (e is null)
        {
            e = new MainEvent(campaignId, input.Title, input.Date!.Value, input.Venue!, input.Address, input.Description);
            db.MainEvents.Add(e);
        }
        else
        {
            e.Describe(input.Title, input.Date!.Value, input.Venue!, input.Address, input.Description);
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(AuditAction.MainEventSaved, nameof(MainEvent), e.Id.ToString(CultureInfo.InvariantCulture),
            $"{(eventId is null ? "设置" : "修改")}主会场“{e.Title}”（{e.Date:yyyy-MM-dd}，{e.Venue}）", subjectOrganisationId: campaign.OrganisationId, cancellationToken: cancellationToken);
        return CommandResult.Ok(e.Id);
    }

    public async Task<MainEventPageViewModel?> MainEventAsync(int eventId, CancellationToken cancellationToken)
    {
        var e = await db.MainEvents.AsNoTracking().SingleOrDefaultAsync(x => x.Id == eventId, cancellationToken);
        if (e is null || await OwnCampaignAsync(e.CampaignId, cancellationToken) is not { } campaign)
        {
            return null;
        }

        var venues = await db.SubVenues.AsNoTracking().Where(v => v.MainEventId == eventId)
            .OrderBy(v => v.Organisation!.Depth).ThenBy(v => v.OrganisationId)
            .Select(v => new SubVenueRow(v.Id, v.MainEventId, v.Organisation!.Name, v.Place, v.Connection, v.ExpectedAttendees, v.ActualAttendees, v.Status, v.Contact))
            .ToListAsync(cancellationToken);
        return new MainEventPageViewModel(e, campaign.Title, venues);
    }

    /// <summary>
    /// Without a filter, or filtered by unit or category only, the counts come from the campaign's tallies (one row
    /// per unit and category, whatever the number of activities); other filters count the matching activities.
    /// </summary>
    private static bool CountsByTally(ActivityQuery query) =>
        query is { Kind: null, Form: null, Status: null, From: null, To: null };

    private IQueryable<ActivityTally> Tallies(int campaignId, ActivityQuery query)
    {
        var tallies = db.ActivityTallies.AsNoTracking().Where(t => t.CampaignId == campaignId && t.Count > 0);
        if (query.Unit is { } unit)
        {
            tallies = tallies.Where(t => t.OrganisationId == unit);
        }

        return query.Category is { } category ? tallies.Where(t => t.CategoryKey == category) : tallies;
    }

    internal static IQueryable<Activity> Filter(IQueryable<Activity> activities, ActivityQuery query)
    {
        if (query.Unit is { } unit)
        {
            activities = activities.Where(a => a.OrganisationId == unit);
        }

        if (query.Category is { } category)
        {
            activities = category == 0 ? activities.Where(a => a.CategoryId == null) : activities.Where(a => a.CategoryId == category);
        }

        if (query.Kind is { } kind)
        {
            activities = activities.Where(a => a.Kind == kind);
        }

        if (query.Form is { } form)
        {
            activities = activities.Where(a => a.Form == form);
        }

        if (query.Status is { } status)
        {
            activities = activities.Where(a => a.Status == status);
        }

        // A date range finds activities that take place on any day of it.
        if (query.From is { } from)
        {
            activities = activities.Where(a => a.EndDate >= from);
        }

        if (query.To is { } to)
        {
            activities = activities.Where(a => a.StartDate <= to);
        }

        return activities;
    }

    private sealed record OwnCampaign(int Id, string Title, int OrganisationId, CampaignStatus Status, DateOnly? PeriodStart, DateOnly? PeriodEnd, bool ActivitiesPublic);

    private async Task<OwnCampaign?> OwnCampaignAsync(int campaignId, CancellationToken cancellationToken)
    {
        var own = (await currentUser.GetOrganisationAsync(cancellationToken)).Id;
        return await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId && c.OrganisationId == own)
            .Select(c => new OwnCampaign(c.Id, c.Title, c.OrganisationId, c.Status, c.PeriodStart, c.PeriodEnd, c.ActivitiesPublic))
            .SingleOrDefaultAsync(cancellationToken);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
