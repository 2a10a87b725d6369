using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using CampaignPortal.IntegrationTests.Infrastructure;

namespace CampaignPortal.IntegrationTests.Performance;

/// <summary>
/// Responses are compressed when they carry no secret (scripts, styles, anonymous pages without a form token) and
/// never when they may (a signed-in page, a page with an antiforgery token, a response setting a cookie): BREACH.
/// </summary>
public sealed class CompressionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static async Task<HttpResponseMessage> GetAsync(PortalClient client, string path, string encoding = "gzip")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        var response = await client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    [Fact]
    public async Task AnonymousNoticeList_IsCompressed_AndDecompressesToThePage()
    {
        using var visitor = factory.CreatePortalClient();
        var plain = await visitor.GetStringAsync("/notices");
        using var response = await GetAsync(visitor, "/notices");
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        var compressed = await response.Content.ReadAsByteArrayAsync();
        await using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        Assert.Equal(plain, await reader.ReadToEndAsync());
        Assert.True(compressed.Length * 2 < System.Text.Encoding.UTF8.GetByteCount(plain), $"{compressed.Length} bytes compressed");

        using var brotli = await GetAsync(visitor, "/notices", "br");
        Assert.Equal("br", Assert.Single(brotli.Content.Headers.ContentEncoding));
    }

    [Fact]
    public async Task StylesAndScripts_AreCompressed()
    {
        using var visitor = factory.CreatePortalClient();
        foreach (var path in new[] { "/css/site.css", "/js/site.js" })
        {
            using var response = await GetAsync(visitor, path);
            Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        }
    }

    [Fact]
    public async Task PagesThatMayHoldASecret_AreNotCompressed()
    {
        using var visitor = factory.CreatePortalClient();
        using (var signIn = await GetAsync(visitor, "/account/sign-in")) // an antiforgery token and its cookie
        {
            Assert.Empty(signIn.Content.Headers.ContentEncoding);
            Assert.Contains("__RequestVerificationToken", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var filer = await factory.SignedInAsync("klmy.filer@demo.local");
        foreach (var path in new[] { "/notices", "/filer" }) // signed in: personal pages, forms with tokens
        {
            using var response = await GetAsync(filer, path);
            Assert.Empty(response.Content.Headers.ContentEncoding);
        }
    }
}
