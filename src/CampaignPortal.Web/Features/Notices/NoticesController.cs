using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CampaignPortal.Web.Features.Notices;

/// <summary>The public notice pages (通知公告).</summary>
[AllowAnonymous]
public sealed class NoticesController(NoticeReadService notices, Receipts.ReceiptService receipts, Infrastructure.Files.FileService files) : Controller
{
    [HttpGet("/notices")]
    [Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Infrastructure.PublicPageCache.Policy)]
    public async Task<IActionResult> Index(NoticeListQuery query)
    {
        if (!ModelState.IsValid)
        {
            query = new NoticeListQuery { Q = query.Q };
        }

        return View(await notices.ListAsync(query, HttpContext.RequestAborted));
    }

    [HttpGet("/notices/{id:int}")]
    [Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Infrastructure.PublicPageCache.Policy)]
    public async Task<IActionResult> Show(int id)
    {
        if (await notices.PageAsync(id, HttpContext.RequestAborted) is not { } model)
        {
            return NotFound();
        }

        // Staff of an addressed unit: the first opening marks the notice read (documented exception to "GET changes nothing").
        var receipt = User.Identity?.IsAuthenticated == true ? await receipts.OpenedAsync(id, HttpContext.RequestAborted) : null;
        return View(model with { Receipt = receipt });
    }

    [HttpGet("/notices/{id:int}/revisions/{number:int}")]
    public async Task<IActionResult> Revision(int id, int number) =>
        await notices.RevisionPageAsync(id, number, HttpContext.RequestAborted) is { } model ? View("Show", model) : NotFound();

    [HttpGet("/notices/{id:int}/attachments/{fileId:guid}")]
    public async Task<IActionResult> Attachment(int id, Guid fileId)
    {
        if (await notices.AttachmentAsync(id, fileId, HttpContext.RequestAborted) is not { } file)
        {
            return NotFound();
        }

        // Always a download (Content-Disposition: attachment, with the UTF-8 name), never rendered in the portal's origin.
        return File(files.OpenRead(file), file.ContentType, file.OriginalName);
    }
}
