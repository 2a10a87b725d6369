using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace CampaignPortal.IntegrationTests.Performance;

/// <summary>
/// Issue 13's page budget: a list page's HTML ≤ 100 KB (≤ 20 KB gzip-compressed) at provincial scale; the first view
/// of the public home and the notice list ≤ 500 KB in ≤ 20 requests (user media excluded); scripts and styles served
/// locally, versioned and cacheable.
/// </summary>
[Collection(ProvincialScale.Name)]
public sealed partial class PageBudgetTests(ScaleMeasurements measured, ITestOutputHelper output)
{
    public const int HtmlBudget = 100 * 1024;
    public const int CompressedBudget = 20 * 1024;
    public const int FirstViewBudget = 500 * 1024;
    public const int FirstViewRequests = 20;

    public static TheoryData<string> ListPages => [.. ScaleMeasurements.Pages.Where(p => p.IsList).Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(ListPages))]
    public void ListPage_Html_WithinBudgetAtScale(string name)
    {
        var small = measured.Small[name].Html;
        var large = measured.Large[name].Html;
        var compressed = GzipLength(large);
        output.WriteLine($"{name}: {small.Length / 1024.0:F1} KB with the demo data; at scale {large.Length / 1024.0:F1} KB, {compressed / 1024.0:F1} KB gzip");

        Assert.True(large.Length <= HtmlBudget, $"{name}: {large.Length:N0} bytes of HTML, budget {HtmlBudget:N0}");
        Assert.True(compressed <= CompressedBudget, $"{name}: {compressed:N0} bytes compressed, budget {CompressedBudget:N0}");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/notices")]
    public async Task FirstView_HtmlAndLocalAssets_WithinBudget_VersionedAndCacheable(string path)
    {
        using var client = measured.Factory.CreatePortalClient();
        var html = await client.GetStringAsync(path);
        var total = Encoding.UTF8.GetByteCount(html);
        var assets = Assets(html).ToList();
        var requests = 1;
        var stylesheets = new List<string>();
        foreach (var asset in assets)
        {
            var response = await client.GetAsync(asset.Url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset.Url}: {response.StatusCode}");
            var body = await response.Content.ReadAsByteArrayAsync();
            total += body.Length;
            requests++;
            output.WriteLine($"{asset.Url}: {body.Length / 1024.0:F1} KB, Cache-Control: {response.Headers.CacheControl}");
            if (asset.IsCode)
            {
                Assert.Contains("?v=", asset.Url, StringComparison.Ordinal);
                Assert.True(response.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(30), $"{asset.Url}: Cache-Control {response.Headers.CacheControl}");
            }

            if (asset.Url.Split('?')[0].EndsWith(".css", StringComparison.OrdinalIgnoreCase))
            {
                stylesheets.Add(Encoding.UTF8.GetString(body));
            }
        }

        // What the stylesheets load in turn (fonts, background images); data: URIs cost no request.
        foreach (var url in stylesheets.SelectMany(css => CssUrl().Matches(css).Select(m => m.Groups[1].Value)).Where(IsLocal).Distinct())
        {
            var response = await client.GetAsync(url);
            total += (await response.Content.ReadAsByteArrayAsync()).Length;
            requests++;
        }

        output.WriteLine($"{path}: first view {total / 1024.0:F1} KB in {requests} requests (HTML {Encoding.UTF8.GetByteCount(html) / 1024.0:F1} KB)");
        Assert.Contains(assets, a => a.IsCode); // the layout's scripts and styles were found: the parsing works
        Assert.True(total <= FirstViewBudget, $"{path}: {total:N0} bytes, budget {FirstViewBudget:N0}");
        Assert.True(requests <= FirstViewRequests, $"{path}: {requests} requests, budget {FirstViewRequests}");
        Assert.Empty(ExternalReferences().Matches(html));
    }

    private sealed record Asset(string Url, bool IsCode);

    /// <summary>Local scripts, stylesheets and images the page references (user media, under a portal path with an id, are not site assets but count alike).</summary>
    private static IEnumerable<Asset> Assets(string html)
    {
        foreach (Match m in ScriptOrImage().Matches(html))
        {
            var url = WebUtility.HtmlDecode(m.Groups["url"].Value);
            if (IsLocal(url))
            {
                yield return new Asset(url, string.Equals(m.Groups["tag"].Value, "script", StringComparison.OrdinalIgnoreCase));
            }
        }

        foreach (Match m in Link().Matches(html))
        {
            var url = WebUtility.HtmlDecode(m.Groups["url"].Value);
            if (IsLocal(url))
            {
                yield return new Asset(url, true);
            }
        }
    }

    private static bool IsLocal(string url) => url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal);

    private static int GzipLength(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return (int)buffer.Length;
    }

    [GeneratedRegex("""<(?<tag>script|img)\b[^>]*?\bsrc="(?<url>[^"]+)"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrImage();

    [GeneratedRegex("""<link\b(?=[^>]*\brel="(?:stylesheet|icon|preload|modulepreload|manifest)")[^>]*?\bhref="(?<url>[^"]+)"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    [GeneratedRegex("""url\(\s*['"]?([^'")]+)['"]?\s*\)""")]
    private static partial Regex CssUrl();

    /// <summary>Scripts, styles and images from another site (a CDN); plain links to other sites are fine.</summary>
    [GeneratedRegex("""<(?:script|img|link)\b[^>]*?\b(?:src|href)="(?:https?:)?//[^"]+"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReferences();
}
