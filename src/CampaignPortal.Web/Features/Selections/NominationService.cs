using System.Globalization;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Selections;

/// <summary>
/// A unit's nominations (推荐): its filers, in selections of campaigns the unit takes part in, within the window and
/// the quota. Drafts are saved as they go; submitting counts against the quota; withdrawing is possible until the
/// window closes, before the eligibility check.
/// </summary>
public sealed partial class NominationService(AppDbContext db, CurrentUser user, AuditLog audit, RichText richText, TimeProvider clock, ILogger<NominationService> logger)
{
    private int OrganisationId => user.Principal.OrganisationId() ?? 0;

    /// <summary>The selection if the user's unit may nominate to it (a filer of a participating unit).</summary>
    public async Task<Selection?> UnitSelectionAsync(int selectionId, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.Filer))
        {
            return null;
        }

        var unit = OrganisationId;
        return await db.Selections.Include(s => s.Groups)
            .SingleOrDefaultAsync(s => s.Id == selectionId && db.Participants.Any(p => p.CampaignId == s.CampaignId && p.OrganisationId == unit), cancellationToken);
    }

    /// <summary>The selections open to the user's unit, for the filer's list.</summary>
    public async Task<IReadOnlyList<UnitSelectionRow>> OpenToUnitAsync(CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.Filer))
        {
            return [];
        }

        var unit = OrganisationId;
        return await db.Selections.AsNoTracking().Where(s => db.Participants.Any(p => p.CampaignId == s.CampaignId && p.OrganisationId == unit))
            .OrderByDescending(s => s.NominationCloses)
            .Select(s => new UnitSelectionRow(s.Id, s.Title, s.NominationOpens, s.NominationCloses, s.QuotaPerUnit,
                db.Nominations.Count(n => n.SelectionId == s.Id && n.OrganisationId == unit && n.Status != NominationStatus.Draft)))
            .ToListAsync(cancellationToken);
    }

    public async Task<Nomination?> OwnAsync(int nominationId, CancellationToken cancellationToken)
    {
        var unit = OrganisationId;
        var nomination = await db.Nominations.SingleOrDefaultAsync(n => n.Id == nominationId && n.OrganisationId == unit, cancellationToken);
        return nomination is not null && await UnitSelectionAsync(nomination.SelectionId, cancellationToken) is not null ? nomination : null;
    }

    public async Task<int> SubmittedCountAsync(int selectionId, CancellationToken cancellationToken)
    {
        var unit = OrganisationId;
        return await db.Nominations.CountAsync(n => n.SelectionId == selectionId && n.OrganisationId == unit && n.Status != NominationStatus.Draft, cancellationToken);
    }

    /// <summary>Saves a new or draft nomination, and submits it when <paramref name="submit"/>.</summary>
    public async Task<CommandResult> SaveAsync(int selectionId, int? nominationId, NominationInput input, bool submit, CancellationToken cancellationToken)
    {
        if (await UnitSelectionAsync(selectionId, cancellationToken) is not { } selection)
        {
            return CommandResult.NotFound;
        }

        var nomination = nominationId is { } id ? await OwnAsync(id, cancellationToken) : null;
        if (nominationId is not null && (nomination is null || nomination.SelectionId != selectionId))
        {
            return CommandResult.NotFound;
        }

        var today = ChinaTime.Today(clock);
        if (!selection.IsNominationOpen(today))
        {
            throw new DomainException(today < selection.NominationOpens
                ? $"推荐将于{selection.NominationOpens.Year}年{selection.NominationOpens.Month}月{selection.NominationOpens.Day}日开始。"
                : "推荐已截止，不能再推荐或修改。");
        }

        if (selection.Groups.All(g => g.Id != input.GroupId))
        {
            return CommandResult.Invalid(nameof(NominationInput.GroupId), "请选择学科组。");
        }

        var achievements = richText.Sanitise(input.Achievements);
        if (RichText.IsTooLarge(achievements))
        {
            return CommandResult.Invalid(nameof(NominationInput.Achievements), "主要事迹过长，请精简后再保存。");
        }

        var details = new CandidateDetails(input.Name, input.Gender!.Value, input.BirthYear!.Value, input.CandidateOrganisation, input.Title, input.GroupId!.Value,
            achievements.Length == 0 ? null : achievements, input.UnitOpinion);
        var now = clock.GetUtcNow();
        if (nomination is null)
        {
            nomination = new Nomination(selectionId, OrganisationId, details, now);
            db.Nominations.Add(nomination);
        }
        else
        {
            nomination.Describe(details, now);
        }

        if (submit)
        {
            if (string.IsNullOrWhiteSpace(nomination.Achievements))
            {
                return CommandResult.Invalid(nameof(NominationInput.Achievements), "请填写主要事迹后再提交。");
            }

            if (string.IsNullOrWhiteSpace(nomination.UnitOpinion))
            {
                return CommandResult.Invalid(nameof(NominationInput.UnitOpinion), "请填写推荐单位意见后再提交。");
            }

            if (await SubmittedCountAsync(selectionId, cancellationToken) >= selection.QuotaPerUnit)
            {
                return CommandResult.Invalid(nameof(NominationInput.Name), $"本单位的推荐名额为 {selection.QuotaPerUnit} 名，已经用完；可先保存为草稿，或撤回已推荐的人选。");
            }

            nomination.Submit(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        audit.Record(submit ? AuditAction.NominationSubmitted : AuditAction.NominationSaved, nameof(Nomination), nomination.Id.ToString(CultureInfo.InvariantCulture), nomination.Name, subjectOrganisationId: selection.OrganisationId);
        await db.SaveChangesAsync(cancellationToken);
        LogSaved(logger, nomination.Id, selectionId, nomination.Status);
        return CommandResult.Ok(nomination.Id);
    }

    public async Task<CommandResult> WithdrawAsync(int nominationId, CancellationToken cancellationToken)
    {
        if (await OwnAsync(nominationId, cancellationToken) is not { } nomination)
        {
            return CommandResult.NotFound;
        }

        var selection = await db.Selections.SingleAsync(s => s.Id == nomination.SelectionId, cancellationToken);
        if (!selection.IsNominationOpen(ChinaTime.Today(clock)))
        {
            throw new DomainException("推荐已截止，不能再撤回。");
        }

        nomination.Withdraw(clock.GetUtcNow());
        audit.Record(AuditAction.NominationWithdrawn, nameof(Nomination), nominationId.ToString(CultureInfo.InvariantCulture), nomination.Name, subjectOrganisationId: selection.OrganisationId);
        await db.SaveChangesAsync(cancellationToken);
        LogSaved(logger, nominationId, selection.Id, nomination.Status);
        return CommandResult.Ok(nominationId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Nomination {NominationId} in selection {SelectionId} saved as {Status}")]
    private static partial void LogSaved(ILogger logger, int nominationId, int selectionId, NominationStatus status);
}

public sealed record UnitSelectionRow(int Id, string Title, DateOnly Opens, DateOnly Closes, int Quota, int Submitted);
