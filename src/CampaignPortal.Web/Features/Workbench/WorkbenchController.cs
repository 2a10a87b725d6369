using CampaignPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CampaignPortal.Web.Features.Workbench;

/// <summary>One home page per role. Each is refused (403) to users without that role.</summary>
public sealed class WorkbenchController(WorkbenchService workbench, Home.DashboardService dashboard) : Controller
{
    [Authorize(Policy = Policies.AdminArea)]
    [HttpGet("/admin")]
    public async Task<IActionResult> Admin() => View(await dashboard.BuildAsync(HttpContext.RequestAborted));

    [Authorize(Policy = Policies.FilerArea)]
    [HttpGet("/filer")]
    public async Task<IActionResult> Filer() => View(await workbench.FilerHomeAsync(HttpContext.RequestAborted));

    [Authorize(Policy = Policies.ReviewerArea)]
    [HttpGet("/reviewer")]
    public async Task<IActionResult> Reviewer() => View(await workbench.RoleHomeAsync(HttpContext.RequestAborted));
}
