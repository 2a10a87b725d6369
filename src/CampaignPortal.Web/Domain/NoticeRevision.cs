namespace CampaignPortal.Web.Domain;

/// <summary>
/// One published state of a notice, kept for ever. Number 1 is the first publication; every revision (修订) of a
/// published notice adds the next number with its change note (修订说明). The notice itself holds the latest text.
/// Issuers, addressees and attachments are not revised: changing those means withdrawing and publishing anew.
/// </summary>
public sealed class NoticeRevision
{
    private NoticeRevision()
    {
        Title = BodyHtml = string.Empty;
    }

    internal NoticeRevision(int number, Notice notice, string? changeNote, DateTimeOffset at, string? by)
    {
        Number = number;
        ChangeNote = changeNote;
        RevisedAt = at;
        RevisedBy = by;
        Title = notice.Title;
        DocumentNumber = notice.DocumentNumber;
        MainRecipientsText = notice.MainRecipientsText;
        CopyRecipientsText = notice.CopyRecipientsText;
        BodyHtml = notice.BodyHtml;
        RequirementsHtml = notice.RequirementsHtml;
        ReportTo = notice.ReportTo;
        ReportMethod = notice.ReportMethod;
        DocumentDate = notice.DocumentDate;
    }

    public int Id { get; private set; }

    public int NoticeId { get; private set; }

    /// <summary>1 for the first publication, then 2, 3, … in order.</summary>
    public int Number { get; private set; }

    /// <summary>修订说明; empty for the first publication.</summary>
    public string? ChangeNote { get; private set; }

    public DateTimeOffset RevisedAt { get; private set; }

    /// <summary>The display name of whoever published or revised (none for seeded data).</summary>
    public string? RevisedBy { get; private set; }

    public string Title { get; private set; }

    public string? DocumentNumber { get; private set; }

    public string? MainRecipientsText { get; private set; }

    public string? CopyRecipientsText { get; private set; }

    public string BodyHtml { get; private set; }

    public string? RequirementsHtml { get; private set; }

    public string? ReportTo { get; private set; }

    public string? ReportMethod { get; private set; }

    public DateOnly? DocumentDate { get; private set; }
}

/// <summary>What a revision may change: the text of the notice, never its issuers, addressees or kind.</summary>
public sealed record NoticeRevisionContent(
    string Title, string? DocumentNumber, string? MainRecipientsText, string? CopyRecipientsText, string BodyHtml,
    string? RequirementsHtml, string? ReportTo, string? ReportMethod, DateOnly? DocumentDate);
