using CampaignPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CampaignPortal.Web.Features.Selections;

/// <summary>The organiser's recusal list and Excel files of a selection (its own organisation's only; others 404).</summary>
[Authorize(Policy = Policies.OrganiserArea)]
public sealed class SelectionExportsController(RecusalService recusals, SelectionExport export) : Controller
{
    [HttpGet("/selections/{id:int}/recusals")]
    public async Task<IActionResult> Recusals(int id) =>
        await recusals.ListAsync(id, HttpContext.RequestAborted) is { } model ? View("~/Features/Selections/Views/Recusals.cshtml", model) : NotFound();

    [HttpGet("/selection-rounds/{id:int}/export.xlsx")]
    public async Task<IActionResult> Round(int id) =>
        await export.RoundAsync(id, HttpContext.RequestAborted) is { } file ? File(file.Bytes, SelectionExport.ContentType, file.Name) : NotFound();

    [HttpGet("/selections/{id:int}/result.xlsx")]
    public async Task<IActionResult> Result(int id) =>
        await export.ResultAsync(id, HttpContext.RequestAborted) is { } file ? File(file.Bytes, SelectionExport.ContentType, file.Name) : NotFound();
}
