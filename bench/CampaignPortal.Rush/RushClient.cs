using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace CampaignPortal.Rush;

/// <summary>
/// One visitor's browser over HTTP: its own cookie jar, redirects not followed (the driver follows them itself to see
/// the status message), every request timed into the recorder and every unexpected answer recorded as an error.
/// </summary>
public sealed partial class RushClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly RushRecorder _recorder;

    public RushClient(Uri baseAddress, RushRecorder recorder, string who)
    {
        _recorder = recorder;
        Who = who;
        _http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(120),
        };
    }

    public string Who { get; }

    /// <summary>A page that must answer 200; null (and an error recorded) otherwise.</summary>
    public async Task<string?> PageAsync(string step, string path)
    {
        var (status, body, _) = await SendAsync(step, () => new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)));
        if (status == HttpStatusCode.OK)
        {
            return body;
        }

        Fail(step, status, $"GET {path}: {body}");
        return null;
    }

    /// <summary>A POST answered by a redirect (Post/Redirect/Get); the redirect target, or null with an error recorded.</summary>
    public async Task<string?> PostRedirectAsync(string step, string path, Func<HttpContent> content, string? expectedTarget = null)
    {
        var (status, body, location) = await SendAsync(step, () => new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content() });
        if (status == HttpStatusCode.Redirect && location is not null && (expectedTarget is null || location.Contains(expectedTarget, StringComparison.Ordinal)))
        {
            return location;
        }

        Fail(step, status, $"POST {path} → {location}: {ErrorText(body)}");
        return null;
    }

    /// <summary>A script request (X-Requested-With): the JSON body when it answers 200, else null with an error recorded.</summary>
    public async Task<string?> PostScriptAsync(string step, string path, Func<HttpContent> content)
    {
        var (status, body, _) = await SendAsync(step, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content() };
            request.Headers.Add("X-Requested-With", "XMLHttpRequest");
            return request;
        });
        if (status == HttpStatusCode.OK)
        {
            return body;
        }

        Fail(step, status, $"POST {path}: {body}");
        return null;
    }

    public void Fail(string step, HttpStatusCode status, string detail) => _recorder.Error(step, Who, (int)status, detail);

    public static string? TokenIn(string html) =>
        TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    /// <summary>What a refused form says: the validation summary or the first field message, else the start of the page.</summary>
    public static string ErrorText(string body)
    {
        var messages = MessagePattern().Matches(body).Select(m => WebUtility.HtmlDecode(TagPattern().Replace(m.Groups[1].Value, " ").Trim())).Where(m => m.Length > 0);
        var text = string.Join(" / ", messages);
        return text.Length > 0 ? text : body;
    }

    public void Dispose() => _http.Dispose();

    private async Task<(HttpStatusCode Status, string Body, string? Location)> SendAsync(string step, Func<HttpRequestMessage> request)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var message = request();
            using var response = await _http.SendAsync(message);
            var body = await response.Content.ReadAsStringAsync();
            _recorder.Time(step, watch.Elapsed);
            return (response.StatusCode, body, response.Headers.Location?.OriginalString);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            _recorder.Time(step, watch.Elapsed);
            return (0, $"{ex.GetType().Name}: {ex.Message}", null);
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("class=\"(?:validation-summary-errors|field-validation-error|text-danger|alert alert-danger)[^\"]*\"[^>]*>(.*?)</(?:div|span|ul)>", RegexOptions.Singleline)]
    private static partial Regex MessagePattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}
