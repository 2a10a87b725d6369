using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace CampaignPortal.FaultTests.Infrastructure;

/// <summary>
/// One person's browser over real HTTP: a cookie jar that outlives restarts of the portal, redirects not followed,
/// forms posted with the antiforgery token read from the page. <see cref="Reconnect"/> drops pooled connections to a
/// killed process but keeps the cookies.
/// </summary>
public sealed partial class Browser : IDisposable
{
    private readonly PortalProcess _portal;
    private readonly CookieContainer _cookies = new();

    public Browser(PortalProcess portal)
    {
        _portal = portal;
        Http = NewClient();
    }

    public HttpClient Http { get; private set; }

    public static async Task<Browser> SignedInAsync(PortalProcess portal, string email)
    {
        var browser = new Browser(portal);
        var token = TokenIn(await browser.GetStringAsync("/account/sign-in"));
        var response = await browser.PostFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = PortalProcess.DemoPassword,
        }, token);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in of {email} answered {(int)response.StatusCode}");
        return browser;
    }

    public void Reconnect()
    {
        Http.Dispose();
        Http = NewClient();
    }

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(new Uri(path, UriKind.Relative));

    public async Task<string> GetStringAsync(string path)
    {
        using var response = await GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}");
        return body;
    }

    public async Task<HttpResponseMessage> PostFormAsync(string path, IDictionary<string, string> fields, string token)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token });
        return await Http.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    public async Task<HttpResponseMessage> PostAsync(string path, HttpContent content, string? scriptToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content };
        AddScriptHeaders(request, scriptToken);
        return await Http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> SendScriptAsync(HttpMethod method, string path, HttpContent? content, string token)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        AddScriptHeaders(request, token);
        return await Http.SendAsync(request);
    }

    /// <summary>A multipart upload of one file, as the report page's attachment form posts it.</summary>
    public static MultipartFormDataContent FileForm(string token, string fileName, byte[] bytes, string kind = "Document")
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(kind), "kind" },
            { new StringContent("故障测试附件"), "caption" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        return form;
    }

    /// <summary>The status message shown after a Post/Redirect/Get.</summary>
    public async Task<string> FollowAsync(HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        return await GetStringAsync(redirect.Headers.Location!.OriginalString);
    }

    public static string TokenIn(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "No antiforgery token on the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public void Dispose() => Http.Dispose();

    private static void AddScriptHeaders(HttpRequestMessage request, string? token)
    {
        request.Headers.Add("X-Requested-With", "XMLHttpRequest");
        if (token is not null)
        {
            request.Headers.Add("X-CSRF-TOKEN", token);
        }
    }

    private HttpClient NewClient() => new(new SocketsHttpHandler { CookieContainer = _cookies, UseCookies = true, AllowAutoRedirect = false })
    {
        BaseAddress = _portal.BaseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
