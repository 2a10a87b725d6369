namespace CampaignPortal.Web.Domain;

public enum ExportKind
{
    /// <summary>汇编: every approved report of a campaign in one Word document.</summary>
    Compilation,

    /// <summary>All attachments of the reports filed to a campaign, as a ZIP.</summary>
    Attachments,
}

public enum ExportStatus
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>A long export made in the background; its file is kept for a while, then removed.</summary>
public sealed class ExportJob
{
    private ExportJob()
    {
        RequestedBy = string.Empty;
    }

    public ExportJob(Guid id, ExportKind kind, int campaignId, string requestedBy, int organisationId, DateTimeOffset createdAt)
    {
        Id = id;
        Kind = kind;
        CampaignId = campaignId;
        RequestedBy = requestedBy;
        OrganisationId = organisationId;
        CreatedAt = createdAt;
        Status = ExportStatus.Queued;
    }

    public Guid Id { get; private set; }

    public ExportKind Kind { get; private set; }

    public int CampaignId { get; private set; }

    /// <summary>The user id of whoever asked.</summary>
    public string RequestedBy { get; private set; }

    /// <summary>The requester's organisation: its organisers may download the result.</summary>
    public int OrganisationId { get; private set; }

    public ExportStatus Status { get; private set; }

    public int Progress { get; private set; }

    public string? StorageKey { get; private set; }

    public string? FileName { get; private set; }

    public long? Size { get; private set; }

    public string? Error { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public string? LockedBy { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public void Start() => Status = ExportStatus.Running;

    public void Report(int percent) => Progress = Math.Clamp(percent, 0, 100);

    public void Complete(string key, string fileName, long size, DateTimeOffset at, TimeSpan keep)
    {
        Status = ExportStatus.Done;
        Progress = 100;
        StorageKey = key;
        FileName = fileName;
        Size = size;
        CompletedAt = at;
        ExpiresAt = at + keep;
        LockedBy = null;
        LockedUntil = null;
    }

    public void Fail(string error, DateTimeOffset at)
    {
        Status = ExportStatus.Failed;
        Error = error.Length > 1000 ? error[..1000] : error;
        CompletedAt = at;
        ExpiresAt = at.AddDays(1);
        LockedBy = null;
        LockedUntil = null;
    }
}
