using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Selections;

/// <summary>The 公示 and result pages, public and the organiser's. Public reads show no objection data at all.</summary>
public sealed class AnnouncementReadService(AppDbContext db, TimeProvider clock)
{
    public const string WholeResult = "对评选结果整体";

    public async Task<GongshiViewModel?> GongshiAsync(int selectionId, CancellationToken cancellationToken)
    {
        if (await HeadAsync(selectionId, cancellationToken) is not { } a)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        return new GongshiViewModel(selectionId, a.Selection, a.Title, a.Body, a.Issuer, Domain.WorkingDays.PeriodText(a.StartsOn, a.EndsOn), a.PublishedAt,
            a.FinalisedAt is null && now >= a.StartsAt && now < a.EndsAt, now < a.StartsAt, a.ContactName, a.ContactPhone,
            await CandidatesAsync(a.Id, cancellationToken), a.ResultPublishedAt is not null);
    }

    public async Task<ResultViewModel?> ResultAsync(int selectionId, CancellationToken cancellationToken)
    {
        if (await HeadAsync(selectionId, cancellationToken) is not { ResultPublishedAt: { } published } a)
        {
            return null;
        }

        var kept = (await CandidatesAsync(a.Id, cancellationToken)).Where(c => !c.Removed).ToList();
        return new ResultViewModel(selectionId, ResultTitle(a.Selection), a.Issuer, published, [.. kept.Where(c => c.IsWinner)], [.. kept.Where(c => c.IsPutForward)]);
    }

    public static string ResultTitle(string selection) => $"{selection}评选结果公布";

    public async Task<ObjectionFormViewModel?> ObjectionFormAsync(int selectionId, ObjectionInput input, CancellationToken cancellationToken) =>
        await GongshiAsync(selectionId, cancellationToken) is { } g ? new ObjectionFormViewModel(selectionId, g.Title, g.PeriodText, g.Candidates, input) : null;

    /// <summary>The organiser's page; the caller has checked that the user organises the selection.</summary>
    public async Task<AnnouncementViewModel> OrganiserAsync(Selection selection, AnnouncementInput? input, CancellationToken cancellationToken)
    {
        var a = await HeadAsync(selection.Id, cancellationToken);
        if (a is null)
        {
            var form = input ?? new AnnouncementInput
            {
                Title = $"关于{selection.Title}拟表彰人选的公示",
                Body = $"经各单位推荐、资格审查和专家评审，{selection.Title}拟表彰人选已经产生，现予以公示。公示期间，任何单位和个人如有异议，可通过本页提出，"
                    + "请如实填写真实姓名、工作单位和联系电话，并提供必要的证明材料。我们将对反映人的信息严格保密。",
                StartsOn = Infrastructure.ChinaTime.Today(clock),
            };
            var end = form.StartsOn is { } s && form.WorkingDays is >= 1 and <= 30 ? Domain.WorkingDays.PeriodText(s, Domain.WorkingDays.End(s, form.WorkingDays.Value)) : null;
            return new AnnouncementViewModel(selection.Id, selection.Title, selection.FinishedAt is not null, form, end, null, [], []);
        }

        var objections = await db.Objections.AsNoTracking().Where(o => o.AnnouncementId == a.Id).OrderBy(o => o.Id)
            .Select(o => new ObjectionRow(o.Id, o.Reference, o.Name, o.Nomination != null ? o.Nomination.Name : WholeResult, o.SubmittedAt, o.Outcome))
            .ToListAsync(cancellationToken);
        var status = new AnnouncementStatusView(a.Title, Domain.WorkingDays.PeriodText(a.StartsOn, a.EndsOn), a.EndsAt, clock.GetUtcNow() >= a.EndsAt, a.FinalisedAt,
            a.ResultPublishedAt, a.ContactName, a.ContactPhone);
        return new AnnouncementViewModel(selection.Id, selection.Title, true, new AnnouncementInput(), null, status, await CandidatesAsync(a.Id, cancellationToken), objections);
    }

