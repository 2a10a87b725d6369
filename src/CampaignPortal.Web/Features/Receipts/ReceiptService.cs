using System.Globalization;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Receipts;

public sealed record ReceiptState(bool IsAddressee, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, bool OnBehalf);

public sealed record ReceiptRow(int OrganisationId, string Organisation, AddresseeRole Role, DateTimeOffset? ReadAt, string? ReadBy,
    DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, bool OnBehalf, string? Note);

public sealed record ReceiptGridViewModel(int NoticeId, string Title, IReadOnlyList<ReceiptRow> Rows)
{
    public int Acknowledged => Rows.Count(r => r.AcknowledgedAt is not null);

    public int ReadOnly => Rows.Count(r => r.AcknowledgedAt is null && r.ReadAt is not null);

    public int Unread => Rows.Count(r => r.ReadAt is null);
}

public sealed record PendingNotice(int Id, string Title, DateOnly? PublicationDate);

/// <summary>
/// 签收. Opening a notice marks it read for the reader's unit (an idempotent insert — the one documented exception to
/// "GET changes nothing"); acknowledging is one POST; the issuing organisers see the grid and may acknowledge for a
/// unit without accounts (代签收).
/// </summary>
public sealed class ReceiptService(AppDbContext db, CurrentUser currentUser, AuditLog audit, TimeProvider clock)
{
    /// <summary>The reader's unit is an addressee of this published notice: its receipt, marked read.</summary>
    public async Task<ReceiptState?> OpenedAsync(int noticeId, CancellationToken cancellationToken)
    {
        if (await AddresseeOrganisationAsync(noticeId, cancellationToken) is not { } organisationId)
        {
            return null;
        }

        var receipt = await UpsertAsync(noticeId, organisationId, r => r.MarkRead(UserName, clock.GetUtcNow()), cancellationToken);
        return new ReceiptState(true, receipt.AcknowledgedAt, receipt.AcknowledgedBy, receipt.OnBehalf);
    }

    /// <summary>签收 by staff of an addressed unit. Twice is still one receipt. False when the user's unit is not addressed.</summary>
    public async Task<bool> AcknowledgeAsync(int noticeId, CancellationToken cancellationToken)
    {
        if (await AddresseeOrganisationAsync(noticeId, cancellationToken) is not { } organisationId)
        {
            return false;
        }

        var acknowledged = false;
        await UpsertAsync(noticeId, organisationId, r => acknowledged = r.Acknowledge(UserName, clock.GetUtcNow(), onBehalf: false, note: null), cancellationToken);
        if (acknowledged)
        {
            await audit.WriteAsync(AuditAction.NoticeAcknowledged, nameof(Notice), Id(noticeId), "签收通知", subjectOrganisationId: organisationId, cancellationToken: cancellationToken);
        }

        return true;
    }

    public async Task<ReceiptGridViewModel?> GridAsync(int noticeId, CancellationToken cancellationToken)
    {
        var own = (await currentUser.GetOrganisationAsync(cancellationToken)).Id;
        var notice = await db.Notices.AsNoTracking().Where(n => n.Id == noticeId && n.Campaign!.OrganisationId == own && n.Status != NoticeStatus.Draft)
            .Select(n => new { n.Id, n.Title }).SingleOrDefaultAsync(cancellationToken);
        if (notice is null)
        {
            return null;
        }

        var rows = await db.Notices.AsNoTracking().Where(n => n.Id == noticeId).SelectMany(n => n.Addressees)
            .OrderBy(a => a.Role).ThenBy(a => a.Organisation!.Depth).ThenBy(a => a.OrganisationId)
            .Select(a => new
            {
                a.OrganisationId,
                a.Organisation!.Name,
                a.Role,
                Receipt = db.NoticeReceipts.FirstOrDefault(r => r.NoticeId == noticeId && r.OrganisationId == a.OrganisationId),
            })
            .ToListAsync(cancellationToken);
        return new ReceiptGridViewModel(notice.Id, notice.Title, rows.Select(r => new ReceiptRow(r.OrganisationId, r.Name, r.Role,
            r.Receipt?.ReadAt, r.Receipt?.ReadBy, r.Receipt?.AcknowledgedAt, r.Receipt?.AcknowledgedBy, r.Receipt?.OnBehalf ?? false, r.Receipt?.Note)).ToList());
    }

