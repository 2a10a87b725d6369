using CampaignPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CampaignPortal.Web.Features.Errors;

public sealed record ErrorViewModel(int StatusCode, string Title, string Message, string RequestId);

/// <summary>Friendly error pages in Chinese with a request id; never a stack trace.</summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed partial class ErrorsController(ILogger<ErrorsController> logger) : Controller
{
    [Route("/error/{code:int}")]
    [IgnoreAntiforgeryToken]
    [ReadsFormItself]
    public IActionResult Show()
    {
        // Read from the route by hand: binding a parameter would read a re-executed request's form again, which is
        // what failed (e.g. a form value over the limit) and would fail again.
        var code = int.TryParse(HttpContext.GetRouteValue("code") as string, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : 404;
        // A busy database outside MVC (sign-in's stamp check, a view component) is "try again shortly", not a crash.
        if (Infrastructure.TransientFaults.IsDatabaseBusy(HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error))
        {
            code = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = Infrastructure.TransientFaults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // The same id as in the request log and the audit trail.
        var requestId = HttpContext.TraceIdentifier;
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        var (title, message) = code == 400 && HttpContext.Items.ContainsKey(FormTextMiddleware.RefusedKey)
            ? ("内容含有控制字符", FormText.RefusalMessage)
            : Describe(code);
        Response.StatusCode = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        if (code == StatusCodes.Status403Forbidden)
        {
            // Failed authorisation by role, for the security log (refusals by organisation answer 404 like a missing id
            // and appear in the request log with the user's id).
            LogForbidden(logger, User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "anonymous", HttpContext.Request.Method, original ?? "?");
        }

        if (original is not null && original.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            return Problem(title: title, detail: message, statusCode: Response.StatusCode);
        }

        return View("Error", new ErrorViewModel(Response.StatusCode, title, message, requestId));
    }

    private static (string Title, string Message) Describe(int code) => code switch
    {
        400 => ("请求无效", "页面已过期或提交的内容不完整。请返回上一页，刷新后重新提交。"),
        401 => ("需要登录", "请先登录后再访问此页面。"),
        403 => ("没有权限", "您的账号没有访问此页面的权限。如确需办理，请联系本单位管理员开通相应角色。"),
        404 => ("页面不存在", "您访问的页面不存在或已被删除，请检查链接是否正确。"),
        409 => ("当前状态下不能执行此操作", "该事项的状态已经改变，请刷新页面查看最新情况。"),
        413 => ("文件过大", "上传的内容超过了允许的大小。"),
        429 => ("操作过于频繁", "请稍候再试。"),
        503 => ("系统繁忙", Infrastructure.TransientFaults.DatabaseBusyMessage),
        _ when code >= 500 => ("系统繁忙", "服务器处理请求时出现问题，我们已记录此次错误。请稍后重试；如多次出现，请将下方的请求编号告知平台管理员。"),
        _ => ("出现问题", "请返回首页后重试。"),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Access denied (403): user {UserId} {Method} {Path}")]
    private static partial void LogForbidden(ILogger logger, string userId, string method, string path);
}
