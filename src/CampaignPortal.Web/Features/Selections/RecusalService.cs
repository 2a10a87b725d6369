using System.Globalization;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Selections;

/// <summary>
/// 回避: an expert on a round's panel declares a conflict of interest with one of their candidates. It holds for the whole
/// selection, cannot be withdrawn, removes the expert's marks on that candidate in rounds still open, and is audited.
/// The organiser sees every recusal of their selection.
/// </summary>
public sealed partial class RecusalService(AppDbContext db, CurrentUser user, SelectionService selections, AuditLog audit, TimeProvider clock, ILogger<RecusalService> logger)
{
    private string UserId => user.UserId ?? string.Empty;

    /// <summary>The form's facts, if the user sits on the round (not a meeting) and the candidate is theirs and not yet recused.</summary>
    public async Task<RecusalFormViewModel?> FormAsync(int roundId, int nominationId, RecusalInput input, CancellationToken cancellationToken)
    {
        var me = UserId;
        var seat = await db.SelectionRounds.Where(r => r.Id == roundId && r.Kind != RoundKind.Meeting && r.Panel.Any(p => p.Expert!.UserId == me))
            .Select(r => new { r.SelectionId, r.Number, r.Name, r.Kind, r.Panel.Where(p => p.Expert!.UserId == me).Select(p => p.Expert!).First().GroupId })
            .FirstOrDefaultAsync(cancellationToken);
        if (seat is null)
        {
            return null;
        }

        var candidate = await db.RoundCandidates.Where(c => c.RoundId == roundId && c.NominationId == nominationId && (seat.GroupId == null || c.GroupId == seat.GroupId))
            .Select(c => new { c.Nomination!.Name, c.Nomination.CandidateOrganisation, By = c.Nomination.Organisation!.Name }).SingleOrDefaultAsync(cancellationToken);
        if (candidate is null || await db.SelectionRecusals.AnyAsync(r => r.SelectionId == seat.SelectionId && r.ExpertUserId == me && r.NominationId == nominationId, cancellationToken))
        {
            return null;
        }

        var selection = await db.Selections.Where(s => s.Id == seat.SelectionId).Select(s => s.Title).SingleAsync(cancellationToken);
        return new RecusalFormViewModel(roundId, seat.SelectionId, selection, seat.Number, seat.Name, seat.Kind, nominationId, candidate.Name, candidate.CandidateOrganisation, candidate.By, input);
    }

    public async Task<CommandResult> DeclareAsync(int roundId, int nominationId, RecusalInput input, CancellationToken cancellationToken)
    {
        if (await FormAsync(roundId, nominationId, input, cancellationToken) is not { } form)
        {
            return CommandResult.NotFound;
        }

        var round = await db.SelectionRounds.SingleAsync(r => r.Id == roundId, cancellationToken);
        if (round.Status != RoundStatus.Open)
        {
            throw new DomainException("本轮评审已经结束，不能再声明回避。");
        }

        if (input.Reason is not { } reason || !Enum.IsDefined(reason))
        {
            return CommandResult.Invalid("Reason", "请选择回避原因。");
        }

        var note = FormText.Clean(input.Note ?? string.Empty);
        if (reason == RecusalReason.Other && note.Length == 0)
        {
            return CommandResult.Invalid("Note", "选择“其他”时请说明回避原因。");
        }

        if (note.Length > Schema.MediumText)
        {
            return CommandResult.Invalid("Note", $"说明不能超过 {Schema.MediumText} 个字。");
        }

        var me = UserId;
        var now = clock.GetUtcNow();
        var recusal = new SelectionRecusal(form.SelectionId, nominationId, me, reason, note, now);
        db.SelectionRecusals.Add(recusal);

        // Marks already given in rounds still open no longer count: they are removed (closed rounds keep their result).
        var open = db.SelectionRounds.Where(r => r.SelectionId == form.SelectionId && r.Status == RoundStatus.Open).Select(r => r.Id);
        db.SelectionVotes.RemoveRange(await db.SelectionVotes.Where(v => open.Contains(v.RoundId) && v.ExpertUserId == me && v.NominationId == nominationId).ToListAsync(cancellationToken));
        db.SelectionScores.RemoveRange(await db.SelectionScores.Where(v => open.Contains(v.RoundId) && v.ExpertUserId == me && v.NominationId == nominationId).ToListAsync(cancellationToken));
        var organisation = await db.Selections.Where(s => s.Id == form.SelectionId).Select(s => s.OrganisationId).SingleAsync(cancellationToken);
        audit.Record(AuditAction.RecusalDeclared, nameof(Selection), form.SelectionId.ToString(CultureInfo.InvariantCulture),
            $"{form.Selection}：评审专家声明回避候选人{form.Candidate}（{recusal.ReasonText}）", subjectOrganisationId: organisation);
        await db.SaveChangesAsync(cancellationToken);
        LogRecused(logger, form.SelectionId, nominationId);
        return CommandResult.Ok(roundId);
    }

    /// <summary>The organiser's list: who recused from whom, why and when (null if not their selection).</summary>
    public async Task<RecusalListViewModel?> ListAsync(int selectionId, CancellationToken cancellationToken)
    {
        if (await selections.OwnAsync(selectionId, cancellationToken) is not { } selection)
        {
            return null;
        }

        var rows = await db.SelectionRecusals.AsNoTracking().Where(r => r.SelectionId == selectionId).OrderBy(r => r.DeclaredAt)
            .Join(db.Nominations, r => r.NominationId, n => n.Id, (r, n) => new { r, Candidate = n.Name, Group = n.Group!.Name })
            .Join(db.Users, x => x.r.ExpertUserId, u => u.Id, (x, u) => new { x.r.Reason, x.r.Note, x.r.DeclaredAt, x.Candidate, x.Group, Expert = u.DisplayName, Organisation = u.Organisation!.Name })
            .ToListAsync(cancellationToken);
        return new RecusalListViewModel(selectionId, selection.Title,
            [.. rows.Select(r => new RecusalRow(r.Expert, r.Organisation, r.Candidate, r.Group, r.Reason.ToChinese(), r.Note, r.DeclaredAt))]);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recusal declared in selection {SelectionId} for nomination {NominationId}")]
    private static partial void LogRecused(ILogger logger, int selectionId, int nominationId);
}

public sealed class RecusalInput
{
    public RecusalReason? Reason { get; set; }

    public string? Note { get; set; }
}

public sealed record RecusalFormViewModel(int RoundId, int SelectionId, string Selection, int Number, string RoundName, RoundKind Kind, int NominationId, string Candidate,
    string CandidateOrganisation, string NominatedBy, RecusalInput Input);

public sealed record RecusalRow(string Expert, string Organisation, string Candidate, string Group, string Reason, string? Note, DateTimeOffset DeclaredAt);

public sealed record RecusalListViewModel(int SelectionId, string Selection, IReadOnlyList<RecusalRow> Rows);
