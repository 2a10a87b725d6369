using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Reports;

/// <summary>A suggested figure and where it comes from.</summary>
public sealed record PrefillValue(long Hundredths, FigureQualifier Qualifier, FigureSource Source, string Explanation);

/// <summary>
/// Pre-fill for a unit's report: from its own activities (held count, sum of actual participants, media items) and,
/// when the unit forwarded the campaign, from the approved reports filed to its own campaign (下级汇总). Only the
/// reports filed to that child campaign count, so nothing is counted twice.
/// </summary>
public sealed class ReportPrefill(AppDbContext db)
{
    public async Task<IReadOnlyDictionary<string, PrefillValue>> ComputeAsync(
        int campaignId, int organisationId, IReadOnlyList<Indicator> indicators, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, PrefillValue>(StringComparer.OrdinalIgnoreCase);
        var unitActivities = db.Activities.AsNoTracking().Where(a => a.CampaignId == campaignId && a.OrganisationId == organisationId);
        var own = new Dictionary<PrefillSource, long>();
        if (indicators.Any(i => i.Prefill != PrefillSource.None))
        {
            var held = await unitActivities.Where(a => a.Status == ActivityStatus.Held)
                .GroupBy(_ => 1)
                .Select(g => new { Count = g.Count(), Participants = g.Sum(a => (long?)a.ActualParticipants) ?? 0 })
                .FirstOrDefaultAsync(cancellationToken);
            own[PrefillSource.ActivitiesHeld] = held?.Count ?? 0;
            own[PrefillSource.ParticipantsSum] = held?.Participants ?? 0;
            own[PrefillSource.MediaItems] = await unitActivities.SelectMany(a => a.Media).CountAsync(cancellationToken);
        }

        var child = await db.Campaigns.AsNoTracking().Where(c => c.ParentCampaignId == campaignId && c.OrganisationId == organisationId)
            .Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        var childSums = new Dictionary<string, (long Sum, bool MoreThan, int Reports)>(StringComparer.OrdinalIgnoreCase);
        if (child is { } childId)
        {
            var approved = db.SummaryReports.AsNoTracking().Where(r => r.CampaignId == childId && r.Status == ReportStatus.Approved);
            var sums = await approved.SelectMany(r => r.Figures)
                .GroupBy(f => f.Code)
                .Select(g => new { Code = g.Key, Sum = g.Sum(f => f.Hundredths), MoreThan = g.Max(f => f.Qualifier == FigureQualifier.MoreThan ? 1 : 0), Count = g.Count() })
                .ToListAsync(cancellationToken);
            foreach (var s in sums)
            {
                childSums[s.Code] = (s.Sum, s.MoreThan == 1, s.Count);
            }
        }

        foreach (var indicator in indicators)
        {
            var hasOwn = indicator.Prefill != PrefillSource.None && own.TryGetValue(indicator.Prefill, out var counted) && counted > 0;
            var hasChild = childSums.TryGetValue(indicator.Code, out var fromChildren);
            if (!hasOwn && !hasChild)
            {
                continue;
            }

            var ownValue = hasOwn ? own[indicator.Prefill] * 100 : 0;
            var source = hasOwn && hasChild ? FigureSource.ActivitiesAndChildren : hasOwn ? FigureSource.Activities : FigureSource.Children;
            var explanation = string.Join("；", new[]
            {
                hasOwn ? $"本单位活动登记：{FigureFormat.Plain(ownValue)}" : null,
                hasChild ? $"下级单位已通过报告 {fromChildren.Reports} 份合计：{FigureFormat.Plain(fromChildren.Sum)}" : null,
            }.Where(x => x is not null));
            result[indicator.Code] = new PrefillValue(ownValue + (hasChild ? fromChildren.Sum : 0),
                hasChild && fromChildren.MoreThan ? FigureQualifier.MoreThan : FigureQualifier.Exact, source, explanation);
        }

        return result;
    }
}
