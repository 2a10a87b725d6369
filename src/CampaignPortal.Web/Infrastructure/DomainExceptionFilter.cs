using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Features.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CampaignPortal.Web.Infrastructure;

/// <summary>An illegal state change (DomainException) answers 409 with the domain's own Chinese message.</summary>
public sealed class DomainExceptionFilter(IModelMetadataProvider metadata) : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        if (context.Exception is not DomainException exception)
        {
            return;
        }

        var requestId = context.HttpContext.TraceIdentifier;
        context.Result = new ViewResult
        {
            ViewName = "~/Features/Errors/Views/Error.cshtml",
            StatusCode = StatusCodes.Status409Conflict,
            ViewData = new ViewDataDictionary(metadata, context.ModelState)
            {
                Model = new ErrorViewModel(StatusCodes.Status409Conflict, "当前状态下不能执行此操作", exception.Message, requestId),
            },
        };
        context.ExceptionHandled = true;
    }
}
