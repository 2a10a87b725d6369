using System.Globalization;
using System.Security.Cryptography;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Infrastructure.Files;
using CampaignPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Selections;

/// <summary>
/// 异议: the public raises one during the 公示 period (no sign-in); the selection's organiser, and nobody else, reads
/// it with the objector's personal data and records how it was handled.
/// </summary>
public sealed partial class ObjectionService(
    AppDbContext db, SelectionService selections, CurrentUser user, AuditLog audit, FileService files, TimeProvider clock, ILogger<ObjectionService> logger)
{
    /// <summary>Evidence: PDF, JPEG or PNG, up to 10 MB.</summary>
    public static readonly IReadOnlyList<FileType> EvidenceTypes =
        [.. FileTypes.Documents.Where(t => t.Extensions[0] is ".pdf" or ".jpg" or ".png").Select(t => t with { MaxBytes = EvidenceMaxBytes })];

    public const long EvidenceMaxBytes = 10L * 1024 * 1024;

    /// <summary>No 0/O or 1/I: the reference is read out on the telephone.</summary>
    private const string ReferenceAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>Saves the objection and answers its reference (受理编号) in <see cref="CommandResult"/>'s place: null with errors.</summary>
    public async Task<(CommandResult Result, string? Reference)> SubmitAsync(int selectionId, ObjectionInput input, IFormFile? upload, CancellationToken cancellationToken)
    {
        var announcement = await db.Announcements.AsNoTracking().Include(a => a.Entries).SingleOrDefaultAsync(a => a.SelectionId == selectionId, cancellationToken);
        if (announcement is null)
        {
            return (CommandResult.NotFound, null);
        }

        if (!announcement.AcceptsObjections(clock.GetUtcNow()))
        {
            throw new DomainException($"公示期为{announcement.PeriodText}，现在不在公示期内，不能提出异议。");
        }

        int? nominationId = input.Target is > 0 ? input.Target : null;
        if (nominationId is { } n && announcement.Entries.All(e => e.NominationId != n))
        {
            return (CommandResult.Invalid(nameof(input.Target), "请从公示名单中选择异议针对的人选。"), null);
        }

        StoredFile? file = null;
        if (upload is { Length: > 0 })
        {
            await using var stream = upload.OpenReadStream();
            var stored = await files.StoreAsync(stream, upload.FileName, EvidenceTypes, announcement.OrganisationId, null, cancellationToken);
            if (stored.Error is not null)
            {
                return (CommandResult.Invalid("file", stored.Error), null);
            }

            file = stored.File;
        }

        var reference = "YY" + RandomNumberGenerator.GetString(ReferenceAlphabet, 8);
        var objection = new Objection(announcement.Id, reference, new ObjectionDetails(input.Name, input.Unit, input.Phone, nominationId, input.Grounds), file?.Id, clock.GetUtcNow());
        db.Objections.Add(objection);

        // The audit trail names the reference, never the objector's personal data.
        audit.Record(AuditAction.ObjectionReceived, nameof(Selection), selectionId.ToString(CultureInfo.InvariantCulture), $"受理编号 {reference}",
            subjectOrganisationId: announcement.OrganisationId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            if (file is not null)
            {
                await files.DiscardAsync(file);
            }

            throw;
        }

        LogReceived(logger, selectionId, objection.Id);
        return (CommandResult.Ok(objection.Id), reference);
    }

    public async Task<Objection?> OwnAsync(int selectionId, int objectionId, CancellationToken cancellationToken) =>
        await selections.OwnAsync(selectionId, cancellationToken) is null
            ? null
            : await db.Objections.Include(o => o.Nomination).Include(o => o.File)
                .SingleOrDefaultAsync(o => o.Id == objectionId && db.Announcements.Any(a => a.Id == o.AnnouncementId && a.SelectionId == selectionId), cancellationToken);

    public async Task<CommandResult> HandleAsync(int selectionId, int objectionId, HandlingInput input, CancellationToken cancellationToken)
    {
        if (await OwnAsync(selectionId, objectionId, cancellationToken) is not { } objection)
        {
            return CommandResult.NotFound;
        }

        if (await db.Announcements.AnyAsync(a => a.Id == objection.AnnouncementId && a.FinalisedAt != null, cancellationToken))
        {
            throw new DomainException("评选结果已经确定，不能再修改异议的处理结果。");
        }

        if (input.Outcome == ObjectionOutcome.Upheld && objection.NominationId is null)
        {
            return CommandResult.Invalid(nameof(input.Outcome), "该异议针对评选结果整体，不能选择“成立并取消该候选人”，请选择“其他”并说明处理结果。");
        }

        objection.Handle(input.Outcome!.Value, input.Handling, user.Principal.Identity?.Name, clock.GetUtcNow());
        audit.Record(AuditAction.ObjectionHandled, nameof(Selection), selectionId.ToString(CultureInfo.InvariantCulture),
            $"受理编号 {objection.Reference}：{objection.Outcome!.Value.ToChinese()}", subjectOrganisationId: user.Principal.OrganisationId());
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok(objectionId);
    }

    public Stream OpenRead(StoredFile file) => files.OpenRead(file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Objection {ObjectionId} received for selection {SelectionId}")]
    private static partial void LogReceived(ILogger logger, int selectionId, int objectionId);
}
