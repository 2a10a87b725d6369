using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;

namespace CampaignPortal.UnitTests.Infrastructure;

public sealed class DomainExceptionFilterTests
{
    private static ExceptionContext Failed(Exception exception)
    {
        var http = new DefaultHttpContext();
        // What a successful password check appends before the audit record is written.
        http.Response.Headers.Append("Set-Cookie", ".AspNetCore.Identity.Application=signed-in; path=/; httponly");
        return new ExceptionContext(new ActionContext(http, new RouteData(), new ActionDescriptor()), []) { Exception = exception };
    }

    [Fact]
    public void DatabaseBusy_AfterASignInCookie_Answers503_AndDropsTheCookie()
    {
        var context = Failed(new SqliteException("database is locked", 5));

        new DomainExceptionFilter(new EmptyModelMetadataProvider()).OnException(context);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, Assert.IsType<ViewResult>(context.Result).StatusCode);
        Assert.False(context.HttpContext.Response.Headers.ContainsKey("Set-Cookie"));
        Assert.Equal(TransientFaults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), context.HttpContext.Response.Headers.RetryAfter.ToString());
    }

    [Fact]
    public void DomainRefusal_Answers409_AndDropsCookiesOfTheFailedRequest()
    {
        var context = Failed(new DomainException("活动已结束，不能再修改。"));

        new DomainExceptionFilter(new EmptyModelMetadataProvider()).OnException(context);

        Assert.Equal(StatusCodes.Status409Conflict, Assert.IsType<ViewResult>(context.Result).StatusCode);
        Assert.False(context.HttpContext.Response.Headers.ContainsKey("Set-Cookie"));
    }

    [Fact]
    public void OtherExceptions_AreLeftToTheErrorHandler()
    {
        var context = Failed(new InvalidOperationException("bug"));

        new DomainExceptionFilter(new EmptyModelMetadataProvider()).OnException(context);

        Assert.Null(context.Result);
        Assert.False(context.ExceptionHandled);
    }
}
