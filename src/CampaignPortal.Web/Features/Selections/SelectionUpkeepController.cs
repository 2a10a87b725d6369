using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Security;
using FluentValidation;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CampaignPortal.Web.Features.Selections;

/// <summary>The organiser's corrections while a selection runs: withdraw an expert, delete a group, edit an open round, record a meeting with its minutes.</summary>
[Authorize(Policy = Policies.OrganiserArea)]
public sealed class SelectionUpkeepController(
    SelectionUpkeepService upkeep, RoundService rounds, SelectionReadService read, IValidator<RoundEditInput> validator, IAntiforgery antiforgery) : Controller
{
    private const string EditView = "~/Features/Selections/Views/RoundEdit.cshtml";

    [HttpPost("/selections/{id:int}/experts/{expertId:int}/remove")]
    public async Task<IActionResult> RevokeExpert(int id, int expertId) =>
        Done(await upkeep.RevokeExpertAsync(id, expertId, HttpContext.RequestAborted), $"/selections/{id}#experts", "已取消聘请该评审专家。");

    [HttpPost("/selections/{id:int}/groups/{groupId:int}/remove")]
    public async Task<IActionResult> RemoveGroup(int id, int groupId) =>
        Done(await upkeep.RemoveGroupAsync(id, groupId, HttpContext.RequestAborted), $"/selections/{id}#groups", "学科组已删除。");

    [HttpGet("/selection-rounds/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id)
    {
        var ct = HttpContext.RequestAborted;
        if (await rounds.OwnAsync(id, ct) is not { } round)
        {
            return NotFound();
        }

        if (round.Status != Domain.RoundStatus.Open)
        {
            TempData[StatusMessage.Key] = "本轮已经结束或正在确定并列人选，不能再修改。";
            return Redirect($"/selection-rounds/{id}");
        }

        var input = new RoundEditInput
        {
            Name = round.Name,
            DueDate = round.DueAt is { } due ? DateOnly.FromDateTime(ChinaTime.ToChina(due.AddTicks(-1)).DateTime) : null,
            ExpertIds = [.. round.Panel.Select(p => p.ExpertId)],
        };
        return View(EditView, await ModelAsync(round, input));
    }

    [HttpPost("/selection-rounds/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, RoundEditInput input)
    {
        var ct = HttpContext.RequestAborted;
        if (await rounds.OwnAsync(id, ct) is not { } round)
        {
            return NotFound();
        }

        if (await validator.ValidateIntoAsync(input, ModelState, ct))
        {
            var result = await upkeep.ReviseRoundAsync(id, input, ct);
            if (result.Succeeded)
            {
                TempData[StatusMessage.Key] = "本轮设置已保存。";
                return Redirect($"/selection-rounds/{id}");
            }

            result.CopyErrorsTo(ModelState);
        }

        return View(EditView, await ModelAsync(round, input));
    }

    [HttpPost("/selection-rounds/{id:int}/meeting")]
    [ReadsFormItself]
    [IgnoreAntiforgeryToken] // Checked in UploadForm, after the size: reading an oversized form for the token would fail first.
    [DisableRequestSizeLimit]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadForm.Limit)]
    public async Task<IActionResult> Meeting(int id)
    {
        var form = await UploadForm.ReadAsync(HttpContext, antiforgery);
        if (form.BadRequest)
        {
            return BadRequest();
        }

        if (form.Form is not { } f)
        {
            TempData[StatusMessage.Key] = form.Message;
            return Redirect($"/selection-rounds/{id}");
        }

        var advancing = f["advancing"].Select(v => int.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0).ToHashSet();
        var note = FormText.Clean(f["note"].ToString()) is { Length: > 0 } text ? text : null;
        var minutes = f.Files.GetFile("minutes");
        return Done(await upkeep.RecordMeetingAsync(id, advancing, note, minutes, HttpContext.RequestAborted), $"/selection-rounds/{id}", "会议结果已录入，本轮结束。");
    }

    [HttpGet("/selection-rounds/{id:int}/minutes")]
    public async Task<IActionResult> Minutes(int id)
    {
        if (await upkeep.MinutesAsync(id, HttpContext.RequestAborted) is not { } file)
        {
            return NotFound();
        }

        return File(upkeep.OpenRead(file), file.ContentType, file.OriginalName);
    }

    private async Task<RoundEditViewModel> ModelAsync(Domain.SelectionRound round, RoundEditInput input)
    {
        var ct = HttpContext.RequestAborted;
        var selection = await upkeep.SelectionTitleAsync(round.SelectionId, ct);
        return new RoundEditViewModel(round.Id, round.SelectionId, selection, round.Number, round.Kind, await upkeep.AnyVoteAsync(round.Id, ct),
            await read.ExpertsAsync(round.SelectionId, ct), input);
    }

    private IActionResult Done(CommandResult result, string back, string message)
    {
        if (!result.Found)
        {
            return NotFound();
        }

        TempData[StatusMessage.Key] = result.Succeeded ? message : result.Errors[0].Value;
        return Redirect(back);
    }
}
