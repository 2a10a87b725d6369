using System.Globalization;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Selections;

/// <summary>
/// The organiser's side of a selection: set-up, groups, experts, eligibility check and the final result. Everything is
/// scoped to selections of the organiser's own organisation; another's answers null (404).
/// </summary>
public sealed partial class SelectionService(AppDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock, ILogger<SelectionService> logger)
{
    private bool IsOrganiser => user.IsInRole(Roles.Organiser);

    private int OrganisationId => user.Principal.OrganisationId() ?? 0;

    /// <summary>The selection if the user organises it, with its groups.</summary>
    public async Task<Selection?> OwnAsync(int id, CancellationToken cancellationToken) =>
        IsOrganiser ? await db.Selections.Include(s => s.Groups).SingleOrDefaultAsync(s => s.Id == id && s.OrganisationId == OrganisationId, cancellationToken) : null;

    /// <summary>The selections the user organises, as a query to compose into another (an empty one for anyone else).</summary>
    public IQueryable<Selection> Owned()
    {
        var organisation = OrganisationId;
        return IsOrganiser ? db.Selections.Where(s => s.OrganisationId == organisation) : db.Selections.Where(s => false);
    }

    public async Task<string?> OwnCampaignTitleAsync(int campaignId, CancellationToken cancellationToken) =>
        IsOrganiser ? await db.Campaigns.Where(c => c.Id == campaignId && c.OrganisationId == OrganisationId).Select(c => c.Title).SingleOrDefaultAsync(cancellationToken) : null;

    public async Task<IReadOnlyList<SelectionRow>> ListAsync(CancellationToken cancellationToken, int? campaignId = null) =>
        IsOrganiser
            ? await db.Selections.AsNoTracking().Where(s => s.OrganisationId == OrganisationId && (campaignId == null || s.CampaignId == campaignId)).OrderByDescending(s => s.CreatedAt)
                .Select(s => new SelectionRow(s.Id, s.Title, db.Campaigns.Where(c => c.Id == s.CampaignId).Select(c => c.Title).Single(), s.NominationOpens, s.NominationCloses,
                    db.Nominations.Count(n => n.SelectionId == s.Id && n.Status != NominationStatus.Draft), s.FinishedAt != null))
                .ToListAsync(cancellationToken)
            : [];

    /// <summary>The organisation's campaigns, newest first, to create a selection under.</summary>
    public async Task<IReadOnlyList<GroupRow>> OwnCampaignsAsync(CancellationToken cancellationToken) =>
        IsOrganiser
            ? await db.Campaigns.AsNoTracking().Where(c => c.OrganisationId == OrganisationId && c.Status != CampaignStatus.Closed).OrderByDescending(c => c.Year).ThenByDescending(c => c.Id)
                .Select(c => new GroupRow(c.Id, c.Title)).Take(20).ToListAsync(cancellationToken)
            : [];

    public async Task<CommandResult> CreateAsync(int campaignId, SelectionInput input, CancellationToken cancellationToken)
    {
        if (await OwnCampaignTitleAsync(campaignId, cancellationToken) is null)
        {
            return CommandResult.NotFound;
        }

        var selection = new Selection(campaignId, OrganisationId, Details(input), clock.GetUtcNow());
        foreach (var name in input.GroupNames())
        {
            selection.AddGroup(name);
        }

        db.Selections.Add(selection);
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(AuditAction.SelectionCreated, nameof(Selection), selection.Id.ToString(CultureInfo.InvariantCulture), selection.Title, subjectOrganisationId: OrganisationId, cancellationToken: cancellationToken);
        LogSaved(logger, selection.Id, campaignId);
        return CommandResult.Ok(selection.Id);
    }

    public async Task<CommandResult> UpdateAsync(int id, SelectionInput input, CancellationToken cancellationToken)
    {
        if (await OwnAsync(id, cancellationToken) is not { } selection)
        {
            return CommandResult.NotFound;
        }

        selection.Describe(Details(input));
        foreach (var name in input.GroupNames().Where(n => selection.Groups.All(g => g.Name != n)))
        {
            selection.AddGroup(name);
        }

        audit.Record(AuditAction.SelectionUpdated, nameof(Selection), id.ToString(CultureInfo.InvariantCulture), selection.Title, subjectOrganisationId: OrganisationId);
        await db.SaveChangesAsync(cancellationToken);
        LogSaved(logger, id, selection.CampaignId);
        return CommandResult.Ok(id);
    }

