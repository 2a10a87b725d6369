namespace CampaignPortal.Web.Domain;

public enum NotificationKind
{
    /// <summary>A notice addressed to the user's unit was published.</summary>
    NoticePublished,

    /// <summary>A notice addressed to the user's unit was revised.</summary>
    NoticeRevised,

    /// <summary>A report of a campaign the user's unit owns was submitted (to its reviewers).</summary>
    ReportSubmitted,

    /// <summary>The unit's report was returned for changes, or reopened.</summary>
    ReportReturned,

    /// <summary>The unit's report was approved.</summary>
    ReportApproved,

    /// <summary>The unit's deadline was extended.</summary>
    DeadlineExtended,

    /// <summary>催报: the unit has not submitted its report yet.</summary>
    Reminder,
}

/// <summary>
/// An in-portal message to one person (the bell in the header): what happened, a link to it, and whether it was
/// read. Written in the same transaction as the change it reports.
/// </summary>
public sealed class Notification
{
    private Notification()
    {
        UserId = Text = Link = string.Empty;
    }

    public Notification(string userId, NotificationKind kind, string text, string link, DateTimeOffset createdAt)
    {
        if (!link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal))
        {
            throw new ArgumentException("Notification links stay inside the portal.", nameof(link));
        }

        UserId = userId;
        Kind = kind;
        Text = text;
        Link = link;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public string UserId { get; private set; }

    public NotificationKind Kind { get; private set; }

    public string Text { get; private set; }

    /// <summary>A path inside the portal, e.g. /notices/12.</summary>
    public string Link { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;
}
