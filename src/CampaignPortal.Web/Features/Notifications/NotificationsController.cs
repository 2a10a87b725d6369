using CampaignPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CampaignPortal.Web.Features.Notifications;

/// <summary>The signed-in person's own notifications (消息提醒).</summary>
[Authorize]
public sealed class NotificationsController(NotificationService notifications) : Controller
{
    [HttpGet("/notifications")]
    public async Task<IActionResult> Index(int page = 1) =>
        View(await notifications.ListAsync(page, HttpContext.RequestAborted));

    /// <summary>Opening a notification marks it read and goes to what it is about.</summary>
    [HttpPost("/notifications/{id:long}/open")]
    public async Task<IActionResult> Open(long id) =>
        await notifications.OpenAsync(id, HttpContext.RequestAborted) is { } link ? LocalRedirect(link) : NotFound();

    [HttpPost("/notifications/read-all")]
    public async Task<IActionResult> ReadAll()
    {
        var count = await notifications.ReadAllAsync(HttpContext.RequestAborted);
        TempData[StatusMessage.Key] = count == 0 ? "没有未读消息。" : $"已将 {count} 条消息标为已读。";
        return Redirect("/notifications");
    }
}
