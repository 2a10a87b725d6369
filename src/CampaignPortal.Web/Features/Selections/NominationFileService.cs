using System.Globalization;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Infrastructure.Files;
using CampaignPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Selections;

/// <summary>
/// 推荐材料: the supporting files of a nomination. The nominating unit adds and removes them while the nomination is a
/// draft; the unit, the selection's organiser and the experts sitting on a round where the candidate stands may
/// download them. Anyone else gets null (404), as if the file did not exist.
/// </summary>
public sealed partial class NominationFileService(
    AppDbContext db, CurrentUser user, NominationService nominations, FileService files, AuditLog audit, TimeProvider clock, ILogger<NominationFileService> logger)
{
    public const long MaxBytes = 20L * 1024 * 1024;
    public const int MaxFiles = 20;

    /// <summary>PDF, Word (doc, docx, wps) and photos (jpg, png), each up to 20 MB.</summary>
    public static readonly IReadOnlyList<FileType> Types =
        [.. FileTypes.Documents.Where(t => t.Extensions[0] is ".pdf" or ".doc" or ".docx" or ".wps" or ".jpg" or ".png").Select(t => t with { MaxBytes = MaxBytes })];

    public static Task<List<NominationFileRow>> ListAsync(IQueryable<NominationFile> query, CancellationToken cancellationToken) =>
        query.AsNoTracking().OrderBy(f => f.Id).Select(f => new NominationFileRow(f.NominationId, f.StoredFileId, f.File!.OriginalName, f.File.Size)).ToListAsync(cancellationToken);

    public async Task<CommandResult> AddAsync(int nominationId, IFormFile? upload, CancellationToken cancellationToken)
    {
        if (await nominations.OwnAsync(nominationId, cancellationToken) is not { } nomination)
        {
            return CommandResult.NotFound;
        }

        await EnsureEditableAsync(nomination, cancellationToken);
        if (upload is null || upload.Length == 0)
        {
            return CommandResult.Invalid("file", "请选择要上传的文件。");
        }

        if (await db.Set<NominationFile>().CountAsync(f => f.NominationId == nominationId, cancellationToken) >= MaxFiles)
        {
            return CommandResult.Invalid("file", $"每位候选人最多上传 {MaxFiles} 个推荐材料，请删除不需要的文件后再上传。");
        }

        await using var stream = upload.OpenReadStream();
        var stored = await files.StorePhotoAsync(stream, upload.FileName, Types, nomination.OrganisationId, user.UserId, cancellationToken);
        if (stored.Error is not null)
        {
            return CommandResult.Invalid("file", stored.Error);
        }

        var file = stored.File!;
        nomination.AddFile(file.Id);
        audit.Record(AuditAction.NominationSaved, nameof(Nomination), Id(nominationId), $"{nomination.Name}：上传推荐材料“{file.OriginalName}”", subjectOrganisationId: nomination.OrganisationId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // No row was written: take the bytes back, or they stay on disk with nothing pointing at them.
            await files.DiscardAsync(file);
            throw;
        }

        LogFile(logger, nominationId, file.Id, "added");
        return CommandResult.Ok(nominationId);
    }

    public async Task<CommandResult> RemoveAsync(int nominationId, Guid fileId, CancellationToken cancellationToken)
    {
        if (await nominations.OwnAsync(nominationId, cancellationToken) is not { } nomination)
        {
            return CommandResult.NotFound;
        }

        await db.Entry(nomination).Collection(n => n.Files).LoadAsync(cancellationToken);
        if (nomination.Files.All(f => f.StoredFileId != fileId) || await db.StoredFiles.SingleOrDefaultAsync(f => f.Id == fileId, cancellationToken) is not { } stored)
        {
            return CommandResult.NotFound;
        }

        await EnsureEditableAsync(nomination, cancellationToken);
        nomination.RemoveFile(fileId);
        db.StoredFiles.Remove(stored);
        audit.Record(AuditAction.NominationSaved, nameof(Nomination), Id(nominationId), $"{nomination.Name}：删除推荐材料“{stored.OriginalName}”", subjectOrganisationId: nomination.OrganisationId);
        await db.SaveChangesAsync(cancellationToken);
        await files.DiscardAsync(stored);
        LogFile(logger, nominationId, fileId, "removed");
        return CommandResult.Ok(nominationId);
    }

    /// <summary>The file if the user may read it: the nominating unit's filers, the organiser, or an expert who sits on a round the candidate is in.</summary>
    public async Task<StoredFile?> DownloadableAsync(int nominationId, Guid fileId, CancellationToken cancellationToken)
    {
        var me = user.UserId ?? string.Empty;
        var organisation = user.Principal.OrganisationId() ?? 0;
        var unit = user.IsInRole(Roles.Filer);
        var organiser = user.IsInRole(Roles.Organiser);
        var allowed = await db.Nominations.AnyAsync(n => n.Id == nominationId && n.Files.Any(f => f.StoredFileId == fileId) && (
            (unit && n.OrganisationId == organisation)
            || (organiser && db.Selections.Any(s => s.Id == n.SelectionId && s.OrganisationId == organisation))
            || db.RoundCandidates.Any(c => c.NominationId == n.Id
                && db.Set<RoundPanellist>().Any(p => p.RoundId == c.RoundId && p.Expert!.UserId == me && (p.Expert.GroupId == null || p.Expert.GroupId == c.GroupId)))), cancellationToken);
        return allowed ? await db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId, cancellationToken) : null;
    }

    public Stream OpenRead(StoredFile file) => files.OpenRead(file);

    /// <summary>Files belong to the draft: once submitted, or after the window, they are fixed like the form.</summary>
    private async Task EnsureEditableAsync(Nomination nomination, CancellationToken cancellationToken)
    {
        if (nomination.Status != NominationStatus.Draft)
        {
            throw new DomainException("已提交的推荐不能增删推荐材料；如需修改，请在推荐截止前撤回。");
        }

        var selection = await db.Selections.AsNoTracking().SingleAsync(s => s.Id == nomination.SelectionId, cancellationToken);
        if (!selection.IsNominationOpen(ChinaTime.Today(clock)))
        {
            throw new DomainException("推荐不在开放时间内，不能增删推荐材料。");
        }
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Nomination {NominationId}: file {FileId} {What}")]
    private static partial void LogFile(ILogger logger, int nominationId, Guid fileId, string what);
}

public sealed record NominationFileRow(int NominationId, Guid Id, string Name, long Size)
{
    public string SizeText => Size >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{Size / 1024.0 / 1024.0:0.0} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, Size / 1024)} KB");
}
