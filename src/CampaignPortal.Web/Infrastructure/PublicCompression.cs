using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace CampaignPortal.Web.Infrastructure;

/// <summary>
/// Compresses what carries no secret: the scripts and styles, and pages for visitors who are not signed in, unless the
/// response holds an antiforgery token or sets a cookie. Compressing a secret next to text an attacker can put into the
/// same page lets the compressed length give the secret away (BREACH), so signed-in pages, forms (their token sets
/// <c>Cache-Control: no-store</c>) and anything setting a cookie go uncompressed.
/// </summary>
public static class PublicCompression
{
    public static IServiceCollection AddPublicCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true; // safe only because of the rule above: see TokenFreeCompressionProvider
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddSingleton<IResponseCompressionProvider, TokenFreeCompressionProvider>();
        return services;
    }

    /// <summary>True when the response may hold a secret: a signed-in page, an antiforgery token, a cookie.</summary>
    public static bool MayHoldSecret(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
        || context.Response.Headers.SetCookie.Count > 0
        || context.Response.Headers.CacheControl.Any(v => v?.Contains("no-store", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>The framework's provider (negotiation, MIME types) with <see cref="MayHoldSecret"/> on top.</summary>
    private sealed class TokenFreeCompressionProvider(IServiceProvider services, IOptions<ResponseCompressionOptions> options) : IResponseCompressionProvider
    {
        private readonly ResponseCompressionProvider _inner = new(services, options);

        public ICompressionProvider? GetCompressionProvider(HttpContext context) => _inner.GetCompressionProvider(context);

        public bool CheckRequestAcceptsCompression(HttpContext context) => _inner.CheckRequestAcceptsCompression(context);

        public bool ShouldCompressResponse(HttpContext context) => !MayHoldSecret(context) && _inner.ShouldCompressResponse(context);
    }
}
