using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CampaignPortal.Web.Features.Exports;

[Authorize]
public sealed class ExportsController(ExportService exports) : Controller
{
    /// <summary>A report as Word (公文 layout), for whoever may read the report.</summary>
    [HttpGet("/reports/{id:int}/word")]
    public async Task<IActionResult> ReportWord(int id, int? version) =>
        await exports.ReportDocumentAsync(id, version, HttpContext.RequestAborted) is { } doc
            ? File(doc.Content, ExportService.DocxType, doc.FileName)
            : NotFound();

    [Authorize(Policy = Policies.OrganiserArea)]
    [HttpPost("/campaigns/{id:int}/exports")]
    public async Task<IActionResult> Queue(int id, ExportKind kind) =>
        await exports.QueueAsync(id, kind, HttpContext.RequestAborted) is { } job ? Redirect($"/exports/{job}") : NotFound();

    [Authorize(Policy = Policies.OrganiserArea)]
    [HttpGet("/exports/{id:guid}")]
    public async Task<IActionResult> Show(Guid id) =>
        await exports.JobAsync(id, HttpContext.RequestAborted) is { } job ? View("~/Features/Exports/Views/Job.cshtml", job) : NotFound();

    [Authorize(Policy = Policies.OrganiserArea)]
    [HttpGet("/exports/{id:guid}/download")]
    public async Task<IActionResult> Download(Guid id) =>
        await exports.DownloadAsync(id, HttpContext.RequestAborted) is { } file ? File(file.Content, file.ContentType, file.FileName) : NotFound();
}
