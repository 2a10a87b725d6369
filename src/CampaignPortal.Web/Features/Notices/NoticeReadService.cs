using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Notices;

public sealed class NoticeListQuery
{
    public string? Q { get; set; }

    public int? Year { get; set; }

    public int? Issuer { get; set; }

    public int Page { get; set; } = 1;
}

public sealed record NoticeListRow(int Id, string Title, string? DocumentNumber, IReadOnlyList<string> Issuers, DateOnly? PublicationDate, NoticeKind Kind, bool IsWithdrawn);

public sealed record IssuerOption(int Id, string Name);

public sealed record NoticeListViewModel(NoticeListQuery Query, IReadOnlyList<NoticeListRow> Rows, int Total, int Page, int PageCount, IReadOnlyList<int> Years, IReadOnlyList<IssuerOption> Issuers);

public sealed record NoticeContactView(string Names, string? Phones, string? Email, string? Office, string? Address, string? Postcode);

public sealed record NoticeAttachmentView(Guid FileId, string Title, string FileName, long Size);

public sealed record NoticeBasisView(string Title, string? DocumentNumber, int? LinkedNoticeId);

public sealed record NoticeDocumentView(
    int Id, int CampaignId, NoticeKind Kind, NoticeStatus Status, bool IsPublic, string Title, string? DocumentNumber,
    string? MainRecipientsText, string? CopyRecipientsText, string BodyHtml, string? RequirementsHtml, string? ReportTo, string? ReportMethod,
    DateOnly? DocumentDate, DateOnly? PublicationDate, string? WithdrawalReason, DateTimeOffset? WithdrawnAt,
    IReadOnlyList<string> Issuers, string? LeadIssuerShortName, IReadOnlyList<NoticeBasisView> Bases,
    IReadOnlyList<NoticeContactView> Contacts, IReadOnlyList<NoticeAttachmentView> Attachments);

public sealed record NoticeRevisionRow(int Number, DateTimeOffset RevisedAt, string? ChangeNote);

public sealed record NoticePageViewModel(NoticeDocumentView Notice, IReadOnlyList<NoticeDocumentView> WorkPlans, bool CanEdit)
{
    public Receipts.ReceiptState? Receipt { get; init; }

    /// <summary>修订记录, oldest first; one row (the first publication) when never revised.</summary>
    public IReadOnlyList<NoticeRevisionRow> Revisions { get; init; } = [];

    /// <summary>Set when an earlier revision is shown instead of the current text.</summary>
    public int? ShownRevision { get; init; }
}

/// <summary>
/// Reading notices: the public list and the document page. Visibility: published (or withdrawn) public notices for
/// everyone; internal ones for the issuers' and addressees' staff; drafts for the owning organisation's organisers.
/// Everything else is "not found".
/// </summary>
public sealed class NoticeReadService(AppDbContext db, CurrentUser currentUser, NoticeFilterCache filterCache)
{
    public const int PageSize = 20;

    public async Task<NoticeListViewModel> ListAsync(NoticeListQuery query, CancellationToken cancellationToken)
    {
        var notices = db.Notices.AsNoTracking()
            .Where(n => n.IsPublic && n.Status != NoticeStatus.Draft && n.AttachedToNoticeId == null);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var needle = Notice.Normalise(query.Q.Trim());
            notices = notices.Where(n => n.SearchText.Contains(needle));
        }