    public async Task<ObjectionViewModel> ObjectionAsync(Selection selection, Objection o, HandlingInput? input, CancellationToken cancellationToken)
    {
        var finalised = await db.Announcements.AnyAsync(a => a.Id == o.AnnouncementId && a.FinalisedAt != null, cancellationToken);
        return new ObjectionViewModel(selection.Id, selection.Title, o.Id, o.Reference, o.Name, o.Unit, o.Phone, o.Nomination?.Name ?? WholeResult, o.NominationId is not null,
            o.Grounds, o.File?.OriginalName, o.SubmittedAt, o.Outcome, o.Handling, o.HandledAt, o.HandledBy, finalised,
            input ?? new HandlingInput { Outcome = o.Outcome, Handling = o.Handling ?? string.Empty });
    }

    /// <summary>The newest 公示 and result publications, for the public front page and notice list.</summary>
    public async Task<IReadOnlyList<PublicAnnouncementRow>> LatestAsync(int take, CancellationToken cancellationToken)
    {
        var rows = await db.Announcements.AsNoTracking().OrderByDescending(a => a.Id).Take(take)
            .Select(a => new
            {
                a.SelectionId,
                a.Title,
                Selection = db.Selections.Where(s => s.Id == a.SelectionId).Select(s => s.Title).Single(),
                Issuer = db.Organisations.Where(o => o.Id == a.OrganisationId).Select(o => o.Name).Single(),
                a.PublishedAt,
                a.ResultPublishedAt,
                a.StartsOn,
                a.EndsOn,
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => r.ResultPublishedAt is { } at
            ? new PublicAnnouncementRow(r.SelectionId, ResultTitle(r.Selection), r.Issuer, at, true, null)
            : new PublicAnnouncementRow(r.SelectionId, r.Title, r.Issuer, r.PublishedAt, false, Domain.WorkingDays.PeriodText(r.StartsOn, r.EndsOn)))];
    }

    /// <summary>A candidate's photo: public once the result is published (the organiser sees it before through <see cref="OwnPhotoAsync"/>).</summary>
    public Task<StoredFile?> PublicPhotoAsync(int selectionId, Guid fileId, CancellationToken cancellationToken) =>
        db.AnnouncementEntries.AsNoTracking().Where(e => e.PhotoFileId == fileId && e.Photo != null
                && db.Announcements.Any(a => a.Id == e.AnnouncementId && a.SelectionId == selectionId && a.ResultPublishedAt != null))
            .Select(e => e.Photo).FirstOrDefaultAsync(cancellationToken);

    public Task<StoredFile?> OwnPhotoAsync(int selectionId, Guid fileId, CancellationToken cancellationToken) =>
        db.AnnouncementEntries.AsNoTracking().Where(e => e.PhotoFileId == fileId && db.Announcements.Any(a => a.Id == e.AnnouncementId && a.SelectionId == selectionId))
            .Select(e => e.Photo).FirstOrDefaultAsync(cancellationToken);

    private Task<Head?> HeadAsync(int selectionId, CancellationToken cancellationToken) =>
        db.Announcements.AsNoTracking().Where(a => a.SelectionId == selectionId)
            .Select(a => new Head(a.Id, db.Selections.Where(s => s.Id == a.SelectionId).Select(s => s.Title).Single(), a.Title, a.Body,
                db.Organisations.Where(o => o.Id == a.OrganisationId).Select(o => o.Name).Single(), a.StartsOn, a.EndsOn, a.StartsAt, a.EndsAt, a.PublishedAt,
                a.FinalisedAt, a.ResultPublishedAt, a.ContactName, a.ContactPhone))
            .SingleOrDefaultAsync(cancellationToken);

    private async Task<IReadOnlyList<PublicCandidateRow>> CandidatesAsync(int announcementId, CancellationToken cancellationToken) =>
        await db.AnnouncementEntries.AsNoTracking().Where(e => e.AnnouncementId == announcementId)
            .OrderBy(e => e.Nomination!.Group!.Order).ThenBy(e => e.Id)
            .Select(e => new PublicCandidateRow(e.Id, e.NominationId, e.Nomination!.Name, e.Nomination.Gender, e.Nomination.CandidateOrganisation, e.Nomination.Title,
                e.Nomination.Group!.Name, e.Citation, e.IsWinner, e.IsPutForward, e.PhotoFileId, e.Removed))
            .ToListAsync(cancellationToken);

    private sealed record Head(
        int Id, string Selection, string Title, string Body, string Issuer, DateOnly StartsOn, DateOnly EndsOn, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
        DateTimeOffset PublishedAt, DateTimeOffset? FinalisedAt, DateTimeOffset? ResultPublishedAt, string ContactName, string ContactPhone);
}
