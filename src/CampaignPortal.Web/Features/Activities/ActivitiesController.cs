using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Infrastructure.Files;
using CampaignPortal.Web.Security;
using FluentValidation;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CampaignPortal.Web.Features.Activities;

/// <summary>A unit's activities and sub-venues (its filers and organisers).</summary>
[Authorize(Policy = Policies.ActivityArea)]
public sealed class ActivitiesController(
    ActivityService activities, SubVenueService subVenues, IValidator<ActivityInput> validator, IValidator<MediaInput> mediaValidator,
    IValidator<SubVenueInput> subVenueValidator, IAntiforgery antiforgery, FileService files) : Controller
{
    private const string FormView = "~/Features/Activities/Views/Form.cshtml";
    private const string DetailsView = "~/Features/Activities/Views/Details.cshtml";
    private const string SubVenueView = "~/Features/Activities/Views/SubVenue.cshtml";

    [HttpGet("/campaigns/{campaignId:int}/my-activities")]
    public async Task<IActionResult> Mine(int campaignId) =>
        await activities.MineAsync(campaignId, HttpContext.RequestAborted) is { } model ? View("~/Features/Activities/Views/Mine.cshtml", model) : NotFound();

    [HttpGet("/campaigns/{campaignId:int}/my-activities/create")]
    public async Task<IActionResult> Create(int campaignId) =>
        await activities.FormAsync(campaignId, null, null, HttpContext.RequestAborted) is { } model ? View(FormView, model) : NotFound();

    [HttpPost("/campaigns/{campaignId:int}/my-activities/create")]
    public Task<IActionResult> Create(int campaignId, ActivityInput input) => Save(campaignId, null, input);

    [HttpGet("/activities/{id:int}")]
    public async Task<IActionResult> Details(int id) =>
        await activities.DetailsAsync(id, null, HttpContext.RequestAborted) is { } model ? View(DetailsView, model) : NotFound();

    [HttpGet("/activities/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id)
    {
        var ct = HttpContext.RequestAborted;
        return await activities.FindOwnAsync(id, ct) is { } a && await activities.FormAsync(a.CampaignId, id, null, ct) is { } model
            ? View(FormView, model) : NotFound();
    }

    [HttpPost("/activities/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, ActivityInput input) =>
        await activities.FindOwnAsync(id, HttpContext.RequestAborted) is { } a ? await Save(a.CampaignId, id, input) : NotFound();

    [HttpPost("/activities/{id:int}/held")]
    public async Task<IActionResult> Held(int id, int? actualParticipants, string? outcome) =>
        Done(await activities.MarkHeldAsync(id, actualParticipants, outcome, HttpContext.RequestAborted), id, "已标记为已举办。");

    [HttpPost("/activities/{id:int}/cancel")]
    public async Task<IActionResult> Cancel(int id, string? reason) =>
        Done(await activities.CancelAsync(id, reason, HttpContext.RequestAborted), id, "活动已取消。");

    [HttpPost("/activities/{id:int}/replan")]
    public async Task<IActionResult> Replan(int id) =>
        Done(await activities.ReplanAsync(id, HttpContext.RequestAborted), id, "活动已恢复为计划中。");

    [HttpPost("/activities/{id:int}/media")]
    public async Task<IActionResult> AddMedia(int id, MediaInput input)
    {
        var ct = HttpContext.RequestAborted;
        if (await mediaValidator.ValidateIntoAsync(input, ModelState, ct))
        {
            return Done(await activities.AddMediaAsync(id, input, ct), id, "媒体报道已添加。", "#media");
        }

        // Shown again with the entered values and the messages; nothing stored.
        return await activities.DetailsAsync(id, input, ct) is { CanEdit: true } model ? View(DetailsView, model) : NotFound();
    }

    [HttpPost("/activities/{id:int}/media/{mediaId:int}/remove")]
    public async Task<IActionResult> RemoveMedia(int id, int mediaId) =>
        Done(await activities.RemoveMediaAsync(id, mediaId, HttpContext.RequestAborted), id, "媒体报道已删除。", "#media");

    [HttpPost("/activities/{id:int}/photos")]
    [ReadsFormItself]
    [IgnoreAntiforgeryToken] // Checked below, after the size: reading an oversized form for the token would fail first.
    [DisableRequestSizeLimit]
    [RequestFormLimits(MultipartBodyLengthLimit = FileTypes.ImageMaxBytes + 1024 * 1024)]
    public async Task<IActionResult> AddPhoto(int id)
    {
        if (Request.ContentLength is null or > FileTypes.ImageMaxBytes + 1024 * 1024)
        {
            TempData[StatusMessage.Key] = $"照片超过 {FileTypes.ImageMaxBytes / 1024 / 1024} MB 的上限，未上传。";
            return Redirect($"/activities/{id}#photos");
        }

        if (!Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return BadRequest();
        }

        var form = await Request.ReadFormAsync(HttpContext.RequestAborted);
        if (FormText.HasRefused(form))
        {
            TempData[StatusMessage.Key] = FormText.RefusalMessage;
            return Redirect($"/activities/{id}#photos");
        }

        return Done(await activities.AddPhotoAsync(id, form.Files.GetFile("file"), FormText.Clean(form["caption"].ToString()), HttpContext.RequestAborted), id, "照片已上传。", "#photos");
    }

    [HttpPost("/activities/{id:int}/photos/{fileId:guid}/remove")]
    public async Task<IActionResult> RemovePhoto(int id, Guid fileId) =>
        Done(await activities.RemovePhotoAsync(id, fileId, HttpContext.RequestAborted), id, "照片已删除。", "#photos");

    /// <summary>Shown inline (JPEG/PNG checked by signature at upload), also to the public for activities in an open public list.</summary>
    [AllowAnonymous]
    [HttpGet("/activities/{id:int}/photos/{fileId:guid}")]
    public async Task<IActionResult> Photo(int id, Guid fileId) =>
        await activities.PhotoAsync(id, fileId, HttpContext.RequestAborted) is not { } file ? NotFound()
            : Request.Query.ContainsKey("thumb") && file.ThumbnailKey is not null ? File(files.OpenThumbnail(file), "image/jpeg")
            : File(files.OpenRead(file), file.ContentType);

    [HttpGet("/main-events/{id:int}/sub-venue")]
    public async Task<IActionResult> SubVenue(int id) =>
        await subVenues.FormAsync(id, null, HttpContext.RequestAborted) is { } model ? View(SubVenueView, model) : NotFound();

    [HttpPost("/main-events/{id:int}/sub-venue")]
    public async Task<IActionResult> SubVenue(int id, SubVenueInput input)
    {
        var ct = HttpContext.RequestAborted;
        if (await subVenueValidator.ValidateIntoAsync(input, ModelState, ct))
        {
            var result = await subVenues.SaveAsync(id, input, ct);
            if (!result.Found)
            {
                return NotFound();
            }

            if (result.Succeeded)
            {
                TempData[StatusMessage.Key] = "分会场已登记。";
                return Redirect($"/main-events/{id}/sub-venue");
            }

            result.CopyErrorsTo(ModelState);
        }

        return await subVenues.FormAsync(id, input, ct) is { } model ? View(SubVenueView, model) : NotFound();
    }

    [HttpPost("/main-events/{id:int}/sub-venue/status")]
    public async Task<IActionResult> SubVenueStatus(int id, SubVenueStatus? status, int? actualAttendees)
    {
        var result = await subVenues.SetStatusAsync(id, status, actualAttendees, HttpContext.RequestAborted);
        if (!result.Found)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            TempData[StatusMessage.Key] = result.Errors[0].Value;
            return Redirect($"/main-events/{id}/sub-venue");
        }

        TempData[StatusMessage.Key] = status switch
        {
            Domain.SubVenueStatus.Held => "分会场已标记为已举办。",
            Domain.SubVenueStatus.Cancelled => "分会场已取消。",
            _ => "分会场已恢复报名。",
        };
        return Redirect($"/main-events/{id}/sub-venue");
    }

    private async Task<IActionResult> Save(int campaignId, int? id, ActivityInput input)
    {
        var ct = HttpContext.RequestAborted;
        if (await validator.ValidateIntoAsync(input, ModelState, ct))
        {
            var result = await activities.SaveAsync(campaignId, id, input, ct);
            if (!result.Found)
            {
                return NotFound();
            }

            if (result.Succeeded)
            {
                TempData[StatusMessage.Key] = id is null ? "活动已登记。" : "活动信息已保存。";
                return Redirect($"/activities/{result.Id}");
            }

            result.CopyErrorsTo(ModelState);
        }

        return await activities.FormAsync(campaignId, id, input, ct) is { } model ? View(FormView, model) : NotFound();
    }

    private IActionResult Done(CommandResult result, int id, string message, string anchor = "")
    {
        if (!result.Found)
        {
            return NotFound();
        }

        TempData[StatusMessage.Key] = result.Succeeded ? message : result.Errors[0].Value;
        return Redirect($"/activities/{id}{anchor}");
    }
}
