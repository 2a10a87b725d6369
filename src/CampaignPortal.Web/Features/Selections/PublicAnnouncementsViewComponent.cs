using Microsoft.AspNetCore.Mvc;

namespace CampaignPortal.Web.Features.Selections;

/// <summary>评选公示 on the public front page and notice list: the newest 公示 and result publications, so visitors find them.</summary>
public sealed class PublicAnnouncementsViewComponent(AnnouncementReadService read) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("~/Features/Selections/Views/_PublicAnnouncements.cshtml", await read.LatestAsync(5, HttpContext.RequestAborted));
}
