using System.Globalization;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Infrastructure.Files;
using CampaignPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Activities;

public sealed record CategoryOption(int Id, string Name);

/// <summary>A campaign as seen by a unit that registers activities in it (a participant, or the owner itself).</summary>
public sealed record UnitCampaign(
    int Id, string Title, int OwnerId, CampaignStatus Status, DateOnly? PeriodStart, DateOnly? PeriodEnd, IReadOnlyList<CategoryOption> Categories,
    bool IsOwner, bool ReportApproved = false)
{
    /// <summary>Activities can change while the campaign runs and until the unit's report to it is approved.</summary>
    public bool IsOpen => Status == CampaignStatus.Published && !ReportApproved;
}

public sealed record ActivityRow(
    int Id, string Title, string? Category, ActivityKind Kind, ActivityForm Form, DateOnly StartDate, DateOnly EndDate, ActivityStatus Status,
    int? ExpectedParticipants, int? ActualParticipants, string Organisation, int MediaCount);

public sealed record MainEventRow(int Id, string Title, DateOnly Date, string Venue, SubVenueRow? Own, int SubVenueCount);

public sealed record SubVenueRow(
    int Id, int MainEventId, string Organisation, string Place, SubVenueConnection Connection, int? ExpectedAttendees, int? ActualAttendees,
    SubVenueStatus Status, string? Contact);

public sealed record MyActivitiesViewModel(UnitCampaign Campaign, IReadOnlyList<ActivityRow> Activities, IReadOnlyList<MainEventRow> MainEvents);

public sealed record ActivityFormViewModel(UnitCampaign Campaign, int? ActivityId, ActivityInput Input, IReadOnlyList<string> UnitNames);

public sealed record MediaView(int Id, MediaKind Kind, string Outlet, string? Title, DateOnly? Date, string? Link, string? PageOrSlot);

public sealed record PhotoView(Guid FileId, string? Caption, string FileName);

public sealed record ActivityDetailsViewModel(
    Activity Activity, string CampaignTitle, int CampaignId, string? Category, string Organisation, IReadOnlyList<MediaView> Media,
    IReadOnlyList<PhotoView> Photos, bool CanEdit, MediaInput MediaInput);

