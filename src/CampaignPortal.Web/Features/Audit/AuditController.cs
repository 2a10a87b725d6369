using CampaignPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CampaignPortal.Web.Features.Audit;

[Authorize(Policy = Policies.AdminArea)]
public sealed class AuditController(AuditService audit) : Controller
{
    [HttpGet("/admin/audit")]
    public async Task<IActionResult> Index(AuditQuery query)
    {
        if (!ModelState.IsValid)
        {
            query = new AuditQuery { Q = query.Q };
        }

        return View(await audit.ListAsync(query, HttpContext.RequestAborted));
    }
}
