using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Security;

namespace CampaignPortal.Web.Infrastructure;

/// <summary>
/// Writes the audit trail. <see cref="Record"/> adds an entry to the caller's unit of work, so a state change and its
/// audit row commit together; <see cref="WriteAsync"/> saves at once, for events that change nothing else.
/// </summary>
public sealed class AuditLog(AppDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public AuditEntry Record(
        AuditAction action,
        string? entityType = null,
        string? entityId = null,
        string? detail = null,
        AuditActor? actor = null,
        int? subjectOrganisationId = null)
    {
        var context = http.HttpContext;
        var user = context?.User;
        var entry = new AuditEntry(action, clock.GetUtcNow())
        {
            ActorUserId = actor?.UserId ?? user?.UserId(),
            ActorName = Truncate(actor?.Name ?? user?.Identity?.Name, Schema.Email),
            OrganisationId = actor?.OrganisationId ?? user?.OrganisationId(),
            SubjectOrganisationId = subjectOrganisationId,
            EntityType = entityType,
            EntityId = entityId,
            Detail = Truncate(detail, Schema.AuditDetail),
            IpAddress = context?.Connection.RemoteIpAddress?.ToString(),
            RequestId = Truncate(context?.TraceIdentifier, Schema.RequestId),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    public async Task WriteAsync(
        AuditAction action,
        string? entityType = null,
        string? entityId = null,
        string? detail = null,
        AuditActor? actor = null,
        int? subjectOrganisationId = null,
        CancellationToken cancellationToken = default)
    {
        Record(action, entityType, entityId, detail, actor, subjectOrganisationId);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string? Truncate(string? value, int max) =>
        value is null || value.Length <= max ? value : value[..max];
}

/// <summary>The actor when it is not the signed-in user (e.g. during sign-in).</summary>
public sealed record AuditActor(string? UserId, string? Name, int? OrganisationId);
