namespace CampaignPortal.Web.Domain;

/// <summary>
/// A resumable (chunked) upload in progress: who started it, for which report, how large it will be and how much has
/// arrived. Only the person who started it can send its chunks; anyone else is told it does not exist.
/// </summary>
public sealed class UploadSession
{
    private UploadSession()
    {
        UserId = FileName = StorageKey = string.Empty;
    }

    public UploadSession(Guid id, string userId, int organisationId, int campaignId, string fileName, string? caption, long totalBytes,
        string storageKey, DateTimeOffset createdAt)
    {
        Id = id;
        UserId = userId;
        OrganisationId = organisationId;
        CampaignId = campaignId;
        FileName = fileName;
        Caption = string.IsNullOrWhiteSpace(caption) ? null : caption.Trim();
        TotalBytes = totalBytes;
        StorageKey = storageKey;
        CreatedAt = UpdatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; }

    public int OrganisationId { get; private set; }

    public int CampaignId { get; private set; }

    public string FileName { get; private set; }

    public string? Caption { get; private set; }

    public long TotalBytes { get; private set; }

    /// <summary>Bytes received and kept; the next chunk must start here. A concurrency token: one chunk at a time.</summary>
    public long ReceivedBytes { get; private set; }

    public string StorageKey { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The stored file once complete and checked.</summary>
    public Guid? CompletedFileId { get; private set; }

    public bool IsComplete => ReceivedBytes == TotalBytes;

    public void Received(long length, DateTimeOffset at)
    {
        if (length < ReceivedBytes || length > TotalBytes)
        {
            throw new DomainException("上传的数据与文件大小不符，请重新上传。");
        }

        ReceivedBytes = length;
        UpdatedAt = at;
    }

    public void Complete(Guid fileId, DateTimeOffset at)
    {
        CompletedFileId = fileId;
        UpdatedAt = at;
    }
}
