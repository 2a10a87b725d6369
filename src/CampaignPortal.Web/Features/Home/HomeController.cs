using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CampaignPortal.Web.Features.Home;

public sealed class HomeController(DashboardService dashboard, Notices.NoticeReadService notices) : Controller
{
    /// <summary>The public front page for visitors; the role dashboard for staff.</summary>
    [AllowAnonymous]
    [HttpGet("/")]
    [Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Infrastructure.PublicPageCache.Policy)]
    public async Task<IActionResult> Index()
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return View("Public", await notices.LatestAsync(8, HttpContext.RequestAborted));
        }

        return View("Dashboard", await dashboard.BuildAsync(HttpContext.RequestAborted));
    }
}
