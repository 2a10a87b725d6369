using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Infrastructure.Files;
using CampaignPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CampaignPortal.Web.Features.Reports;

public sealed record BulkViewModel(IReadOnlyList<ReviewRow> Selected, IReadOnlyList<BulkResult>? Results);

/// <summary>Reading submitted versions (unit and owner), the review queue and decisions, reopening and extensions.</summary>
[Authorize]
public sealed class ReviewsController(ReportReadService read, ReviewService reviews, FileService files) : Controller
{
    private const string ShowView = "~/Features/Reports/Views/Show.cshtml";

    [HttpGet("/reports/{id:int}")]
    public async Task<IActionResult> Show(int id) =>
        await read.ShowAsync(id, null, null, HttpContext.RequestAborted) is { } model ? View(ShowView, model) : NotFound();

    [HttpGet("/reports/{id:int}/versions/{number:int}")]
    public async Task<IActionResult> Version(int id, int number) =>
        await read.ShowAsync(id, number, null, HttpContext.RequestAborted) is { } model ? View(ShowView, model) : NotFound();

    [HttpGet("/reports/{id:int}/files/{fileId:guid}")]
    public async Task<IActionResult> File(int id, Guid fileId)
    {
        if (await read.FileAsync(id, fileId, HttpContext.RequestAborted) is not { } file)
        {
            return NotFound();
        }

        // Photos are shown inline (their signature was checked and they were re-encoded at upload); everything else downloads.
        if (file.ContentType.StartsWith("image/", StringComparison.Ordinal))
        {
            if (Request.Query.ContainsKey("thumb") && file.ThumbnailKey is not null)
            {
                return File(files.OpenThumbnail(file), "image/jpeg");
            }

            if (Request.Query.ContainsKey("inline"))
            {
                return File(files.OpenRead(file), file.ContentType);
            }
        }

        return File(files.OpenRead(file), file.ContentType, file.OriginalName);
    }

    [Authorize(Policy = Policies.ReviewerArea)]
    [HttpGet("/reviews")]
    public async Task<IActionResult> Queue(ReviewQuery query) =>
        View("~/Features/Reports/Views/Queue.cshtml", await reviews.QueueAsync(query, HttpContext.RequestAborted));

    [Authorize(Policy = Policies.ReviewerArea)]
    [HttpPost("/reports/{id:int}/approve")]
    public async Task<IActionResult> Approve(int id, int? number, string? comment) =>
        await Decided(id, await reviews.ApproveAsync(id, number, comment, HttpContext.RequestAborted), "报告已审核通过。", null);

    [Authorize(Policy = Policies.ReviewerArea)]
    [HttpPost("/reports/{id:int}/return")]
    public async Task<IActionResult> Return(int id, ReturnInput input)
    {
        input.SectionComments = [.. (input.SectionComments ?? []).Where(s => s is not null)]; // malformed list indexes bind as null
        return await Decided(id, await reviews.ReturnAsync(id, input, HttpContext.RequestAborted), "报告已退回修改，填报单位会收到通知。", input);
    }

    /// <summary>The confirmation listing the selected reports (changes nothing).</summary>
    [Authorize(Policy = Policies.ReviewerArea)]
    [HttpPost("/reviews/bulk-approve/confirm")]
    public async Task<IActionResult> ConfirmBulk(int[]? ids)
    {
        var selected = ids is { Length: > 0 } ? await reviews.SelectedAsync([.. ids.Distinct().Take(ReviewService.BulkLimit)], HttpContext.RequestAborted) : [];
        if (selected.Count == 0)
        {
            TempData[StatusMessage.Key] = "请先勾选要通过的待审核报告。";
            return Redirect("/reviews");
        }

        return View("~/Features/Reports/Views/Bulk.cshtml", new BulkViewModel(selected, null));
    }

    [Authorize(Policy = Policies.ReviewerArea)]
    [HttpPost("/reviews/bulk-approve")]
    public async Task<IActionResult> BulkApprove(string[]? items, string? comment)
    {
        // Each item is "report id:version number read on the confirmation page".
        var parsed = new List<(int Id, int Number)>();
        foreach (var parts in (items ?? []).Select(i => i.Split(':')))
        {
            if (parts.Length == 2 && int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var id)
                && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var number) && !parsed.Contains((id, number)))
            {
                parsed.Add((id, number));
            }
        }

        if (parsed.Count == 0)
        {
            TempData[StatusMessage.Key] = "请先勾选要通过的待审核报告。";
            return Redirect("/reviews");
        }

        if (comment is { Length: > Data.Schema.Description })
        {
            comment = comment[..Data.Schema.Description];
        }

        var results = await reviews.BulkApproveAsync(parsed, comment, HttpContext.RequestAborted);
        return View("~/Features/Reports/Views/Bulk.cshtml", new BulkViewModel([], results));
    }

    [Authorize(Policy = Policies.OrganiserArea)]
    [HttpPost("/reports/{id:int}/reopen")]
    public async Task<IActionResult> Reopen(int id, string? reason)
    {
        var result = await reviews.ReopenAsync(id, reason, HttpContext.RequestAborted);
        if (!result.Found)
        {
            return NotFound();
        }

        TempData[StatusMessage.Key] = result.Succeeded ? "报告已重新打开，填报单位可以修改后再次提交。" : result.Errors[0].Value;
        return Redirect($"/reports/{id}");
    }

    [Authorize(Policy = Policies.OrganiserArea)]
    [HttpGet("/campaigns/{campaignId:int}/reports")]
    public async Task<IActionResult> CampaignReports(int campaignId) =>
        await reviews.CampaignReportsAsync(campaignId, HttpContext.RequestAborted) is { } model
            ? View("~/Features/Reports/Views/CampaignReports.cshtml", model) : NotFound();

    [Authorize(Policy = Policies.OrganiserArea)]
    [HttpPost("/campaigns/{campaignId:int}/extensions")]
    public async Task<IActionResult> Extend(int campaignId, int organisationId, DateOnly? deadline, string? reason)
    {
        var result = await reviews.ExtendAsync(campaignId, organisationId, deadline, reason, HttpContext.RequestAborted);
        if (!result.Found)
        {
            return NotFound();
        }

        TempData[StatusMessage.Key] = result.Succeeded ? "已延长该单位的报送截止日期。" : result.Errors[0].Value;
        return Redirect($"/campaigns/{campaignId}/reports#unit-{organisationId}");
    }

    private async Task<IActionResult> Decided(int id, CommandResult result, string message, ReturnInput? input)
    {
        if (!result.Found)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            TempData[StatusMessage.Key] = message;
            return Redirect($"/reports/{id}");
        }

        // Shown again with the reviewer's words kept and the message next to the field.
        result.CopyErrorsTo(ModelState);
        return await read.ShowAsync(id, null, input, HttpContext.RequestAborted) is { } model ? View(ShowView, model) : NotFound();
    }
}
