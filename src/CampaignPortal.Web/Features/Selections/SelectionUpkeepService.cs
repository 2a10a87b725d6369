using System.Globalization;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Selections;

/// <summary>
/// The organiser's corrections while a selection runs: withdraw an expert, delete an unused discipline group, edit an
/// open round (name, due date, panel before the first vote), and record a meeting with its minutes (会议纪要).
/// Everything is scoped like <see cref="SelectionService.OwnAsync"/>: another organisation's ids answer NotFound.
/// </summary>
public sealed partial class SelectionUpkeepService(
    AppDbContext db, SelectionService selections, RoundService rounds, FileService files, AuditLog audit, TimeProvider clock, ILogger<SelectionUpkeepService> logger)
{
    /// <summary>会议纪要: PDF, Word, OFD or a scan (jpg, png), up to 50 MB.</summary>
    public static readonly IReadOnlyList<FileType> MinutesTypes =
        [.. FileTypes.Documents.Where(t => t.Extensions[0] is ".pdf" or ".doc" or ".docx" or ".wps" or ".ofd" or ".jpg" or ".png")];

    /// <summary>
    /// 取消聘请. Refused while the expert sits on a round that is not closed (their seat and votes would dangle), and
    /// once they have sat on any round (the panel is the record of who judged); a never-used grant is deleted.
    /// </summary>
    public async Task<CommandResult> RevokeExpertAsync(int selectionId, int expertId, CancellationToken cancellationToken)
    {
        if (await selections.OwnAsync(selectionId, cancellationToken) is not { } selection
            || await db.SelectionExperts.Include(e => e.User).SingleOrDefaultAsync(e => e.Id == expertId && e.SelectionId == selectionId, cancellationToken) is not { } expert)
        {
            return CommandResult.NotFound;
        }

        var seats = await db.SelectionRounds.Where(r => r.SelectionId == selectionId && r.Panel.Any(p => p.ExpertId == expertId))
            .OrderBy(r => r.Number).Select(r => new { r.Number, r.Name, r.Status }).ToListAsync(cancellationToken);
        var name = expert.User?.DisplayName ?? string.Empty;
        if (seats.FirstOrDefault(s => s.Status != RoundStatus.Closed) is { } open)
        {
            return CommandResult.Invalid("expert", $"{name}正在参加第{open.Number}轮“{open.Name}”的评审，不能取消聘请。"
                + "如需更换，请在尚无专家投票时修改该轮的评审专家，或待该轮结束后再取消。");
        }

        if (seats.Count > 0)
        {
            return CommandResult.Invalid("expert", $"{name}已参加第{seats[0].Number}轮“{seats[0].Name}”的评审，为保留评审记录，不能取消聘请。"
                + "以后开启新一轮时不勾选该专家即可。");
        }

        db.SelectionExperts.Remove(expert);
        audit.Record(AuditAction.ExpertRevoked, nameof(Selection), Id(selectionId), $"{selection.Title}：取消聘请{name}（{expert.User?.Email}）", subjectOrganisationId: selection.OrganisationId);
        await db.SaveChangesAsync(cancellationToken);
        LogChange(logger, selectionId, "expert revoked");
        return CommandResult.Ok(selectionId);
    }

    /// <summary>删除学科组: only when no nomination (drafts included) and no expert uses it.</summary>
    public async Task<CommandResult> RemoveGroupAsync(int selectionId, int groupId, CancellationToken cancellationToken)
    {
        if (await selections.OwnAsync(selectionId, cancellationToken) is not { } selection || selection.Groups.All(g => g.Id != groupId))
        {
            return CommandResult.NotFound;
        }

        var name = selection.Groups.Single(g => g.Id == groupId).Name;
        var usedBy = await db.Nominations.CountAsync(n => n.GroupId == groupId, cancellationToken);
        var experts = await db.SelectionExperts.CountAsync(e => e.GroupId == groupId, cancellationToken);
        if (usedBy > 0 || experts > 0)
        {
            var what = string.Join("、", new[] { usedBy > 0 ? $"{usedBy} 名候选人（含草稿）" : null, experts > 0 ? $"{experts} 位评审专家" : null }.OfType<string>());
            return CommandResult.Invalid("group", $"“{name}”已有{what}，不能删除。");
        }

        if (selection.Groups.Count == 1)
        {
            return CommandResult.Invalid("group", "评选至少要有一个学科组，不能删除最后一个。");
        }

        selection.RemoveGroup(groupId);
        audit.Record(AuditAction.SelectionGroupRemoved, nameof(Selection), Id(selectionId), $"{selection.Title}：删除学科组“{name}”", subjectOrganisationId: selection.OrganisationId);
        await db.SaveChangesAsync(cancellationToken);
        LogChange(logger, selectionId, "group removed");
        return CommandResult.Ok(selectionId);
    }

    public Task<string> SelectionTitleAsync(int selectionId, CancellationToken cancellationToken) =>
        db.Selections.Where(s => s.Id == selectionId).Select(s => s.Title).SingleAsync(cancellationToken);

    /// <summary>Whether any panellist has voted in the round (then its panel is fixed).</summary>
    public Task<bool> AnyVoteAsync(int roundId, CancellationToken cancellationToken) => db.SelectionVotes.AnyAsync(v => v.RoundId == roundId, cancellationToken);

    /// <summary>修改进行中的轮次: name; due date (vote rounds); the panel, until the first vote is cast.</summary>
    public async Task<CommandResult> ReviseRoundAsync(int roundId, RoundEditInput input, CancellationToken cancellationToken)
    {
        if (await rounds.OwnAsync(roundId, cancellationToken) is not { } round)
        {
            return CommandResult.NotFound;
        }

        if (round.Status != RoundStatus.Open)
        {
            throw new DomainException("本轮已经结束或正在确定并列人选，不能再修改。");
        }

        if (round.Kind == RoundKind.Vote && input.DueDate is null)
        {
            return CommandResult.Invalid(nameof(RoundEditInput.DueDate), "请填写投票截止日期。");
        }

        var now = clock.GetUtcNow();
        var due = round.Kind == RoundKind.Vote ? ChinaTime.EndOfDayUtc(input.DueDate!.Value) : (DateTimeOffset?)null;
        if (due < now)
        {
            return CommandResult.Invalid(nameof(RoundEditInput.DueDate), "投票截止日期不能早于今天。");
        }

        var changes = new List<string>();
        if (round.Name != input.Name.Trim())
        {
            changes.Add($"名称改为“{input.Name.Trim()}”");
        }

        if (due is { } d && d != round.DueAt)
        {
            changes.Add($"投票截止改为{d.DueText()}");
        }

        round.Revise(input.Name, due, now);
        if (round.Kind == RoundKind.Vote)
        {
            var wanted = input.ExpertIds.Distinct().Order().ToList();
            if (!wanted.SequenceEqual(round.Panel.Select(p => p.ExpertId).Order()))
            {
                var experts = await db.SelectionExperts.Where(e => e.SelectionId == round.SelectionId).Select(e => e.Id).ToListAsync(cancellationToken);
                if (wanted.Any(id => !experts.Contains(id)))
                {
                    return CommandResult.Invalid(nameof(RoundEditInput.ExpertIds), "请从本评选的评审专家中选择。");
                }

                if (await AnyVoteAsync(roundId, cancellationToken))
                {
                    return CommandResult.Invalid(nameof(RoundEditInput.ExpertIds), "已有专家投票，不能再调整本轮评审专家。");
                }

                round.ChangePanel(wanted, false);
                changes.Add($"评审专家调整为 {wanted.Count} 位");
            }
        }

        if (changes.Count > 0)
        {
            audit.Record(AuditAction.RoundUpdated, nameof(SelectionRound), Id(roundId), $"第{round.Number}轮：{string.Join("；", changes)}");
        }

        await db.SaveChangesAsync(cancellationToken);
        LogChange(logger, round.SelectionId, "round revised");
        return CommandResult.Ok(roundId);
    }

    /// <summary>
    /// Records a meeting round's decision with its minutes: the file is checked and stored first, then the decision
    /// and the file's row are saved together; if they cannot be, the stored bytes are discarded.
    /// </summary>
    public async Task<CommandResult> RecordMeetingAsync(int roundId, IReadOnlySet<int> advancing, string? note, IFormFile? minutes, CancellationToken cancellationToken)
    {
        if (await rounds.OwnAsync(roundId, cancellationToken) is not { } round)
        {
            return CommandResult.NotFound;
        }

        if (note is { Length: > Schema.Description })
        {
            return CommandResult.Invalid("note", $"会议情况不能超过 {Schema.Description} 个字。");
        }

        StoredFile? file = null;
        if (minutes is { Length: > 0 })
        {
            var organisationId = await db.Selections.Where(s => s.Id == round.SelectionId).Select(s => s.OrganisationId).SingleAsync(cancellationToken);
            await using var stream = minutes.OpenReadStream();
            var stored = await files.StoreAsync(stream, minutes.FileName, MinutesTypes, organisationId, null, cancellationToken);
            if (stored.Error is not null)
            {
                return CommandResult.Invalid("minutes", stored.Error);
            }

            file = stored.File!;
        }

        CommandResult result;
        try
        {
            result = await rounds.RecordMeetingAsync(roundId, advancing, note, file?.Id, cancellationToken);
        }
        catch
        {
            await DiscardAsync(file);
            throw;
        }

        if (!result.Succeeded)
        {
            await DiscardAsync(file);
        }

        return result;
    }

    /// <summary>The minutes of a round the user organises (the experts are not shown them: see docs/user-guide.md).</summary>
    public async Task<StoredFile?> MinutesAsync(int roundId, CancellationToken cancellationToken) =>
        await rounds.OwnAsync(roundId, cancellationToken) is { MinutesFileId: { } id }
            ? await db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken)
            : null;

    public Stream OpenRead(StoredFile file) => files.OpenRead(file);

    private async Task DiscardAsync(StoredFile? file)
    {
        if (file is not null)
        {
            db.Entry(file).State = EntityState.Detached;
            await files.DiscardAsync(file);
        }
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Selection {SelectionId}: {What}")]
    private static partial void LogChange(ILogger logger, int selectionId, string what);
}
