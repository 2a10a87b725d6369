using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CampaignPortal.Web.Features.Selections;

/// <summary>The organiser's 公示 page: publish it, read and handle objections, edit citations and photos, finalise, publish the result.</summary>
[Authorize(Policy = Policies.OrganiserArea)]
public sealed class AnnouncementsController(
    SelectionService selections, AnnouncementService announcements, ObjectionService objections, AnnouncementReadService read,
    IValidator<AnnouncementInput> validator, IValidator<HandlingInput> handlingValidator) : Controller
{
    private const string PageView = "~/Features/Selections/Views/Announcement.cshtml";
    private const string ObjectionView = "~/Features/Selections/Views/Objection.cshtml";

    [HttpGet("/selections/{id:int}/announcement")]
    public async Task<IActionResult> Show(int id) =>
        await selections.OwnAsync(id, HttpContext.RequestAborted) is { } s ? View(PageView, await read.OrganiserAsync(s, null, HttpContext.RequestAborted)) : NotFound();

    [HttpPost("/selections/{id:int}/announcement")]
    public async Task<IActionResult> Publish(int id, AnnouncementInput input)
    {
        var ct = HttpContext.RequestAborted;
        if (await selections.OwnAsync(id, ct) is not { } s)
        {
            return NotFound();
        }

        if (await validator.ValidateIntoAsync(input, ModelState, ct))
        {
            var result = await announcements.PublishAsync(id, input, ct);
            if (result.Succeeded)
            {
                TempData[StatusMessage.Key] = "公示已发布，公众可在网站首页的“评选公示”中查看并提出异议。";
                return Redirect($"/selections/{id}/announcement");
            }

            result.CopyErrorsTo(ModelState);
        }

        return View(PageView, await read.OrganiserAsync(s, input, ct));
    }

    [HttpPost("/selections/{id:int}/announcement/entries/{entryId:int}/citation")]
    public async Task<IActionResult> Citation(int id, int entryId, string? citation) =>
        Done(id, await announcements.SetCitationAsync(id, entryId, citation is null ? null : FormText.Clean(citation), HttpContext.RequestAborted), "事迹简介已保存。", $"#entry-{entryId}");

    [HttpPost("/selections/{id:int}/announcement/entries/{entryId:int}/photo")]
    [RequestSizeLimit(6L * 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 6L * 1024 * 1024)]
    public async Task<IActionResult> Photo(int id, int entryId, IFormFile? photo) =>
        Done(id, await announcements.SetPhotoAsync(id, entryId, photo, HttpContext.RequestAborted), "照片已上传。", $"#entry-{entryId}");

    [HttpGet("/selections/{id:int}/announcement/photos/{fileId:guid}")]
    public async Task<IActionResult> OwnPhoto(int id, Guid fileId)
    {
        var ct = HttpContext.RequestAborted;
        return await selections.OwnAsync(id, ct) is null || await read.OwnPhotoAsync(id, fileId, ct) is not { } file
            ? NotFound() : File(objections.OpenRead(file), file.ContentType);
    }

    [HttpPost("/selections/{id:int}/announcement/finalise")]
    public async Task<IActionResult> Finalise(int id) =>
        Done(id, await announcements.FinaliseAsync(id, HttpContext.RequestAborted), "最终结果已确定。请核对事迹简介和照片后公布评选结果。", "#result");

    [HttpPost("/selections/{id:int}/announcement/publish-result")]
    public async Task<IActionResult> PublishResult(int id) =>
        Done(id, await announcements.PublishResultAsync(id, HttpContext.RequestAborted), "评选结果已公布。", "#result");

    [HttpGet("/selections/{id:int}/objections/{objectionId:int}")]
    public async Task<IActionResult> Objection(int id, int objectionId)
    {
        var ct = HttpContext.RequestAborted;
        return await selections.OwnAsync(id, ct) is { } s && await objections.OwnAsync(id, objectionId, ct) is { } o
            ? View(ObjectionView, await read.ObjectionAsync(s, o, null, ct)) : NotFound();
    }

    [HttpPost("/selections/{id:int}/objections/{objectionId:int}")]
    public async Task<IActionResult> Handle(int id, int objectionId, HandlingInput input)
    {
        var ct = HttpContext.RequestAborted;
        if (await selections.OwnAsync(id, ct) is not { } s || await objections.OwnAsync(id, objectionId, ct) is not { } o)
        {
            return NotFound();
        }

        input.Handling = FormText.Clean(input.Handling ?? string.Empty);
        if (await handlingValidator.ValidateIntoAsync(input, ModelState, ct))
        {
            var result = await objections.HandleAsync(id, objectionId, input, ct);
            if (result.Succeeded)
            {
                TempData[StatusMessage.Key] = $"受理编号 {o.Reference} 的异议处理结果已保存。";
                return Redirect($"/selections/{id}/announcement#objections");
            }

            result.CopyErrorsTo(ModelState);
        }

        return View(ObjectionView, await read.ObjectionAsync(s, o, input, ct));
    }

    /// <summary>The objector's evidence: a download, only for the selection's organiser.</summary>
    [HttpGet("/selections/{id:int}/objections/{objectionId:int}/file")]
    public async Task<IActionResult> ObjectionFile(int id, int objectionId) =>
        await objections.OwnAsync(id, objectionId, HttpContext.RequestAborted) is { File: { } file }
            ? File(objections.OpenRead(file), file.ContentType, file.OriginalName) : NotFound();

    private IActionResult Done(int id, CommandResult result, string message, string anchor)
    {
        if (!result.Found)
        {
            return NotFound();
        }

        TempData[StatusMessage.Key] = result.Succeeded ? message : result.Errors[0].Value;
        return Redirect($"/selections/{id}/announcement{anchor}");
    }
}
