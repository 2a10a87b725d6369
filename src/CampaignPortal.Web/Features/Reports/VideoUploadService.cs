using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure.Files;
using CampaignPortal.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CampaignPortal.Web.Features.Reports;

/// <summary>The <c>Uploads</c> section: how large a video may be and how large each chunk.</summary>
public sealed class UploadOptions
{
    public const string Section = "Uploads";

    /// <summary>Default 4 GB.</summary>
    public long MaxVideoBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>What the browser sends per request; default 8 MB (under Kestrel's 30 MB request limit).</summary>
    public int ChunkBytes { get; set; } = 8 * 1024 * 1024;
}

public sealed record UploadStatus(Guid Id, string FileName, long Received, long Total, int ChunkBytes, bool Done);

public enum ChunkOutcome
{
    NotFound,
    Accepted,
    WrongOffset,
    Refused,
    Done,

    /// <summary>The disk is full or read-only: what arrived before is kept, the person tries again later.</summary>
    StorageUnavailable,
}

public sealed record ChunkResult(ChunkOutcome Outcome, UploadStatus? Status, string? Message = null);

public sealed record StartUploadInput(string? Name, long Size, string? Caption);

/// <summary>
/// 视频 for a report, sent in chunks that can resume: the browser starts an upload (name, size), sends chunks at the
/// offset the server has, and may ask how far it got after a dropped connection or a reload. Chunks are appended to
/// the file store as they stream in — never held in memory — and the finished file is checked by its first bytes
/// (not a video → deleted), hashed (SHA-256) and attached to the report. Only its starter may see or continue an upload.
/// </summary>
public sealed partial class VideoUploadService(
    AppDbContext db, CurrentUser currentUser, ReportService reports, IFileStore store, IOptions<UploadOptions> options, TimeProvider clock,
    ILogger<VideoUploadService> logger)
{
    private UploadOptions Options => options.Value;

    public async Task<(UploadStatus? Status, string? Error)?> StartAsync(int campaignId, StartUploadInput input, CancellationToken cancellationToken)
    {
        if (await reports.TemplateAsync(campaignId, cancellationToken) is not { } template)
        {
            return null;
        }

        if (template.CampaignStatus != CampaignStatus.Published)
        {
            throw new DomainException("活动已结束，不能再上传视频。");
        }

        var unit = await currentUser.GetOrganisationAsync(cancellationToken);
        var status = await db.SummaryReports.Where(r => r.CampaignId == campaignId && r.OrganisationId == unit.Id).Select(r => (ReportStatus?)r.Status)
            .SingleOrDefaultAsync(cancellationToken);
        if (status is ReportStatus.Submitted or ReportStatus.Approved)
        {
            throw new DomainException(status == ReportStatus.Approved ? "报告已审核通过，不能再上传视频。" : "报告已提交，正在等待审核，不能上传视频。如需修改，请先撤回。");
        }

        var name = FileService.CleanName(input.Name);
        if (name.Length == 0 || FileTypes.ForExtension(FileTypes.Videos, Path.GetExtension(name)) is null)
        {
            return (null, $"只能上传 {FileTypes.AllowedList(FileTypes.Videos)} 格式的视频。");
        }

        if (input.Size <= 0)
        {
            return (null, "视频文件是空的，请重新选择。");
        }

        if (input.Size > Options.MaxVideoBytes)
        {
            return (null, $"视频超过 {Options.MaxVideoBytes / 1024 / 1024 / 1024.0:0.#} GB 的上限，请压缩或分段后上传。");
        }

        if (input.Caption is { Length: > Schema.MediumText })
        {
            return (null, $"视频说明不能超过 {Schema.MediumText} 个字。");
        }

        var now = clock.GetUtcNow();
        await PurgeAbandonedAsync(now, cancellationToken);
        var id = Guid.NewGuid();
        var session = new UploadSession(id, currentUser.UserId!, unit.Id, campaignId, name, input.Caption, input.Size, $"{now:yyyy}/{now:MM}/{id:N}", now);
        db.UploadSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        LogUpload(logger, "started", id, input.Size);
        return (Status(session), null);
    }

    public async Task<UploadStatus?> StatusAsync(Guid id, CancellationToken cancellationToken) =>
        await OwnAsync(id, cancellationToken) is { } session ? Status(session) : null;

    private const string StorageUnavailable =
        "服务器暂时无法保存视频（存储空间已满或暂不可写），已收到的部分已保留。请稍后重新选择同一文件，即可从中断处继续上传。";

    public async Task<ChunkResult> ChunkAsync(Guid id, long offset, Stream body, CancellationToken cancellationToken)
    {
        if (await OwnAsync(id, cancellationToken) is not { } session)
        {
            return new ChunkResult(ChunkOutcome.NotFound, null);
        }

        if (session.CompletedFileId is not null)
        {
            return new ChunkResult(ChunkOutcome.Done, Status(session));
        }

        if (offset != session.ReceivedBytes)
        {
            return new ChunkResult(ChunkOutcome.WrongOffset, Status(session), $"应从第 {session.ReceivedBytes} 字节继续上传。");
        }

        long length;
        try
        {
            length = await store.AppendAsync(session.StorageKey, offset, body, session.TotalBytes, cancellationToken);
        }
        catch (FileTooLargeException)
        {
            return new ChunkResult(ChunkOutcome.Refused, Status(session), "上传的数据超过了文件的大小，请重新上传。");
        }
        catch (Exception ex) when (Infrastructure.TransientFaults.IsStorageUnavailable(ex))
        {
            return new ChunkResult(ChunkOutcome.StorageUnavailable, Status(session), StorageUnavailable);
        }
        catch (IOException)
        {
            // Another request is writing this upload, or this one was cut off: what arrived before is kept.
            return new ChunkResult(ChunkOutcome.WrongOffset, Status(session), "上传中断，请从服务器已收到的位置继续。");
        }

        session.Received(length, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return session.IsComplete ? await FinishAsync(session, cancellationToken) : new ChunkResult(ChunkOutcome.Accepted, Status(session));
    }

    public async Task<bool> CancelAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await OwnAsync(id, cancellationToken) is not { } session)
        {
            return false;
        }

        if (session.CompletedFileId is null)
        {
            await store.AbandonAsync(session.StorageKey, cancellationToken);
        }

        db.UploadSessions.Remove(session);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task<ChunkResult> FinishAsync(UploadSession session, CancellationToken cancellationToken)
    {
        // The report may have been submitted (or the campaign closed) while the video was on its way: say so, keep nothing.
        if (await EditableReasonAsync(session.CampaignId, cancellationToken) is { } reason)
        {
            await DiscardAsync(session, cancellationToken);
            return new ChunkResult(ChunkOutcome.Refused, null, reason);
        }

        var type = FileTypes.ForExtension(FileTypes.Videos, Path.GetExtension(session.FileName))!;
        var head = await store.ReadUnfinishedHeadAsync(session.StorageKey, 16, cancellationToken);
        if (!type.Matches(head))
        {
            await DiscardAsync(session, cancellationToken);
            LogUpload(logger, "refused (not a video)", session.Id, session.TotalBytes);
            return new ChunkResult(ChunkOutcome.Refused, null, $"“{session.FileName}”的内容不是{type.Name}，已删除。请检查文件后重新上传。");
        }

        long size;
        string sha256;
        try
        {
            (size, sha256) = await store.CompleteAsync(session.StorageKey, cancellationToken);
        }
        catch (Exception ex) when (Infrastructure.TransientFaults.IsStorageUnavailable(ex))
        {
            // Everything arrived but could not be moved into place: an empty chunk at the end finishes it later.
            return new ChunkResult(ChunkOutcome.StorageUnavailable, Status(session), StorageUnavailable);
        }

        var now = clock.GetUtcNow();
        var file = new StoredFile(Guid.NewGuid(), session.FileName, type.ContentType, size, sha256, session.StorageKey, session.OrganisationId, session.UserId, now);
        db.StoredFiles.Add(file);
        session.Complete(file.Id, now);
        await reports.AttachUploadedAsync(session.CampaignId, file, ReportFileKind.Video, session.Caption, cancellationToken);
        LogUpload(logger, "completed", session.Id, size);
        return new ChunkResult(ChunkOutcome.Done, Status(session));
    }

    /// <summary>Why the unit's report cannot take a video now, or null when it can.</summary>
    private async Task<string?> EditableReasonAsync(int campaignId, CancellationToken cancellationToken)
    {
        if (await reports.TemplateAsync(campaignId, cancellationToken) is not { } template)
        {
            return "本单位已不是该活动的填报单位，视频未保存。";
        }

        if (template.CampaignStatus != CampaignStatus.Published)
        {
            return "活动已结束，视频未保存。";
        }

        var unit = await currentUser.GetOrganisationAsync(cancellationToken);
        var status = await db.SummaryReports.Where(r => r.CampaignId == campaignId && r.OrganisationId == unit.Id).Select(r => (ReportStatus?)r.Status)
            .SingleOrDefaultAsync(cancellationToken);
        return status switch
        {
            ReportStatus.Submitted => "报告已提交，正在等待审核，视频未保存。如需添加，请先撤回报告后重新上传。",
            ReportStatus.Approved => "报告已审核通过，视频未保存。",
            _ => null,
        };
    }

    private async Task DiscardAsync(UploadSession session, CancellationToken cancellationToken)
    {
        await store.AbandonAsync(session.StorageKey, cancellationToken);
        db.UploadSessions.Remove(session);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Unfinished uploads nobody touched for a week are removed (their partial files too), a few at a time.</summary>
    private async Task PurgeAbandonedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now.AddDays(-7);
        var stale = await db.UploadSessions.Where(u => u.CompletedFileId == null && u.UpdatedAt < cutoff).Take(20).ToListAsync(cancellationToken);
        foreach (var session in stale)
        {
            await store.AbandonAsync(session.StorageKey, cancellationToken);
            db.UploadSessions.Remove(session);
        }
    }

    /// <summary>The user's own upload, for their current unit (after moving to another unit, old uploads are not theirs to finish).</summary>
    private async Task<UploadSession?> OwnAsync(Guid id, CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId;
        var unit = (await currentUser.GetOrganisationAsync(cancellationToken)).Id;
        return await db.UploadSessions.SingleOrDefaultAsync(u => u.Id == id && u.UserId == userId && u.OrganisationId == unit, cancellationToken);
    }

    private UploadStatus Status(UploadSession session) =>
        new(session.Id, session.FileName, session.ReceivedBytes, session.TotalBytes, Options.ChunkBytes, session.CompletedFileId is not null);

    [LoggerMessage(Level = LogLevel.Information, Message = "Upload {UploadId} {Change} ({Bytes} bytes)")]
    private static partial void LogUpload(ILogger logger, string change, Guid uploadId, long bytes);
}
