using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CampaignPortal.Web.Data;

/// <summary>
/// Keeps <see cref="ActivityTally"/> rows true: before a save it notes which (campaign, unit, category) keys the
/// tracked activity changes touch (old and new values), after the save it recounts exactly those keys from the
/// activities, in the same transaction. Removing a category (its activities become uncategorised in the database, out
/// of EF's sight) recounts the whole campaign. Recounting from the source, never adding deltas, means a row cannot drift.
/// </summary>
internal sealed class ActivityTallyKeeper
{
    private readonly List<(Activity Activity, (int, int, int)? Before)> _activities = [];
    private readonly HashSet<int> _wholeCampaigns = [];

    private ActivityTallyKeeper()
    {
    }

    public static ActivityTallyKeeper? Before(ChangeTracker tracker)
    {
        ActivityTallyKeeper? keeper = null;
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            if (entry.Entity is Activity activity)
            {
                (int, int, int)? before = entry.State == EntityState.Added ? null
                    : (entry.OriginalValues.GetValue<int>(nameof(Activity.CampaignId)), entry.OriginalValues.GetValue<int>(nameof(Activity.OrganisationId)),
                        entry.OriginalValues.GetValue<int?>(nameof(Activity.CategoryId)) ?? ActivityTally.Uncategorised);
                (keeper ??= new())._activities.Add((activity, before));
            }
            else if (entry.Entity is ActivityCategory category && entry.State == EntityState.Deleted)
            {
                (keeper ??= new())._wholeCampaigns.Add(category.CampaignId);
            }
        }

        return keeper;
    }

    public async Task AfterAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        foreach (var campaignId in _wholeCampaigns)
        {
            await db.ActivityTallies.Where(t => t.CampaignId == campaignId).ExecuteDeleteAsync(cancellationToken);
            var counted = await db.Activities.Where(a => a.CampaignId == campaignId)
                .GroupBy(a => new { a.OrganisationId, Category = a.CategoryId ?? ActivityTally.Uncategorised })
                .Select(g => new
                {
                    g.Key.OrganisationId,
                    g.Key.Category,
                    Count = g.Count(),
                    Held = g.Count(a => a.Status == ActivityStatus.Held),
                    Participants = g.Sum(a => a.Status == ActivityStatus.Held ? (long)(a.ActualParticipants ?? 0) : 0L),
                })
                .ToListAsync(cancellationToken);
            db.ActivityTallies.AddRange(counted.Select(c => new ActivityTally(campaignId, c.OrganisationId, c.Category, c.Count, c.Held, c.Participants)));
        }

        var keys = new HashSet<(int Campaign, int Unit, int Category)>();
        foreach (var (activity, before) in _activities)
        {
            if (before is { } key)
            {
                keys.Add(key);
            }

            if (db.Entry(activity).State != EntityState.Detached)
            {
                keys.Add((activity.CampaignId, activity.OrganisationId, activity.CategoryId ?? ActivityTally.Uncategorised));
            }
        }

        foreach (var (campaign, unit, category) in keys.Where(k => !_wholeCampaigns.Contains(k.Campaign)))
        {
            var counted = await db.Activities
                .Where(a => a.CampaignId == campaign && a.OrganisationId == unit && (a.CategoryId ?? ActivityTally.Uncategorised) == category)
                .GroupBy(a => 1)
                .Select(g => new
                {
                    Count = g.Count(),
                    Held = g.Count(a => a.Status == ActivityStatus.Held),
                    Participants = g.Sum(a => a.Status == ActivityStatus.Held ? (long)(a.ActualParticipants ?? 0) : 0L),
                })
                .SingleOrDefaultAsync(cancellationToken);
            int count = counted?.Count ?? 0, held = counted?.Held ?? 0;
            var participants = counted?.Participants ?? 0;
            var updated = await db.ActivityTallies.Where(t => t.CampaignId == campaign && t.OrganisationId == unit && t.CategoryKey == category)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Count, count).SetProperty(t => t.Held, held).SetProperty(t => t.HeldParticipants, participants), cancellationToken);
            if (updated == 0 && count > 0)
            {
                db.ActivityTallies.Add(new ActivityTally(campaign, unit, category, count, held, participants));
            }
        }
    }
}
