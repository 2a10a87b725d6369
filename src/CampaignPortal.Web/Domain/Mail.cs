namespace CampaignPortal.Web.Domain;

public enum OutboxStatus
{
    /// <summary>Waiting to be sent (again, after a failure, at <see cref="OutboxMessage.NextAttemptAt"/>).</summary>
    Pending,
    Sent,

    /// <summary>Given up after <see cref="OutboxMessage.MaxAttempts"/> tries.</summary>
    Failed,
}

/// <summary>
/// An e-mail to send. Written in the same transaction as what it reports (a reminder, a password reset), sent later
/// by the outbox worker, retried with back-off; status, attempts and the last error stay visible.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxAttempts = 6;

    private OutboxMessage()
    {
        To = Subject = Body = Kind = string.Empty;
    }

    public OutboxMessage(string to, string subject, string body, string kind, int? campaignId, int? organisationId, DateTimeOffset createdAt)
    {
        To = to;
        Subject = subject;
        Body = body;
        Kind = kind;
        CampaignId = campaignId;
        OrganisationId = organisationId;
        CreatedAt = NextAttemptAt = createdAt;
        Status = OutboxStatus.Pending;
    }

    public long Id { get; private set; }

    public string To { get; private set; }

    public string Subject { get; private set; }

    /// <summary>Plain text.</summary>
    public string Body { get; private set; }

    /// <summary>What it is for: 催报, 密码重置….</summary>
    public string Kind { get; private set; }

    public int? CampaignId { get; private set; }

    public int? OrganisationId { get; private set; }

    public OutboxStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>The worker that claimed it, until <see cref="LockedUntil"/> (so two processes never send it twice at once).</summary>
    public string? LockedBy { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public void MarkSent(DateTimeOffset at)
    {
        Attempts++;
        Status = OutboxStatus.Sent;
        SentAt = at;
        LastError = null;
        LockedBy = null;
        LockedUntil = null;
    }

    /// <summary>A failed try: again after 1, 5, 30 minutes, 2 and 6 hours; then given up.</summary>
    public void MarkFailed(string error, DateTimeOffset at)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        LockedBy = null;
        LockedUntil = null;
        if (Attempts >= MaxAttempts)
        {
            Status = OutboxStatus.Failed;
            return;
        }

        NextAttemptAt = at + (Attempts switch
        {
            1 => TimeSpan.FromMinutes(1),
            2 => TimeSpan.FromMinutes(5),
            3 => TimeSpan.FromMinutes(30),
            4 => TimeSpan.FromHours(2),
            _ => TimeSpan.FromHours(6),
        });
    }
}

public enum ReminderOccasion
{
    /// <summary>Sent by an organiser from the grid (at most once a day per unit).</summary>
    Manual,

    /// <summary>N days before the unit's deadline.</summary>
    BeforeDeadline,

    /// <summary>The day after the unit's deadline passed without a submission.</summary>
    Overdue,
}

/// <summary>催报: one reminder to one unit on one occasion. The key (campaign, unit, occasion) is unique: never twice.</summary>
public sealed class Reminder
{
    private Reminder()
    {
        OccasionKey = string.Empty;
    }

    public Reminder(int campaignId, int organisationId, ReminderOccasion occasion, string occasionKey, string? sentBy, int emails, DateTimeOffset sentAt)
    {
        CampaignId = campaignId;
        OrganisationId = organisationId;
        Occasion = occasion;
        OccasionKey = occasionKey;
        SentBy = sentBy;
        Emails = emails;
        SentAt = sentAt;
    }

    public long Id { get; private set; }

    public int CampaignId { get; private set; }

    public int OrganisationId { get; private set; }

    public ReminderOccasion Occasion { get; private set; }

    /// <summary>e.g. manual-2026-06-12, before3-2026-06-15, overdue-2026-06-15.</summary>
    public string OccasionKey { get; private set; }

    /// <summary>The organiser's name; null for automatic reminders.</summary>
    public string? SentBy { get; private set; }

    public int Emails { get; private set; }

    public DateTimeOffset SentAt { get; private set; }
}

/// <summary>A lease on a recurring job, so that of several web processes one runs it at a time.</summary>
public sealed class JobLease
{
    private JobLease()
    {
        Name = Holder = string.Empty;
    }

    public JobLease(string name, string holder, DateTimeOffset expiresAt)
    {
        Name = name;
        Holder = holder;
        ExpiresAt = expiresAt;
    }

    public string Name { get; private set; }

    public string Holder { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }
}