/// <summary>
/// A unit's own activities and sub-venues in the campaigns it takes part in. Another unit's activity, or a campaign
/// the unit does not take part in, is "not found"; a closed campaign is read-only (409).
/// </summary>
public sealed partial class ActivityService(
    AppDbContext db, CurrentUser currentUser, FileService files, AuditLog audit, TimeProvider clock, ILogger<ActivityService> logger)
{
    public async Task<UnitCampaign?> UnitCampaignAsync(int campaignId, CancellationToken cancellationToken)
    {
        var own = (await currentUser.GetOrganisationAsync(cancellationToken)).Id;
        var campaign = await db.Campaigns.AsNoTracking()
            .Where(c => c.Id == campaignId && c.Status != CampaignStatus.Draft
                && (c.OrganisationId == own || c.Participants.Any(p => p.OrganisationId == own)))
            .Select(c => new
            {
                c.Id,
                c.Title,
                c.OrganisationId,
                c.Status,
                c.PeriodStart,
                c.PeriodEnd,
                Approved = db.SummaryReports.Any(r => r.CampaignId == c.Id && r.OrganisationId == own && r.Status == ReportStatus.Approved),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var categories = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId).SelectMany(c => c.Categories)
            .OrderBy(x => x.Order).Select(x => new CategoryOption(x.Id, x.Name)).ToListAsync(cancellationToken);
        return new UnitCampaign(campaign.Id, campaign.Title, campaign.OrganisationId, campaign.Status, campaign.PeriodStart, campaign.PeriodEnd,
            categories, campaign.OrganisationId == own, campaign.Approved);
    }

    public async Task<MyActivitiesViewModel?> MineAsync(int campaignId, CancellationToken cancellationToken)
    {
        if (await UnitCampaignAsync(campaignId, cancellationToken) is not { } campaign)
        {
            return null;
        }

        var own = (await currentUser.GetOrganisationAsync(cancellationToken)).Id;
        var rows = await Rows(db.Activities.AsNoTracking().Where(a => a.CampaignId == campaignId && a.OrganisationId == own))
            .ToListAsync(cancellationToken);
        var events = await db.MainEvents.AsNoTracking().Where(e => e.CampaignId == campaignId).OrderBy(e => e.Date).ThenBy(e => e.Id)
            .Select(e => new MainEventRow(e.Id, e.Title, e.Date, e.Venue,
                db.SubVenues.Where(v => v.MainEventId == e.Id && v.OrganisationId == own)
                    .Select(v => new SubVenueRow(v.Id, v.MainEventId, v.Organisation!.Name, v.Place, v.Connection, v.ExpectedAttendees, v.ActualAttendees, v.Status, v.Contact))
                    .FirstOrDefault(),
                db.SubVenues.Count(v => v.MainEventId == e.Id && v.Status != SubVenueStatus.Cancelled)))
            .ToListAsync(cancellationToken);
        return new MyActivitiesViewModel(campaign, rows, events);
    }

    public async Task<ActivityFormViewModel?> FormAsync(int campaignId, int? activityId, ActivityInput? input, CancellationToken cancellationToken)
    {
        if (await UnitCampaignAsync(campaignId, cancellationToken) is not { } campaign)
        {
            return null;
        }

        if (input is null && activityId is { } id)
        {
            if (await FindOwnAsync(id, cancellationToken) is not { } a)
            {
                return null;
            }

            input = new ActivityInput
            {
                Title = a.Title,
                CategoryId = a.CategoryId,
                Kind = a.Kind,
                Form = a.Form,
                StartDate = a.StartDate,
                EndDate = a.EndDate,
                OutsidePeriod = a.OutsidePeriod,
                Venue = a.Venue,
                Address = a.Address,
                OnlineLink = a.OnlineLink,
                Organisers = a.Organisers,
                CoOrganisers = a.CoOrganisers,
                Audience = a.Audience,
                ExpectedParticipants = a.ExpectedParticipants,
                Description = a.Description,
                ContactName = a.ContactName,
                ContactPhone = a.ContactPhone,
                IsPublic = a.IsPublic,
            };
        }

        var scope = await currentUser.GetOrganisationAsync(cancellationToken);
        input ??= new ActivityInput { Organisers = scope.Name, StartDate = campaign.PeriodStart, EndDate = campaign.PeriodStart };

        // Suggestions for 主办/承办: the unit itself, its parent chain's campaign owner and its own subtree.
        var names = await db.Organisations.AsNoTracking().WithinSubtree(scope.Path).Where(o => o.IsActive)
            .OrderBy(o => o.Depth).ThenBy(o => o.Id).Select(o => o.Name).Take(200).ToListAsync(cancellationToken);
        return new ActivityFormViewModel(campaign, activityId, input, names);
    }

    public async Task<CommandResult> SaveAsync(int campaignId, int? activityId, ActivityInput input, CancellationToken cancellationToken)
    {
        if (await UnitCampaignAsync(campaignId, cancellationToken) is not { } campaign)
        {
            return CommandResult.NotFound;
        }

        Activity? activity = null;
        if (activityId is { } id && ((activity = await FindOwnAsync(id, cancellationToken)) is null || activity.CampaignId != campaignId))
        {
            return CommandResult.NotFound;
        }

        EnsureOpen(campaign);
        if (input.CategoryId is { } category && campaign.Categories.All(c => c.Id != category))
        {
            return CommandResult.Invalid(nameof(input.CategoryId), "所选活动板块不属于本活动，请重新选择。");
        }

        if (campaign.Categories.Count > 0 && input.CategoryId is null)
        {
            return CommandResult.Invalid(nameof(input.CategoryId), "请选择活动板块。");
        }

        var start = input.StartDate!.Value;
        var end = input.EndDate!.Value;
        if (!input.OutsidePeriod && campaign.PeriodStart is { } from && campaign.PeriodEnd is { } to && (start < from || end > to))
        {
            return CommandResult.Invalid(nameof(input.StartDate),
                $"活动日期不在本活动时间（{from:yyyy年M月d日}至{to:yyyy年M月d日}）内。如确需在此之外举办，请勾选“不在活动时间内举办”。");
        }

        var details = new ActivityDetails(input.Title, input.CategoryId, input.Kind, input.Form, start, end, input.OutsidePeriod, input.Venue,
            input.Address, input.OnlineLink, input.Organisers, input.CoOrganisers, input.Audience, input.ExpectedParticipants, input.Description,
            input.ContactName, input.ContactPhone, input.IsPublic);
        var now = clock.GetUtcNow();
        var own = (await currentUser.GetOrganisationAsync(cancellationToken)).Id;
        if (activity is null)
        {
            activity = new Activity(campaignId, own, details, now);
            db.Activities.Add(activity);
        }
        else
        {
            activity.Describe(details, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(activityId is null ? AuditAction.ActivityCreated : AuditAction.ActivityUpdated, nameof(Activity), Id(activity.Id),
            $"{(activityId is null ? "登记" : "修改")}活动“{activity.Title}”（{start:yyyy-MM-dd}）", subjectOrganisationId: own, cancellationToken: cancellationToken);
        LogActivity(logger, activityId is null ? "registered" : "updated", activity.Id);
        return CommandResult.Ok(activity.Id);
    }

    /// <summary>The activity if the user's unit registered it.</summary>
    public async Task<Activity?> FindOwnAsync(int id, CancellationToken cancellationToken)
    {
        var own = (await currentUser.GetOrganisationAsync(cancellationToken)).Id;
        return await db.Activities.Include(a => a.Media).Include(a => a.Photos).AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == id && a.OrganisationId == own, cancellationToken);
    }

    /// <summary>For the registering unit (editable) or organisers of the campaign's owner (read-only); otherwise null.</summary>
    public async Task<ActivityDetailsViewModel?> DetailsAsync(int id, MediaInput? mediaInput, CancellationToken cancellationToken)
    {
        var own = (await currentUser.GetOrganisationAsync(cancellationToken)).Id;
        var found = await db.Activities.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new
            {
                Activity = a,
                Campaign = db.Campaigns.Where(c => c.Id == a.CampaignId).Select(c => new { c.Title, c.OrganisationId, c.Status }).Single(),
                ReportApproved = db.SummaryReports.Any(r => r.CampaignId == a.CampaignId && r.OrganisationId == a.OrganisationId && r.Status == ReportStatus.Approved),
                Category = a.Category!.Name,
                Organisation = a.Organisation!.Name,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var isUnit = found.Activity.OrganisationId == own && (currentUser.IsInRole(Roles.Filer) || currentUser.IsInRole(Roles.Organiser));
        var isOwner = found.Campaign.OrganisationId == own && currentUser.IsInRole(Roles.Organiser);
        if (!isUnit && !isOwner)
        {
            return null;
        }

        var media = await db.Activities.AsNoTracking().Where(a => a.Id == id).SelectMany(a => a.Media).OrderBy(m => m.Date).ThenBy(m => m.Id)
            .Select(m => new MediaView(m.Id, m.Kind, m.Outlet, m.Title, m.Date, m.Link, m.PageOrSlot)).ToListAsync(cancellationToken);
        var photos = await db.Activities.AsNoTracking().Where(a => a.Id == id).SelectMany(a => a.Photos).OrderBy(p => p.Order)
            .Select(p => new PhotoView(p.StoredFileId, p.Caption, p.File!.OriginalName)).ToListAsync(cancellationToken);
        return new ActivityDetailsViewModel(found.Activity, found.Campaign.Title, found.Activity.CampaignId, found.Category, found.Organisation, media, photos,
            isUnit && found.Campaign.Status == CampaignStatus.Published && !found.ReportApproved, mediaInput ?? new MediaInput());
    }

    public Task<CommandResult> MarkHeldAsync(int id, int? actualParticipants, string? outcome, CancellationToken cancellationToken) =>
        ChangeAsync(id, a =>
        {
            if (actualParticipants is null or < 0 or > Activity.MaxParticipants)
            {
                return CommandResult.Invalid("actualParticipants", "请填写实际参与人数（0 到 10,000,000 之间）。");
            }

            if (outcome is { Length: > Schema.Description })
            {
                return CommandResult.Invalid("outcome", $"活动成效不能超过 {Schema.Description} 个字。");
            }

            a.MarkHeld(actualParticipants.Value, outcome, clock.GetUtcNow());
            return CommandResult.Ok(id);
        }, a => $"活动“{a.Title}”标记为已举办，实际参与 {a.ActualParticipants} 人", cancellationToken);

    public Task<CommandResult> CancelAsync(int id, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(id, a =>
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                return CommandResult.Invalid("reason", "请填写取消原因。");
            }

            a.Cancel(reason.Length > Schema.LongText ? reason[..Schema.LongText] : reason, clock.GetUtcNow());
            return CommandResult.Ok(id);
        }, a => $"取消活动“{a.Title}”：{a.CancellationReason}", cancellationToken);

    public Task<CommandResult> ReplanAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, a =>
        {
            a.Replan(clock.GetUtcNow());
            return CommandResult.Ok(id);
        }, a => $"活动“{a.Title}”恢复为计划中", cancellationToken);

    public Task<CommandResult> AddMediaAsync(int id, MediaInput input, CancellationToken cancellationToken) =>
        ChangeAsync(id, a =>
        {
            a.AddMedia(input.Kind, input.Outlet!, input.Title, input.Date, input.Link, input.PageOrSlot, clock.GetUtcNow());
            return CommandResult.Ok(id);
        }, a => $"活动“{a.Title}”添加媒体报道：{input.Outlet}", cancellationToken);

    public Task<CommandResult> RemoveMediaAsync(int id, int mediaId, CancellationToken cancellationToken) =>
        ChangeAsync(id, a => a.RemoveMedia(mediaId) ? CommandResult.Ok(id) : CommandResult.NotFound, a => $"活动“{a.Title}”删除一条媒体报道", cancellationToken);

    public async Task<CommandResult> AddPhotoAsync(int id, IFormFile? upload, string? caption, CancellationToken cancellationToken)
    {
        if (await FindOwnAsync(id, cancellationToken) is not { } activity || await UnitCampaignAsync(activity.CampaignId, cancellationToken) is not { } campaign)
        {
            return CommandResult.NotFound;
        }

        if (upload is null || upload.Length == 0)
        {
            return CommandResult.Invalid("file", "请选择要上传的照片。");
        }

        if (caption is { Length: > Schema.MediumText })
        {
            return CommandResult.Invalid("caption", $"照片说明不能超过 {Schema.MediumText} 个字。");
        }

        EnsureOpen(campaign);
        await using var stream = upload.OpenReadStream();
        var stored = await files.StorePhotoAsync(stream, upload.FileName, FileTypes.Photos, activity.OrganisationId, currentUser.UserId, cancellationToken);
        if (stored.Error is not null)
        {
            return CommandResult.Invalid("file", stored.Error);
        }

        activity.AddPhoto(stored.File!.Id, caption, clock.GetUtcNow());
        audit.Record(AuditAction.ActivityUpdated, nameof(Activity), Id(id), $"活动“{activity.Title}”上传照片“{stored.File.OriginalName}”", subjectOrganisationId: activity.OrganisationId);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok(id);
    }

    public Task<CommandResult> RemovePhotoAsync(int id, Guid fileId, CancellationToken cancellationToken) =>
        ChangeAsync(id, a => a.RemovePhoto(fileId) ? CommandResult.Ok(id) : CommandResult.NotFound, a => $"活动“{a.Title}”删除一张照片", cancellationToken);

    /// <summary>A photo for those who may see the activity, or anyone when it is in the campaign's public list.</summary>
    public async Task<StoredFile?> PhotoAsync(int id, Guid fileId, CancellationToken cancellationToken)
    {
        var isPublic = await db.Activities.AsNoTracking().AnyAsync(a => a.Id == id && a.IsPublic && a.Status == ActivityStatus.Held
            && db.Campaigns.Any(c => c.Id == a.CampaignId && c.ActivitiesPublic), cancellationToken);
        if (!isPublic && (currentUser.Principal.OrganisationId() is null || await DetailsAsync(id, null, cancellationToken) is null))
        {
            return null;
        }

        return await db.Activities.AsNoTracking().Where(a => a.Id == id).SelectMany(a => a.Photos).Where(p => p.StoredFileId == fileId)
            .Select(p => p.File!).SingleOrDefaultAsync(cancellationToken);
    }

    internal static IQueryable<ActivityRow> Rows(IQueryable<Activity> activities) =>
        activities.OrderBy(a => a.StartDate).ThenBy(a => a.Id)
            .Select(a => new ActivityRow(a.Id, a.Title, a.Category!.Name, a.Kind, a.Form, a.StartDate, a.EndDate, a.Status,
                a.ExpectedParticipants, a.ActualParticipants, a.Organisation!.Name, a.Media.Count));

    private async Task<CommandResult> ChangeAsync(int id, Func<Activity, CommandResult> change, Func<Activity, string> describe, CancellationToken cancellationToken)
    {
        // The unit's own activity, in a campaign it still takes part in (or owns).
        if (await FindOwnAsync(id, cancellationToken) is not { } activity || await UnitCampaignAsync(activity.CampaignId, cancellationToken) is not { } campaign)
        {
            return CommandResult.NotFound;
        }

        EnsureOpen(campaign);
        var result = change(activity);
        if (!result.Succeeded)
        {
            return result;
        }

        audit.Record(AuditAction.ActivityUpdated, nameof(Activity), Id(id), describe(activity), subjectOrganisationId: activity.OrganisationId);
        await db.SaveChangesAsync(cancellationToken);
        LogActivity(logger, "changed", id);
        return result;
    }

    private static void EnsureOpen(UnitCampaign campaign)
    {
        if (campaign.ReportApproved)
        {
            throw new DomainException("本单位的总结报告已审核通过，活动信息不能再登记或修改。如需修改，请联系活动组织单位重新打开报告。");
        }

        if (!campaign.IsOpen)
        {
            throw new DomainException("活动已结束，不能再登记或修改活动信息。");
        }
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity {ActivityId} {Change}")]
    private static partial void LogActivity(ILogger logger, string change, int activityId);
}
