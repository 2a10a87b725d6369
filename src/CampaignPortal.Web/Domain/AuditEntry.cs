namespace CampaignPortal.Web.Domain;

/// <summary>What happened, to what, by whom, when (UTC) and from where. Kept in the database, never edited.</summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    public AuditEntry(AuditAction action, DateTimeOffset occurredAt)
    {
        Action = action;
        OccurredAt = occurredAt;
    }

    public long Id { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public AuditAction Action { get; private set; }

    /// <summary>No foreign key: the trail outlives the account.</summary>
    public string? ActorUserId { get; init; }

    /// <summary>The e-mail the actor used, also for failed sign-ins of unknown addresses.</summary>
    public string? ActorName { get; init; }

    /// <summary>The actor's organisation at the time, so an admin reads the trail of their own subtree.</summary>
    public int? OrganisationId { get; init; }

    public string? EntityType { get; init; }

    public string? EntityId { get; init; }

    public string? Detail { get; init; }

    public string? IpAddress { get; init; }

    public string? RequestId { get; init; }
}

public enum AuditAction
{
    SignIn,
    SignInFailed,
    LockedOut,
    SignOut,
    PasswordChanged,
}
