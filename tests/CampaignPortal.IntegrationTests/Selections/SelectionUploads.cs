using System.Net.Http.Headers;
using CampaignPortal.IntegrationTests.Infrastructure;

namespace CampaignPortal.IntegrationTests.Selections;

/// <summary>Multipart posts with repeated fields (checkbox lists) and a named file field, as the browser sends them.</summary>
public static class SelectionUploads
{
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    public static async Task<HttpResponseMessage> PostMultipartAsync(
        this PortalClient client, string path, string formPage, IEnumerable<(string Name, string Value)> fields, (string Field, string Name, byte[] Content)? file = null)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await client.AntiforgeryTokenAsync(formPage)), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        if (file is { } f)
        {
            var content = new ByteArrayContent(f.Content);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, f.Field, f.Name);
        }

        return await client.Http.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    public static async Task<string> StatusMessageAfterAsync(this PortalClient client, HttpResponseMessage redirect)
    {
        Assert.Equal(System.Net.HttpStatusCode.Redirect, redirect.StatusCode);
        return await client.GetStringAsync(redirect.Headers.Location!.OriginalString.Split('#')[0]);
    }
}