        if (query.Year is { } year and >= 1990 and <= 2100)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            notices = notices.Where(n => n.PublicationDate >= from && n.PublicationDate <= to);
        }

        if (query.Issuer is { } issuer)
        {
            notices = notices.Where(n => n.Issuers.Any(i => i.OrganisationId == issuer));
        }

        var unfiltered = string.IsNullOrWhiteSpace(query.Q) && query.Year is null && query.Issuer is null;
        var total = unfiltered ? await UnfilteredCount(db, cancellationToken) : await notices.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var rows = unfiltered
            ? Grouped(await UnfilteredPage(db, (page - 1) * PageSize).ToListAsync(cancellationToken))
            : await WithIssuersAsync(notices.OrderByDescending(n => n.PublicationDate).ThenByDescending(n => n.Id)
                .Skip((page - 1) * PageSize).Take(PageSize), cancellationToken);
        var filters = await filterCache.GetAsync(FiltersAsync, cancellationToken);
        return new NoticeListViewModel(query, rows, total, page, pageCount, filters.Years, filters.Issuers);
    }

    /// <summary>The years and issuers of published public notices (kept by <see cref="NoticeFilterCache"/>).</summary>
    private async Task<NoticeFilters> FiltersAsync(CancellationToken cancellationToken)
    {
        var published = db.Notices.AsNoTracking().Where(n => n.IsPublic && n.Status != NoticeStatus.Draft);
        var years = await published.Where(n => n.PublicationDate != null).Select(n => n.PublicationDate!.Value.Year).Distinct()
            .OrderByDescending(y => y).ToListAsync(cancellationToken);
        // The issuers' ids read once (IN over one subquery), not an EXISTS over every notice for each organisation.
        var issuerIds = published.SelectMany(n => n.Issuers).Select(i => i.OrganisationId).Distinct();
        var issuers = await db.Organisations.AsNoTracking()
            .Where(o => issuerIds.Contains(o.Id))
            .OrderBy(o => o.Depth).ThenBy(o => o.Id)
            .Select(o => new IssuerOption(o.Id, o.Name)).ToListAsync(cancellationToken);
        return new NoticeFilters(years, issuers);
    }

    public async Task<IReadOnlyList<NoticeListRow>> LatestAsync(int count, CancellationToken cancellationToken) =>
        await WithIssuersAsync(db.Notices.AsNoTracking()
            .Where(n => n.IsPublic && n.Status == NoticeStatus.Published && n.AttachedToNoticeId == null)
            .OrderByDescending(n => n.PublicationDate).ThenByDescending(n => n.Id)
            .Take(count), cancellationToken);

    /// <summary>
    /// One page of notices with their issuers in one command: the page LEFT JOINed to the issuer rows (one or two a
    /// notice) on their <c>NoticeId</c> index, grouped here. (A collection projection would join a subquery over
    /// every issuer row instead.)
    /// </summary>
    private static async Task<List<NoticeListRow>> WithIssuersAsync(IQueryable<Notice> page, CancellationToken cancellationToken) =>
        Grouped(await page.SelectMany(n => n.Issuers.DefaultIfEmpty(), IssuerRowOf)
            .OrderByDescending(x => x.PublicationDate).ThenByDescending(x => x.Id).ThenBy(x => x.Order)
            .ToListAsync(cancellationToken));

    private static readonly System.Linq.Expressions.Expression<Func<Notice, NoticeIssuer?, NoticeIssuerRow>> IssuerRowOf = (n, i) => new NoticeIssuerRow
    {
        Id = n.Id,
        Title = n.Title,
        DocumentNumber = n.DocumentNumber,
        PublicationDate = n.PublicationDate,
        Kind = n.Kind,
        Withdrawn = n.Status == NoticeStatus.Withdrawn,
        Order = (int?)i!.Order,
        Issuer = i.Organisation!.Name,
    };

    /// <summary>
    /// The list without a filter, what nearly every visitor asks for, as compiled queries: EF skips translating the
    /// LINQ on each request (the same SQL as <see cref="WithIssuersAsync"/>).
    /// </summary>
    private static readonly Func<AppDbContext, CancellationToken, Task<int>> UnfilteredCount = EF.CompileAsyncQuery(
        (AppDbContext db, CancellationToken cancellationToken) => db.Notices.Count(n => n.IsPublic && n.Status != NoticeStatus.Draft && n.AttachedToNoticeId == null));

    private static readonly Func<AppDbContext, int, IAsyncEnumerable<NoticeIssuerRow>> UnfilteredPage = EF.CompileAsyncQuery<AppDbContext, int, NoticeIssuerRow>(
        (AppDbContext db, int skip) => db.Notices.AsNoTracking()
            .Where(n => n.IsPublic && n.Status != NoticeStatus.Draft && n.AttachedToNoticeId == null)
            .OrderByDescending(n => n.PublicationDate).ThenByDescending(n => n.Id).Skip(skip).Take(PageSize)
            .SelectMany(n => n.Issuers.DefaultIfEmpty(), (n, i) => new NoticeIssuerRow
            {
                Id = n.Id,
                Title = n.Title,
                DocumentNumber = n.DocumentNumber,
                PublicationDate = n.PublicationDate,
                Kind = n.Kind,
                Withdrawn = n.Status == NoticeStatus.Withdrawn,
                Order = (int?)i!.Order,
                Issuer = i.Organisation!.Name,
            })
            .OrderByDescending(x => x.PublicationDate).ThenByDescending(x => x.Id).ThenBy(x => x.Order));

    private static List<NoticeListRow> Grouped(List<NoticeIssuerRow> flat) =>
        [.. flat.GroupBy(x => x.Id).Select(g => new NoticeListRow(g.Key, g.First().Title, g.First().DocumentNumber,
            [.. g.Where(x => x.Order is not null).Select(x => x.Issuer)], g.First().PublicationDate, g.First().Kind, g.First().Withdrawn))];

    /// <summary>A notice with one of its issuers (member initialisers, so EF can still order by them).</summary>
    private sealed class NoticeIssuerRow
    {
        public int Id { get; init; }

        public string Title { get; init; } = string.Empty;

        public string? DocumentNumber { get; init; }

        public DateOnly? PublicationDate { get; init; }

        public NoticeKind Kind { get; init; }

        public bool Withdrawn { get; init; }

        public int? Order { get; init; }

        public string Issuer { get; init; } = string.Empty;
    }

    public async Task<NoticePageViewModel?> PageAsync(int id, CancellationToken cancellationToken)
    {
        if (await VisibleAsync(id, cancellationToken) is not { } access)
        {
            return null;
        }

        var notice = await DocumentAsync(id, cancellationToken);
        var planIds = await db.Notices.AsNoTracking().Where(n => n.AttachedToNoticeId == id && n.Status != NoticeStatus.Draft)
            .OrderBy(n => n.Id).Select(n => n.Id).ToListAsync(cancellationToken);
        var plans = new List<NoticeDocumentView>();
        foreach (var planId in planIds)
        {
            // A plan is shown only to those who may read it on its own (an internal plan under a public notice is not).
            if (await VisibleAsync(planId, cancellationToken) is not null)
            {
                plans.Add(await DocumentAsync(planId, cancellationToken));
            }
        }

        return new NoticePageViewModel(notice, plans, access.CanEdit) { Revisions = await RevisionsAsync(id, cancellationToken) };
    }

    /// <summary>An earlier published state of the notice, for those who may read the notice.</summary>
    public async Task<NoticePageViewModel?> RevisionPageAsync(int id, int number, CancellationToken cancellationToken)
    {
        if (await VisibleAsync(id, cancellationToken) is not { } access)
        {
            return null;
        }

        var revision = await db.Notices.AsNoTracking().Where(n => n.Id == id).SelectMany(n => n.Revisions).Where(r => r.Number == number)
            .SingleOrDefaultAsync(cancellationToken);
        if (revision is null)
        {
            return null;
        }

        var notice = await DocumentAsync(id, cancellationToken) with
        {
            Title = revision.Title,
            DocumentNumber = revision.DocumentNumber,
            MainRecipientsText = revision.MainRecipientsText,
            CopyRecipientsText = revision.CopyRecipientsText,
            BodyHtml = revision.BodyHtml,
            RequirementsHtml = revision.RequirementsHtml,
            ReportTo = revision.ReportTo,
            ReportMethod = revision.ReportMethod,
            DocumentDate = revision.DocumentDate,
        };
        return new NoticePageViewModel(notice, [], access.CanEdit) { Revisions = await RevisionsAsync(id, cancellationToken), ShownRevision = number };
    }

    private async Task<IReadOnlyList<NoticeRevisionRow>> RevisionsAsync(int id, CancellationToken cancellationToken) =>
        await db.Notices.AsNoTracking().Where(n => n.Id == id).SelectMany(n => n.Revisions).OrderBy(r => r.Number)
            .Select(r => new NoticeRevisionRow(r.Number, r.RevisedAt, r.ChangeNote)).ToListAsync(cancellationToken);

    /// <summary>The attachment if the user may read its notice.</summary>
    public async Task<StoredFile?> AttachmentAsync(int noticeId, Guid fileId, CancellationToken cancellationToken)
    {
        if (await VisibleAsync(noticeId, cancellationToken) is null)
        {
            return null;
        }

        return await db.Notices.AsNoTracking().Where(n => n.Id == noticeId)
            .SelectMany(n => n.Attachments).Where(a => a.StoredFileId == fileId).Select(a => a.File!)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private sealed record Access(bool CanEdit);

    private async Task<Access?> VisibleAsync(int id, CancellationToken cancellationToken)
    {
        var notice = await db.Notices.AsNoTracking().Where(n => n.Id == id)
            .Select(n => new { n.Status, n.IsPublic, OwnerId = n.Campaign!.OrganisationId, n.AttachedToNoticeId })
            .SingleOrDefaultAsync(cancellationToken);
        if (notice is null)
        {
            return null;
        }

        var organisationId = currentUser.Principal.OrganisationId();
        var isOwnerOrganiser = organisationId == notice.OwnerId && currentUser.IsInRole(Roles.Organiser);
        if (notice.Status == NoticeStatus.Draft)
        {
            return isOwnerOrganiser ? new Access(true) : null;
        }

        if (notice.IsPublic || isOwnerOrganiser)
        {
            return new Access(isOwnerOrganiser);
        }

        if (organisationId is not { } own)
        {
            return null;
        }

        var related = await db.Notices.AsNoTracking().AnyAsync(n => n.Id == id
            && (n.Campaign!.OrganisationId == own || n.Issuers.Any(i => i.OrganisationId == own) || n.Addressees.Any(a => a.OrganisationId == own)
                || db.Notices.Any(p => p.Id == n.AttachedToNoticeId && p.Addressees.Any(a => a.OrganisationId == own))), cancellationToken);
        return related ? new Access(false) : null;
    }

    private async Task<NoticeDocumentView> DocumentAsync(int id, CancellationToken cancellationToken) =>
        await db.Notices.AsNoTracking().Where(n => n.Id == id).Select(n => new NoticeDocumentView(
            n.Id, n.CampaignId, n.Kind, n.Status, n.IsPublic, n.Title, n.DocumentNumber, n.MainRecipientsText, n.CopyRecipientsText,
            n.BodyHtml, n.RequirementsHtml, n.ReportTo, n.ReportMethod, n.DocumentDate, n.PublicationDate, n.WithdrawalReason, n.WithdrawnAt,
            n.Issuers.OrderBy(i => i.Order).Select(i => i.Organisation!.Name).ToList(),
            n.Issuers.OrderBy(i => i.Order).Select(i => i.Organisation!.ShortName).FirstOrDefault(),
            n.Bases.OrderBy(b => b.Order).Select(b => new NoticeBasisView(b.Title, b.DocumentNumber, b.LinkedNoticeId)).ToList(),
            n.Contacts.OrderBy(c => c.Order).Select(c => new NoticeContactView(c.Names, c.Phones, c.Email, c.Office, c.Address, c.Postcode)).ToList(),
            n.Attachments.OrderBy(a => a.Order).Select(a => new NoticeAttachmentView(a.StoredFileId, a.Title ?? a.File!.OriginalName, a.File!.OriginalName, a.File!.Size)).ToList()))
            .AsSplitQuery()
            .SingleAsync(cancellationToken);
}
