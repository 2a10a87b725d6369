namespace CampaignPortal.Web.Domain;

/// <summary>
/// 签收: per notice and addressed unit, when its staff first opened the notice and when (and by whom) it was
/// acknowledged. An organiser may acknowledge for a unit without accounts (代签收) with a note.
/// </summary>
public sealed class NoticeReceipt
{
    private NoticeReceipt()
    {
    }

    public NoticeReceipt(int noticeId, int organisationId)
    {
        NoticeId = noticeId;
        OrganisationId = organisationId;
    }

    public int Id { get; private set; }

    public int NoticeId { get; private set; }

    public int OrganisationId { get; private set; }

    public Organisation? Organisation { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public string? ReadBy { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public string? AcknowledgedBy { get; private set; }

    /// <summary>Recorded by the issuing organiser for the unit (代签收).</summary>
    public bool OnBehalf { get; private set; }

    public string? Note { get; private set; }

    public void MarkRead(string userName, DateTimeOffset at)
    {
        if (ReadAt is null)
        {
            ReadAt = at;
            ReadBy = userName;
        }
    }

    /// <summary>Acknowledges once; a second acknowledgement changes nothing.</summary>
    public bool Acknowledge(string userName, DateTimeOffset at, bool onBehalf, string? note)
    {
        if (AcknowledgedAt is not null)
        {
            return false;
        }

        ReadAt ??= at;
        ReadBy ??= userName;
        AcknowledgedAt = at;
        AcknowledgedBy = userName;
        OnBehalf = onBehalf;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        return true;
    }
}
