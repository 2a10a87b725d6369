using System.Net;
using System.Text;
using CampaignPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignPortal.IntegrationTests.Security;

/// <summary>
/// Every endpoint the application maps, read from its own endpoint data: each must be listed in docs/permissions.md
/// with its access rule (a new endpoint without a row fails), and every state-changing one must refuse a request
/// without the antiforgery token.
/// </summary>
public sealed class EndpointInventoryTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public sealed record EndpointRow(string Method, string Route, string Access, bool Antiforgery);

    private List<EndpointRow> Endpoints() => Inventory(factory);

    /// <summary>Every route × method the application maps, with its access rule read from the endpoint's metadata.</summary>
    public static List<EndpointRow> Inventory(PortalFactory factory)
    {
        var sources = factory.Services.GetRequiredService<EndpointDataSource>();
        return sources.Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => (Method: m, Endpoint: e)))
            .Select(x =>
            {
                var metadata = x.Endpoint.Metadata;

                // [AllowAnonymous] wins over any [Authorize] on the controller.
                var access = metadata.GetMetadata<IAllowAnonymous>() is not null
                    ? "anonymous"
                    : string.Join("+", metadata.OfType<IAuthorizeData>().Select(a => a.Policy ?? a.Roles ?? "signed-in").Distinct().Order()) is { Length: > 0 } p ? p : "signed-in";
                var antiforgery = x.Method is not ("GET" or "HEAD" or "ANY") && metadata.OfType<IAntiforgeryPolicy>().LastOrDefault() is not IgnoreAntiforgeryTokenAttribute;
                return new EndpointRow(x.Method, "/" + x.Endpoint.RoutePattern.RawText!.TrimStart('/'), access, antiforgery);
            })
            .Distinct()
            .OrderBy(r => r.Route, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)
            .ToList();
    }

    private static string Table(IEnumerable<EndpointRow> rows)
    {
        var text = new StringBuilder("| Method | Route | Access | Antiforgery |\n| --- | --- | --- | --- |\n");
        foreach (var r in rows)
        {
            text.Append($"| {r.Method} | `{r.Route.Replace("|", "\\|", StringComparison.Ordinal)}` | {r.Access} | {(r.Antiforgery ? "token" : r.Method is "GET" or "HEAD" or "ANY" ? "—" : "checked in the action")} |\n");
        }

        return text.ToString();
    }

    public static string PermissionsDoc()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "docs", "permissions.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docs/permissions.md not found.");
    }

    /// <summary>The text between <c>&lt;!-- name:start --&gt;</c> and <c>&lt;!-- name:end --&gt;</c> in a document.</summary>
    public static string Section(string path, string name)
    {
        var doc = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = $"<!-- {name}:start -->\n";
        var end = $"<!-- {name}:end -->";
        var from = doc.IndexOf(start, StringComparison.Ordinal);
        var to = doc.IndexOf(end, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, $"{Path.GetFileName(path)} lacks the {name} markers.");
        return doc[(from + start.Length)..to];
    }

    [Fact]
    public void EveryEndpoint_IsListedInThePermissionsDocument_WithItsAccessRule()
    {
        var expected = Table(Endpoints());
        var listed = Section(PermissionsDoc(), "endpoints");

        // On a difference, the message is the table to paste (a new endpoint needs its row, and its rule reviewed).
        Assert.True(listed == expected, "docs/permissions.md's endpoint inventory differs from the application. Expected:\n" + expected);
    }

    [Fact]
    public async Task EveryStateChangingEndpoint_WithoutTheAntiforgeryToken_IsRefused()
    {
        await factory.CreateUserAsync("all.roles@test.local", organisation: "新疆维吾尔自治区科学技术协会", roles: ["Admin", "Organiser", "Filer", "Reviewer"]);
        using var client = await factory.SignedInAsync("all.roles@test.local");
        var unsafeEndpoints = Endpoints().Where(e => e.Method is not ("GET" or "HEAD" or "ANY")).ToList();
        Assert.NotEmpty(unsafeEndpoints);
        var failures = new List<string>();
        foreach (var endpoint in unsafeEndpoints)
        {
            var path = System.Text.RegularExpressions.Regex.Replace(endpoint.Route, "\\{([^}:]+)(:([^}]+))?\\}", m => m.Groups[3].Value switch
            {
                "guid" => Guid.Empty.ToString(),
                "int" or "long" => "1",
                _ => "x",
            });
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), new Uri(path, UriKind.Relative))
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["probe"] = "1" }),
            };
            var response = await client.Http.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                failures.Add($"{endpoint.Method} {path}: {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, "Accepted without an antiforgery token:\n" + string.Join("\n", failures));
    }
}
