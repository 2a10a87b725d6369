using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CampaignPortal.Web.Features.Selections;

/// <summary>推荐材料: the nominating unit uploads and removes them on the draft; the download is checked per file.</summary>
public sealed class NominationFilesController(NominationFileService files, IAntiforgery antiforgery) : Controller
{
    [HttpPost("/nominations/{id:int}/files")]
    [Authorize(Policy = Policies.FilerArea)]
    [ReadsFormItself]
    [IgnoreAntiforgeryToken] // Checked in UploadForm, after the size: reading an oversized form for the token would fail first.
    [DisableRequestSizeLimit]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadForm.Limit)]
    public async Task<IActionResult> Upload(int id)
    {
        var read = await UploadForm.ReadAsync(HttpContext, antiforgery);
        if (read.BadRequest)
        {
            return BadRequest();
        }

        var result = read.Form is { } form ? await files.AddAsync(id, form.Files.GetFile("file"), HttpContext.RequestAborted) : null;
        if (result is { Found: false })
        {
            return NotFound();
        }

        TempData[StatusMessage.Key] = result is null ? read.Message : result.Succeeded ? "推荐材料已上传。" : result.Errors[0].Value;
        return Redirect($"/nominations/{id}/edit#files");
    }

    [HttpPost("/nominations/{id:int}/files/{fileId:guid}/remove")]
    [Authorize(Policy = Policies.FilerArea)]
    public async Task<IActionResult> Remove(int id, Guid fileId)
    {
        var result = await files.RemoveAsync(id, fileId, HttpContext.RequestAborted);
        if (!result.Found)
        {
            return NotFound();
        }

        TempData[StatusMessage.Key] = "推荐材料已删除。";
        return Redirect($"/nominations/{id}/edit#files");
    }

    [HttpGet("/nominations/{id:int}/files/{fileId:guid}")]
    [Authorize] // Any signed-in user: experts hold no role; the file itself decides who may read it.
    public async Task<IActionResult> Download(int id, Guid fileId)
    {
        if (await files.DownloadableAsync(id, fileId, HttpContext.RequestAborted) is not { } file)
        {
            return NotFound();
        }

        // Always a download (Content-Disposition: attachment, with the UTF-8 name), never rendered in the portal's origin.
        return File(files.OpenRead(file), file.ContentType, file.OriginalName);
    }
}
