using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CampaignPortal.Web.Features.Campaigns;

/// <summary>Writing, publishing and withdrawing notices (organisers of the owning organisation only).</summary>
[Authorize(Policy = Policies.OrganiserArea)]
public sealed class NoticeEditController(
    NoticeEditService notices, IValidator<NoticeInput> validator, IValidator<NoticeRevisionInput> revisionValidator,
    Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) : Controller
{
    private const string FormView = "~/Features/Campaigns/Views/NoticeForm.cshtml";
    private const string ReviseView = "~/Features/Campaigns/Views/Revise.cshtml";

    [HttpGet("/campaigns/{campaignId:int}/notices/create")]
    public async Task<IActionResult> Create(int campaignId) =>
        await notices.FormAsync(campaignId, null, null, HttpContext.RequestAborted) is { } model ? View(FormView, model) : NotFound();

    [HttpPost("/campaigns/{campaignId:int}/notices/create")]
    public Task<IActionResult> Create(int campaignId, NoticeInput input) => Save(campaignId, null, input);

    [HttpGet("/notices/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id)
    {
        var ct = HttpContext.RequestAborted;
        if (await notices.FindAsync(id, ct) is not { } notice)
        {
            return NotFound();
        }

        if (notice.Status != Domain.NoticeStatus.Draft)
        {
            TempData[StatusMessage.Key] = "通知已发布，不能再修改；如需更正，请撤回后重新发布。";
            return Redirect($"/notices/{id}");
        }

        return await notices.FormAsync(notice.CampaignId, id, null, ct) is { } model ? View(FormView, model) : NotFound();
    }

    [HttpPost("/notices/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, NoticeInput input) =>
        await notices.FindAsync(id, HttpContext.RequestAborted) is { } notice ? await Save(notice.CampaignId, id, input) : NotFound();

    [HttpPost("/notices/{id:int}/attachments")]
    [ReadsFormItself]
    [IgnoreAntiforgeryToken] // Checked below, after the size: reading an oversized form for the token would fail first.
    [DisableRequestSizeLimit]
    [RequestFormLimits(MultipartBodyLengthLimit = Infrastructure.Files.FileTypes.DocumentMaxBytes + 1024 * 1024)]
    public async Task<IActionResult> Attach(int id)
    {
        if (Request.ContentLength is null or > Infrastructure.Files.FileTypes.DocumentMaxBytes + 1024 * 1024)
        {
            // The multipart reader gave up on the oversized body: say so instead of "choose a file".
            TempData[StatusMessage.Key] = $"文件超过 {Infrastructure.Files.FileTypes.DocumentMaxBytes / 1024 / 1024} MB 的上限，未上传。请压缩或拆分后再上传。";
            return Redirect($"/notices/{id}/edit#attachments");
        }

        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return BadRequest();
        }

        var form = await Request.ReadFormAsync(HttpContext.RequestAborted);
        if (FormText.HasRefused(form))
        {
            TempData[StatusMessage.Key] = FormText.RefusalMessage;
            return Redirect($"/notices/{id}/edit#attachments");
        }

        var result = await notices.AttachAsync(id, form.Files.GetFile("file"), FormText.Clean(form["title"].ToString()), HttpContext.RequestAborted);
        return Done(result, id, "附件已上传。");
    }

    [HttpPost("/notices/{id:int}/attachments/statistics")]
    public async Task<IActionResult> AttachStatistics(int id) =>
        Done(await notices.AttachStatisticsTableAsync(id, HttpContext.RequestAborted), id, "已按本活动的统计指标生成统计表并作为附件。");

    [HttpPost("/notices/{id:int}/attachments/{fileId:guid}/remove")]
    public async Task<IActionResult> RemoveAttachment(int id, Guid fileId) =>
        Done(await notices.RemoveAttachmentAsync(id, fileId, HttpContext.RequestAborted), id, "附件已移除。");

    [HttpGet("/notices/{id:int}/publish")]
    public async Task<IActionResult> ConfirmPublish(int id) =>
        await notices.FindAsync(id, HttpContext.RequestAborted) is { } notice ? View("~/Features/Campaigns/Views/ConfirmPublish.cshtml", notice) : NotFound();

    [HttpPost("/notices/{id:int}/publish")]
    public async Task<IActionResult> Publish(int id, DateOnly? publicationDate)
    {
        var result = await notices.PublishAsync(id, publicationDate, HttpContext.RequestAborted);
        if (!result.Found)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            result.CopyErrorsTo(ModelState);
            return View("~/Features/Campaigns/Views/ConfirmPublish.cshtml", await notices.FindAsync(id, HttpContext.RequestAborted));
        }

        TempData[StatusMessage.Key] = "通知已发布。";
        return Redirect($"/notices/{id}");
    }

    [HttpGet("/notices/{id:int}/revise")]
    public async Task<IActionResult> Revise(int id)
    {
        var ct = HttpContext.RequestAborted;
        if (await notices.FindAsync(id, ct) is not { } notice)
        {
            return NotFound();
        }

        if (notice.Status != Domain.NoticeStatus.Published)
        {
            TempData[StatusMessage.Key] = notice.Status == Domain.NoticeStatus.Draft ? "草稿可以直接编辑，无需修订。" : "通知已撤回，不能再修订。";
            return Redirect(notice.Status == Domain.NoticeStatus.Draft ? $"/notices/{id}/edit" : $"/notices/{id}");
        }

        return View(ReviseView, await notices.RevisionFormAsync(id, null, ct));
    }

    [HttpPost("/notices/{id:int}/revise")]
    public async Task<IActionResult> Revise(int id, NoticeRevisionInput input)
    {
        var ct = HttpContext.RequestAborted;
        if (await revisionValidator.ValidateIntoAsync(input, ModelState, ct))
        {
            var result = await notices.ReviseAsync(id, input, ct);
            if (!result.Found)
            {
                return NotFound();
            }

            if (result.Succeeded)
            {
                TempData[StatusMessage.Key] = "通知已修订，收文单位将收到修订提醒。";
                return Redirect($"/notices/{id}");
            }

            result.CopyErrorsTo(ModelState);
        }

        return await notices.RevisionFormAsync(id, input, ct) is { } model ? View(ReviseView, model) : NotFound();
    }

    [HttpGet("/notices/{id:int}/withdraw")]
    public async Task<IActionResult> ConfirmWithdraw(int id) =>
        await notices.FindAsync(id, HttpContext.RequestAborted) is { } notice ? View("~/Features/Campaigns/Views/ConfirmWithdraw.cshtml", notice) : NotFound();

    [HttpPost("/notices/{id:int}/withdraw")]
    public async Task<IActionResult> Withdraw(int id, string? reason)
    {
        var result = await notices.WithdrawAsync(id, reason, HttpContext.RequestAborted);
        if (!result.Found)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            result.CopyErrorsTo(ModelState);
            return View("~/Features/Campaigns/Views/ConfirmWithdraw.cshtml", await notices.FindAsync(id, HttpContext.RequestAborted));
        }

        TempData[StatusMessage.Key] = "通知已撤回，公众页面将显示撤回原因。";
        return Redirect($"/notices/{id}");
    }

    private async Task<IActionResult> Save(int campaignId, int? id, NoticeInput input)
    {
        var ct = HttpContext.RequestAborted;
        if (await validator.ValidateIntoAsync(input, ModelState, ct))
        {
            var result = await notices.SaveAsync(campaignId, id, input, ct);
            if (!result.Found)
            {
                return NotFound();
            }

            if (result.Succeeded)
            {
                TempData[StatusMessage.Key] = "通知已保存为草稿。可以继续上传附件，确认无误后发布。";
                return Redirect($"/notices/{result.Id}/edit");
            }

            result.CopyErrorsTo(ModelState);
        }

        return await notices.FormAsync(campaignId, id, input, ct) is { } model ? View(FormView, model) : NotFound();
    }

    private IActionResult Done(CommandResult result, int id, string message)
    {
        if (!result.Found)
        {
            return NotFound();
        }

        TempData[StatusMessage.Key] = result.Succeeded ? message : result.Errors[0].Value;
        return Redirect($"/notices/{id}/edit#attachments");
    }
}
