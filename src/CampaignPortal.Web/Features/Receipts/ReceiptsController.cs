using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CampaignPortal.Web.Features.Receipts;

public sealed class ReceiptsController(ReceiptService receipts) : Controller
{
    /// <summary>签收 by staff of an addressed unit.</summary>
    [HttpPost("/notices/{id:int}/acknowledge")]
    public async Task<IActionResult> Acknowledge(int id)
    {
        if (!await receipts.AcknowledgeAsync(id, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        TempData[StatusMessage.Key] = "已签收。";
        return Redirect($"/notices/{id}");
    }

    [Authorize(Policy = Policies.OrganiserArea)]
    [HttpGet("/notices/{id:int}/receipts")]
    public async Task<IActionResult> Index(int id) =>
        await receipts.GridAsync(id, HttpContext.RequestAborted) is { } model ? View("~/Features/Receipts/Views/Index.cshtml", model) : NotFound();

    [Authorize(Policy = Policies.OrganiserArea)]
    [HttpPost("/notices/{id:int}/receipts/{organisationId:int}")]
    public async Task<IActionResult> OnBehalf(int id, int organisationId, string? note)
    {
        var result = await receipts.AcknowledgeOnBehalfAsync(id, organisationId, note, HttpContext.RequestAborted);
        if (!result.Found)
        {
            return NotFound();
        }

        TempData[StatusMessage.Key] = result.Succeeded ? "已代签收。" : result.Errors[0].Value;
        return Redirect($"/notices/{id}/receipts");
    }
}