    /// <summary>评审专家: any active account, whatever its organisation, found by its e-mail; optionally for one group.</summary>
    public async Task<CommandResult> GrantExpertAsync(int id, string? email, int? groupId, CancellationToken cancellationToken)
    {
        if (await OwnAsync(id, cancellationToken) is not { } selection)
        {
            return CommandResult.NotFound;
        }

        var normalised = (email ?? string.Empty).Trim().ToUpperInvariant();
        var expert = normalised.Length == 0 ? null : await db.Users.Where(u => u.NormalizedEmail == normalised).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(cancellationToken);
        if (expert is null)
        {
            return CommandResult.Invalid("email", "没有找到这个电子邮箱对应的账号，请先请系统管理员为专家开设账号。");
        }

        if (groupId is { } g && selection.Groups.All(x => x.Id != g))
        {
            return CommandResult.Invalid("groupId", "请选择本评选的学科组。");
        }

        if (await db.SelectionExperts.AnyAsync(e => e.SelectionId == id && e.UserId == expert.Id, cancellationToken))
        {
            return CommandResult.Invalid("email", $"{expert.DisplayName}已是本评选的评审专家。");
        }

        db.SelectionExperts.Add(new SelectionExpert(id, expert.Id, groupId, clock.GetUtcNow()));
        audit.Record(AuditAction.ExpertGranted, nameof(Selection), id.ToString(CultureInfo.InvariantCulture), $"{expert.DisplayName}（{email!.Trim()}）", subjectOrganisationId: OrganisationId);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok(id);
    }

    /// <summary>资格审查: pass, or reject with a reason the nominating unit sees.</summary>
    public async Task<CommandResult> CheckAsync(int id, int nominationId, bool pass, string? reason, CancellationToken cancellationToken)
    {
        if (await OwnAsync(id, cancellationToken) is null
            || await db.Nominations.SingleOrDefaultAsync(n => n.Id == nominationId && n.SelectionId == id && n.Status != NominationStatus.Draft, cancellationToken) is not { } nomination)
        {
            return CommandResult.NotFound;
        }

        if (await db.RoundCandidates.AnyAsync(c => c.NominationId == nominationId, cancellationToken))
        {
            throw new DomainException("候选人已进入评审轮次，不能再改变资格审查结果。");
        }

        if (!pass && string.IsNullOrWhiteSpace(reason))
        {
            return CommandResult.Invalid("reason", "请填写不通过的原因，推荐单位会看到。");
        }

        if (pass)
        {
            nomination.Pass(clock.GetUtcNow());
        }
        else
        {
            nomination.Reject(reason!, clock.GetUtcNow());
        }

        audit.Record(AuditAction.NominationChecked, nameof(Nomination), nominationId.ToString(CultureInfo.InvariantCulture),
            $"{nomination.Name}：{(pass ? "通过" : "不通过，" + nomination.RejectionReason)}", subjectOrganisationId: nomination.OrganisationId);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok(id);
    }

    /// <summary>最终结果: winners and, separately, those put forward to the next level, from who advanced in the last round.</summary>
    public async Task<CommandResult> FinishAsync(int id, IReadOnlySet<int> winners, IReadOnlySet<int> putForward, CancellationToken cancellationToken)
    {
        if (await OwnAsync(id, cancellationToken) is not { } selection)
        {
            return CommandResult.NotFound;
        }

        var last = await db.SelectionRounds.Where(r => r.SelectionId == id).OrderByDescending(r => r.Number).FirstOrDefaultAsync(cancellationToken);
        if (last is null || last.Status != RoundStatus.Closed)
        {
            throw new DomainException("请先结束最后一轮评审，再确定评选结果。");
        }

        if (winners.Count == 0)
        {
            return CommandResult.Invalid("winners", "请至少选择一位当选者。");
        }

        var finalists = await db.RoundCandidates.Where(c => c.RoundId == last.Id && c.Advances).Select(c => c.NominationId).ToListAsync(cancellationToken);
        if (!winners.Concat(putForward).All(finalists.Contains))
        {
            return CommandResult.Invalid("winners", "只能从最后一轮入选的候选人中确定结果。");
        }

        selection.Finish(clock.GetUtcNow());
        var nominations = await db.Nominations.Where(n => finalists.Contains(n.Id)).ToListAsync(cancellationToken);
        foreach (var nomination in nominations)
        {
            nomination.SetResult(winners.Contains(nomination.Id), putForward.Contains(nomination.Id));
        }

        audit.Record(AuditAction.SelectionFinished, nameof(Selection), id.ToString(CultureInfo.InvariantCulture), $"当选 {winners.Count} 人，向上级推荐 {putForward.Count} 人", subjectOrganisationId: OrganisationId);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok(id);
    }

    private static SelectionDetails Details(SelectionInput input) =>
        new(input.Title, input.Description, input.Eligibility, input.NominationOpens!.Value, input.NominationCloses!.Value, input.QuotaPerUnit!.Value);

    [LoggerMessage(Level = LogLevel.Information, Message = "Selection {SelectionId} of campaign {CampaignId} saved")]
    private static partial void LogSaved(ILogger logger, int selectionId, int campaignId);
}

public sealed record SelectionRow(int Id, string Title, string Campaign, DateOnly Opens, DateOnly Closes, int Nominations, bool Finished);