    /// <summary>代签收: the issuing organiser records receipt for an addressed unit, with a note (e.g. "电话确认").</summary>
    public async Task<CommandResult> AcknowledgeOnBehalfAsync(int noticeId, int organisationId, string? note, CancellationToken cancellationToken)
    {
        var own = (await currentUser.GetOrganisationAsync(cancellationToken)).Id;
        var addressed = await db.Notices.AnyAsync(n => n.Id == noticeId && n.Campaign!.OrganisationId == own && n.Status == NoticeStatus.Published
            && n.Addressees.Any(a => a.OrganisationId == organisationId), cancellationToken);
        if (!addressed)
        {
            return CommandResult.NotFound;
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return CommandResult.Invalid("note", "代签收请注明方式，如“电话确认”。");
        }

        var acknowledged = false;
        await UpsertAsync(noticeId, organisationId, r => acknowledged = r.Acknowledge(UserName, clock.GetUtcNow(), onBehalf: true, note: note.Length > Schema.MediumText ? note[..Schema.MediumText] : note), cancellationToken);
        if (acknowledged)
        {
            await audit.WriteAsync(AuditAction.NoticeAcknowledged, nameof(Notice), Id(noticeId), $"代签收：{note}", subjectOrganisationId: organisationId, cancellationToken: cancellationToken);
        }

        return CommandResult.Ok(noticeId);
    }

    /// <summary>Published notices addressed (主送) to the user's unit and not yet acknowledged, newest first.</summary>
    public async Task<IReadOnlyList<PendingNotice>> PendingAsync(CancellationToken cancellationToken)
    {
        var own = (await currentUser.GetOrganisationAsync(cancellationToken)).Id;
        return await db.Notices.AsNoTracking()
            .Where(n => n.Status == NoticeStatus.Published && n.Addressees.Any(a => a.OrganisationId == own && a.Role == AddresseeRole.Main)
                && !db.NoticeReceipts.Any(r => r.NoticeId == n.Id && r.OrganisationId == own && r.AcknowledgedAt != null))
            .OrderByDescending(n => n.PublicationDate).ThenByDescending(n => n.Id)
            .Take(20)
            .Select(n => new PendingNotice(n.Id, n.Title, n.PublicationDate))
            .ToListAsync(cancellationToken);
    }

    private string UserName => currentUser.Principal.Identity?.Name ?? string.Empty;

    private async Task<int?> AddresseeOrganisationAsync(int noticeId, CancellationToken cancellationToken)
    {
        if (currentUser.Principal.OrganisationId() is not { } own)
        {
            return null;
        }

        var addressed = await db.Notices.AnyAsync(n => n.Id == noticeId && n.Status == NoticeStatus.Published
            && n.Addressees.Any(a => a.OrganisationId == own), cancellationToken);
        return addressed ? own : null;
    }

    /// <summary>
    /// Loads or creates the receipt and applies the change. Two first requests at once both try to insert; the unique
    /// index lets one win, and the other applies its change to the winner's row.
    /// </summary>
    private async Task<NoticeReceipt> UpsertAsync(int noticeId, int organisationId, Action<NoticeReceipt> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var receipt = await db.NoticeReceipts.SingleOrDefaultAsync(r => r.NoticeId == noticeId && r.OrganisationId == organisationId, cancellationToken);
            var isNew = receipt is null;
            receipt ??= db.NoticeReceipts.Add(new NoticeReceipt(noticeId, organisationId)).Entity;
            change(receipt);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return receipt;
            }
            catch (DbUpdateException) when (isNew && attempt < 3)
            {
                db.Entry(receipt).State = EntityState.Detached;
            }
        }
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
