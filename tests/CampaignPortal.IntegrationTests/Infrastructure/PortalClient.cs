using System.Net;
using System.Text.RegularExpressions;

namespace CampaignPortal.IntegrationTests.Infrastructure;

/// <summary>One browser session against the in-process portal: cookies kept, redirects not followed, forms posted with their antiforgery token.</summary>
public sealed partial class PortalClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(new Uri(path, UriKind.Relative));

    public async Task<string> GetStringAsync(string path)
    {
        var response = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Reads the antiforgery token from the form on <paramref name="formPage"/> (tokens are bound to the signed-in user).</summary>
    public async Task<string> AntiforgeryTokenAsync(string formPage)
    {
        var html = await GetStringAsync(formPage);
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"No antiforgery token on {formPage}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public async Task<HttpResponseMessage> PostFormAsync(string path, IDictionary<string, string> fields, string? formPage = null)
    {
        var withToken = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(formPage ?? path),
        };
        return await PostFormWithoutTokenAsync(path, withToken);
    }

    public async Task<HttpResponseMessage> PostFormWithoutTokenAsync(string path, IDictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await Http.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    public async Task<HttpResponseMessage> PostFileAsync(string path, string formPage, string fileName, byte[] content, IDictionary<string, string>? fields = null)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(await AntiforgeryTokenAsync(formPage)), "__RequestVerificationToken");
        foreach (var (key, value) in fields ?? new Dictionary<string, string>())
        {
            form.Add(new StringContent(value), key);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", fileName);
        return await Http.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    public Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        PostFormAsync("/account/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
