using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace CampaignPortal.Web.Infrastructure;

/// <summary>
/// Scripts, styles and images under wwwroot are linked with <c>asp-append-version</c>, which adds <c>?v=</c> and the
/// file's hash: such an address never changes content, so browsers keep it a year without asking again. An address
/// without the version is revalidated every time (ETag), so a changed file is never served stale.
/// </summary>
public static class StaticFileCaching
{
    public const int VersionedMaxAgeSeconds = 365 * 24 * 60 * 60;

    /// <summary>Configures the options <c>UseStaticFiles()</c> reads.</summary>
    public static IServiceCollection AddPortalStaticFileCaching(this IServiceCollection services) =>
        services.Configure<StaticFileOptions>(o => o.OnPrepareResponse = SetCacheControl);

    private static void SetCacheControl(StaticFileResponseContext context)
    {
        var versioned = context.Context.Request.Query.ContainsKey("v");
        context.Context.Response.Headers[HeaderNames.CacheControl] = versioned
            ? $"public, max-age={VersionedMaxAgeSeconds}, immutable"
            : "no-cache";
    }
}
