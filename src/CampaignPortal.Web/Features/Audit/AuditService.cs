using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Audit;

public sealed class AuditQuery
{
    public string? Q { get; set; }

    public AuditAction? Action { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public int Page { get; set; } = 1;
}

public sealed record AuditRow(DateTimeOffset OccurredAt, string? Actor, string? ActorOrganisation, AuditAction Action, string? Detail, string? IpAddress, string? RequestId);

public sealed record AuditViewModel(AuditQuery Query, IReadOnlyList<AuditRow> Rows, int Total, int Page, int PageCount, string ScopeName);

/// <summary>The audit trail of the admin's subtree: what its people did, and what was done to its organisations and accounts.</summary>
public sealed class AuditService(AppDbContext db, CurrentUser currentUser)
{
    public const int PageSize = 50;

    public async Task<AuditViewModel> ListAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentUser.GetOrganisationAsync(cancellationToken);
        var inScope = db.Organisations.WithinSubtree(scope.Path).Select(o => (int?)o.Id);
        var entries = db.AuditEntries.AsNoTracking()
            .Where(a => inScope.Contains(a.OrganisationId) || inScope.Contains(a.SubjectOrganisationId));
        if (query.Action is { } action)
        {
            entries = entries.Where(a => a.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            entries = entries.Where(a => a.ActorName!.Contains(q) || a.Detail!.Contains(q));
        }

        if (query.From is { } from)
        {
            var start = ChinaTime.FromChinaLocal(from.ToDateTime(TimeOnly.MinValue));
            entries = entries.Where(a => a.OccurredAt >= start);
        }

        if (query.To is { } to)
        {
            var end = ChinaTime.EndOfDayUtc(to);
            entries = entries.Where(a => a.OccurredAt < end);
        }

        var total = await entries.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var rows = await entries.OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(a => new AuditRow(a.OccurredAt, a.ActorName,
                db.Organisations.Where(o => o.Id == a.OrganisationId).Select(o => o.ShortName).FirstOrDefault(),
                a.Action, a.Detail, a.IpAddress, a.RequestId))
            .ToListAsync(cancellationToken);
        return new AuditViewModel(query, rows, total, page, pageCount, scope.Name);
    }
}
