using CampaignPortal.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;

namespace CampaignPortal.Web.Features.Selections;

/// <summary>The public 公示 and result pages and the objection form (no sign-in).</summary>
[AllowAnonymous]
public sealed class GongshiController(AnnouncementReadService read, ObjectionService objections, IValidator<ObjectionInput> validator) : Controller
{
    private const string FormView = "~/Features/Selections/Views/ObjectionForm.cshtml";

    [HttpGet("/gongshi/{id:int}")]
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    public async Task<IActionResult> Show(int id) =>
        await read.GongshiAsync(id, HttpContext.RequestAborted) is { } model ? View("~/Features/Selections/Views/Gongshi.cshtml", model) : NotFound();

    /// <summary>The form is a page of its own: its antiforgery cookie would keep the 公示 page out of the cache.</summary>
    [HttpGet("/gongshi/{id:int}/objection")]
    public async Task<IActionResult> Objection(int id) =>
        await read.ObjectionFormAsync(id, new ObjectionInput(), HttpContext.RequestAborted) is { } model ? View(FormView, model) : NotFound();

    [HttpPost("/gongshi/{id:int}/objection")]
    [EnableRateLimiting(WebSetup.ObjectionRateLimit)]
    // Anyone may post here: the whole body is capped (a file a little over the limit still gets the form's message;
    // far over, the "文件过大" page), so no one can make the server read an unbounded form.
    [RequestSizeLimit(ObjectionService.EvidenceMaxBytes + (1024 * 1024))]
    [RequestFormLimits(MultipartBodyLengthLimit = ObjectionService.EvidenceMaxBytes + (1024 * 1024))]
    public async Task<IActionResult> Objection(int id, ObjectionInput input, IFormFile? file)
    {
        var ct = HttpContext.RequestAborted;
        if (await read.ObjectionFormAsync(id, input, ct) is not { } model)
        {
            return NotFound();
        }

        if (await validator.ValidateIntoAsync(input, ModelState, ct))
        {
            var (result, reference) = await objections.SubmitAsync(id, input, file, ct);
            if (result.Succeeded)
            {
                return Redirect($"/gongshi/{id}/objection/received?code={reference}");
            }

            result.CopyErrorsTo(ModelState);
        }

        return View(FormView, model);
    }

    [HttpGet("/gongshi/{id:int}/objection/received")]
    public async Task<IActionResult> Received(int id, string? code)
    {
        if (await read.GongshiAsync(id, HttpContext.RequestAborted) is not { } model || code is null || code.Length > 16 || !code.All(char.IsAsciiLetterOrDigit))
        {
            return NotFound();
        }

        ViewData["Code"] = code;
        return View("~/Features/Selections/Views/ObjectionReceived.cshtml", model);
    }

    [HttpGet("/gongshi/{id:int}/photos/{fileId:guid}")]
    public async Task<IActionResult> Photo(int id, Guid fileId) =>
        await read.PublicPhotoAsync(id, fileId, HttpContext.RequestAborted) is { } file ? File(objections.OpenRead(file), file.ContentType) : NotFound();

    [HttpGet("/selection-results/{id:int}")]
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    public async Task<IActionResult> Result(int id) =>
        await read.ResultAsync(id, HttpContext.RequestAborted) is { } model ? View("~/Features/Selections/Views/Result.cshtml", model) : NotFound();
}
