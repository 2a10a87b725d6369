using System.Globalization;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Activities;

public sealed record SubVenueFormViewModel(int MainEventId, string EventTitle, DateOnly EventDate, string EventVenue, int CampaignId, string CampaignTitle, SubVenueRow? Existing, SubVenueInput Input);

/// <summary>
/// A participant's sub-venue (分会场) for a main event of a campaign it takes part in: one per unit and main event.
/// A main event of a campaign the unit does not take part in is "not found".
/// </summary>
public sealed class SubVenueService(AppDbContext db, CurrentUser currentUser, AuditLog audit, TimeProvider clock)
{
    private sealed record EventInfo(int Id, string Title, DateOnly Date, string Venue, int CampaignId, string CampaignTitle, CampaignStatus Status);

    public async Task<SubVenueFormViewModel?> FormAsync(int mainEventId, SubVenueInput? input, CancellationToken cancellationToken)
    {
        if (await EventAsync(mainEventId, cancellationToken) is not { } e)
        {
            return null;
        }

        var own = (await currentUser.GetOrganisationAsync(cancellationToken)).Id;
        var existing = await db.SubVenues.AsNoTracking().Where(v => v.MainEventId == mainEventId && v.OrganisationId == own)
            .Select(v => new SubVenueRow(v.Id, v.MainEventId, v.Organisation!.Name, v.Place, v.Connection, v.ExpectedAttendees, v.ActualAttendees, v.Status, v.Contact))
            .SingleOrDefaultAsync(cancellationToken);
        input ??= existing is null ? new SubVenueInput() : new SubVenueInput
        {
            Place = existing.Place,
            ExpectedAttendees = existing.ExpectedAttendees,
            Connection = existing.Connection,
            Contact = existing.Contact,
        };
        return new SubVenueFormViewModel(e.Id, e.Title, e.Date, e.Venue, e.CampaignId, e.CampaignTitle, existing, input);
    }

    public async Task<CommandResult> SaveAsync(int mainEventId, SubVenueInput input, CancellationToken cancellationToken)
    {
        if (await EventAsync(mainEventId, cancellationToken) is not { } e)
        {
            return CommandResult.NotFound;
        }

        EnsureOpen(e);
        var own = (await currentUser.GetOrganisationAsync(cancellationToken)).Id;
        var now = clock.GetUtcNow();
        var venue = await db.SubVenues.SingleOrDefaultAsync(v => v.MainEventId == mainEventId && v.OrganisationId == own, cancellationToken);
        if (venue is null)
        {
            venue = new SubVenue(mainEventId, own, input.Place!, input.ExpectedAttendees, input.Connection, input.Contact, now);
            db.SubVenues.Add(venue);
        }
        else
        {
            venue.Describe(input.Place!, input.ExpectedAttendees, input.Connection, input.Contact, now);
            if (venue.Status == SubVenueStatus.Cancelled)
            {
                venue.Reregister(now);
            }
        }

        audit.Record(AuditAction.SubVenueSaved, nameof(SubVenue), mainEventId.ToString(CultureInfo.InvariantCulture),
            $"登记“{e.Title}”分会场：{venue.Place}（{venue.Connection.ToChinese()}）", subjectOrganisationId: own);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two staff of the unit registered at once: the unique index kept one; the other edits it next time.
            throw new DomainException("本单位已登记过该主会场的分会场，请刷新页面后修改。");
        }

        return CommandResult.Ok(venue.Id);
    }

    public async Task<CommandResult> SetStatusAsync(int mainEventId, SubVenueStatus? status, int? actualAttendees, CancellationToken cancellationToken)
    {
        if (await EventAsync(mainEventId, cancellationToken) is not { } e)
        {
            return CommandResult.NotFound;
        }

        var own = (await currentUser.GetOrganisationAsync(cancellationToken)).Id;
        var venue = await db.SubVenues.SingleOrDefaultAsync(v => v.MainEventId == mainEventId && v.OrganisationId == own, cancellationToken);
        if (venue is null)
        {
            return CommandResult.NotFound;
        }

        // Checked after access, so that someone without the right learns nothing from the answer.
        if (status is null || !Enum.IsDefined(status.Value))
        {
            return CommandResult.Invalid("status", "请选择分会场的状态。");
        }

        EnsureOpen(e);

        var now = clock.GetUtcNow();
        switch (status)
        {
            case SubVenueStatus.Held:
                venue.MarkHeld(actualAttendees, now);
                break;
            case SubVenueStatus.Cancelled:
                venue.Cancel(now);
                break;
            default:
                venue.Reregister(now);
                break;
        }

        audit.Record(AuditAction.SubVenueSaved, nameof(SubVenue), mainEventId.ToString(CultureInfo.InvariantCulture),
            $"“{e.Title}”分会场状态改为{status.Value.ToChinese()}", subjectOrganisationId: own);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok(venue.Id);
    }

    private async Task<EventInfo?> EventAsync(int mainEventId, CancellationToken cancellationToken)
    {
        var own = (await currentUser.GetOrganisationAsync(cancellationToken)).Id;
        return await db.MainEvents.AsNoTracking().Where(x => x.Id == mainEventId)
            .Join(db.Campaigns, x => x.CampaignId, c => c.Id, (x, c) => new { x, c })
            .Where(j => j.c.Status != CampaignStatus.Draft && j.c.Participants.Any(p => p.OrganisationId == own))
            .Select(j => new EventInfo(j.x.Id, j.x.Title, j.x.Date, j.x.Venue, j.c.Id, j.c.Title, j.c.Status))
            .SingleOrDefaultAsync(cancellationToken);
    }

    private static void EnsureOpen(EventInfo e)
    {
        if (e.Status != CampaignStatus.Published)
        {
            throw new DomainException("活动已结束，不能再登记或修改分会场。");
        }
    }
}
