using System.Globalization;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Infrastructure.Files;
using CampaignPortal.Web.Security;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Selections;

/// <summary>
/// The organiser's side of 公示 and 结果公布: publish the 公示 of the proposed result, edit citations and photos,
/// finalise after the period, publish the result. Scoped through <see cref="SelectionService.OwnAsync"/> (else 404).
/// Every change evicts the cached public pages.
/// </summary>
public sealed partial class AnnouncementService(
    AppDbContext db, SelectionService selections, CurrentUser user, AuditLog audit, FileService files, IOutputCacheStore cache, TimeProvider clock,
    ILogger<AnnouncementService> logger)
{
    /// <summary>Portraits for the publication: JPEG or PNG up to 5 MB.</summary>
    public static readonly IReadOnlyList<FileType> PortraitTypes = [.. FileTypes.Photos.Select(t => t with { MaxBytes = 5L * 1024 * 1024 })];

    private const int CitationDefaultLength = 300;

    public Task<Announcement?> OwnAnnouncementAsync(int selectionId, CancellationToken cancellationToken) =>
        db.Announcements.Include(a => a.Entries).SingleOrDefaultAsync(a => a.SelectionId == selectionId, cancellationToken);

    public async Task<CommandResult> PublishAsync(int selectionId, AnnouncementInput input, CancellationToken cancellationToken)
    {
        if (await selections.OwnAsync(selectionId, cancellationToken) is not { } selection)
        {
            return CommandResult.NotFound;
        }

        if (selection.FinishedAt is null)
        {
            throw new DomainException("请先在评选页面确定拟当选和拟推荐人选，再发布公示。");
        }

        if (await db.Announcements.AnyAsync(a => a.SelectionId == selectionId, cancellationToken))
        {
            throw new DomainException("本评选的公示已经发布。");
        }

        if (input.StartsOn < ChinaTime.Today(clock))
        {
            return CommandResult.Invalid(nameof(input.StartsOn), "公示开始日期不能早于今天。");
        }

        var proposed = await db.Nominations.AsNoTracking().Where(n => n.SelectionId == selectionId && (n.IsWinner || n.IsPutForward))
            .OrderBy(n => n.Group!.Order).ThenBy(n => n.Id).Select(n => new { n.Id, n.IsWinner, n.IsPutForward, n.Achievements }).ToListAsync(cancellationToken);
        var entries = proposed.Select(n => new AnnouncementEntry(n.Id, n.IsWinner, n.IsPutForward, Citation(n.Achievements)));
        var announcement = new Announcement(selectionId, selection.OrganisationId,
            new AnnouncementDetails(input.Title, input.Body, input.StartsOn!.Value, input.WorkingDays!.Value, input.ContactName, input.ContactPhone), entries, clock.GetUtcNow());
        db.Announcements.Add(announcement);
        audit.Record(AuditAction.AnnouncementPublished, nameof(Selection), Id(selectionId), $"{announcement.Title}，公示期{announcement.PeriodText}",
            subjectOrganisationId: selection.OrganisationId);
        await db.SaveChangesAsync(cancellationToken);
        await cache.EvictNoticesAsync(cancellationToken);
        LogChanged(logger, selectionId, "published");
        return CommandResult.Ok(selectionId);
    }

    public async Task<CommandResult> SetCitationAsync(int selectionId, int entryId, string? citation, CancellationToken cancellationToken)
    {
        if (await OwnedAsync(selectionId, cancellationToken) is not { } announcement || announcement.Entries.All(e => e.Id != entryId))
        {
            return CommandResult.NotFound;
        }

        if (citation is { Length: > Schema.LongText })
        {
            return CommandResult.Invalid("citation", $"事迹简介不能超过 {Schema.LongText} 个字。");
        }

        var entry = announcement.Editable(entryId);
        entry.SetCitation(citation);
        audit.Record(AuditAction.AnnouncementEntryUpdated, nameof(Selection), Id(selectionId), $"修改人选 {entry.NominationId} 的事迹简介", subjectOrganisationId: announcement.OrganisationId);
        await db.SaveChangesAsync(cancellationToken);
        await cache.EvictNoticesAsync(cancellationToken);
        return CommandResult.Ok(selectionId);
    }

    public async Task<CommandResult> SetPhotoAsync(int selectionId, int entryId, IFormFile? upload, CancellationToken cancellationToken)
    {
        if (await OwnedAsync(selectionId, cancellationToken) is not { } announcement || announcement.Entries.All(e => e.Id != entryId))
        {
            return CommandResult.NotFound;
        }

        var entry = announcement.Editable(entryId);
        if (upload is null || upload.Length == 0)
        {
            return CommandResult.Invalid("photo", "请选择要上传的照片。");
        }

        await using var stream = upload.OpenReadStream();
        var stored = await files.StorePhotoAsync(stream, upload.FileName, PortraitTypes, announcement.OrganisationId, user.UserId, cancellationToken);
        if (stored.Error is not null)
        {
            return CommandResult.Invalid("photo", stored.Error);
        }

        entry.SetPhoto(stored.File!.Id);
        audit.Record(AuditAction.AnnouncementEntryUpdated, nameof(Selection), Id(selectionId), $"上传人选 {entry.NominationId} 的照片“{stored.File.OriginalName}”",
            subjectOrganisationId: announcement.OrganisationId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // No row points at the file: take it back.
            await files.DiscardAsync(stored.File);
            throw;
        }

        await cache.EvictNoticesAsync(cancellationToken);
        return CommandResult.Ok(selectionId);
    }

    /// <summary>The result becomes final: after the period, with every objection handled. Upheld objections take their candidates off.</summary>
    public async Task<CommandResult> FinaliseAsync(int selectionId, CancellationToken cancellationToken)
    {
        if (await OwnedAsync(selectionId, cancellationToken) is not { } announcement)
        {
            return CommandResult.NotFound;
        }

        var objections = await db.Objections.Where(o => o.AnnouncementId == announcement.Id).Select(o => new { o.Outcome, o.NominationId }).ToListAsync(cancellationToken);
        var upheld = objections.Where(o => o.Outcome == ObjectionOutcome.Upheld && o.NominationId is not null).Select(o => o.NominationId!.Value).ToHashSet();
        announcement.Finalise(objections.Count(o => o.Outcome is null), upheld, clock.GetUtcNow());
        foreach (var nomination in await db.Nominations.Where(n => upheld.Contains(n.Id) && n.SelectionId == selectionId).ToListAsync(cancellationToken))
        {
            nomination.SetResult(false, false);
        }

        var kept = announcement.Entries.Where(e => !e.Removed).ToList();
        audit.Record(AuditAction.SelectionFinalised, nameof(Selection), Id(selectionId),
            $"当选 {kept.Count(e => e.IsWinner)} 人，向上级推荐 {kept.Count(e => e.IsPutForward)} 人；因异议成立取消 {upheld.Count} 人", subjectOrganisationId: announcement.OrganisationId);
        await db.SaveChangesAsync(cancellationToken);
        await cache.EvictNoticesAsync(cancellationToken);
        LogChanged(logger, selectionId, "finalised");
        return CommandResult.Ok(selectionId);
    }

    public async Task<CommandResult> PublishResultAsync(int selectionId, CancellationToken cancellationToken)
    {
        if (await OwnedAsync(selectionId, cancellationToken) is not { } announcement)
        {
            return CommandResult.NotFound;
        }

        announcement.PublishResult(clock.GetUtcNow());
        audit.Record(AuditAction.SelectionResultPublished, nameof(Selection), Id(selectionId), announcement.Title, subjectOrganisationId: announcement.OrganisationId);
        await db.SaveChangesAsync(cancellationToken);
        await cache.EvictNoticesAsync(cancellationToken);
        LogChanged(logger, selectionId, "result published");
        return CommandResult.Ok(selectionId);
    }

    /// <summary>The announcement of a selection the user organises; a selection without one is a state error (409), a foreign one 404.</summary>
    private async Task<Announcement?> OwnedAsync(int selectionId, CancellationToken cancellationToken)
    {
        if (await selections.OwnAsync(selectionId, cancellationToken) is null)
        {
            return null;
        }

        return await OwnAnnouncementAsync(selectionId, cancellationToken) ?? throw new DomainException("本评选尚未发布公示。");
    }

    /// <summary>The default 事迹简介: the nomination's 主要事迹 as plain text, cut short.</summary>
    public static string? Citation(string? achievements)
    {
        if (!RichText.HasText(achievements))
        {
            return null;
        }

        var text = string.Join(string.Empty, RichText.Lines(achievements)).Trim();
        return text.Length <= CitationDefaultLength ? text : text[..CitationDefaultLength] + "……";
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Announcement of selection {SelectionId} {Change}")]
    private static partial void LogChanged(ILogger logger, int selectionId, string change);
}
