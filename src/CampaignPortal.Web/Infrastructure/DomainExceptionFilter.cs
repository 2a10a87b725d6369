using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Features.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CampaignPortal.Web.Infrastructure;

/// <summary>
/// An illegal state change (DomainException) answers 409 with the domain's own Chinese message; a database held by
/// another writer past the busy timeout answers 503 "系统繁忙" with <c>Retry-After</c>, never a bare 500.
/// </summary>
public sealed class DomainExceptionFilter(IModelMetadataProvider metadata) : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        if (TransientFaults.IsDatabaseBusy(context.Exception))
        {
            context.HttpContext.Response.Headers.RetryAfter = TransientFaults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Answer(context, StatusCodes.Status503ServiceUnavailable, "系统繁忙", TransientFaults.DatabaseBusyMessage);
            return;
        }

        var message = context.Exception switch
        {
            DomainException domain => domain.Message,

            // Two people changed the same thing at once (a concurrency token moved): the later one is told, nothing half-done.
            Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException => "数据已被他人同时更改，您的操作没有生效。请刷新页面，核对后再操作。",
            _ => null,
        };
        if (message is null)
        {
            return;
        }

        Answer(context, StatusCodes.Status409Conflict, "当前状态下不能执行此操作", message);
    }

    private void Answer(ExceptionContext context, int statusCode, string title, string message)
    {
        // The request failed, so the browser stays as it was: a cookie set before the failure (a sign-in whose audit
        // record then met a busy database) would leave the person signed in although they were told it did not work.
        context.HttpContext.Response.Headers.Remove(Microsoft.Net.Http.Headers.HeaderNames.SetCookie);
        var requestId = context.HttpContext.TraceIdentifier;
        if (string.Equals(context.HttpContext.Request.Headers.XRequestedWith, "XMLHttpRequest", StringComparison.Ordinal))
        {
            // Script requests (autosave, uploads) get the message as JSON, to show it where the person is typing.
            context.Result = new Microsoft.AspNetCore.Mvc.ObjectResult(new { message, requestId }) { StatusCode = statusCode };
            context.ExceptionHandled = true;
            return;
        }

        context.Result = new ViewResult
        {
            ViewName = "~/Features/Errors/Views/Error.cshtml",
            StatusCode = statusCode,
            ViewData = new ViewDataDictionary(metadata, context.ModelState)
            {
                Model = new ErrorViewModel(statusCode, title, message, requestId),
            },
        };
        context.ExceptionHandled = true;
    }
}
