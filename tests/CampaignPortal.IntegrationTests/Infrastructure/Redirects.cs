using System.Text.RegularExpressions;

namespace CampaignPortal.IntegrationTests.Infrastructure;

/// <summary>Reads the id of what a POST created from where it redirects (/campaigns/{id}, /notices/{id}/edit, …).</summary>
public static partial class Redirects
{
    public static int CreatedId(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        var match = IdPattern().Match(location);
        Assert.True(match.Success, $"Expected a redirect to what was created, got {(int)response.StatusCode} {location}");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("^/(?:campaigns|notices|activities|main-events)/(\\d+)(?:/edit)?$")]
    private static partial Regex IdPattern();
}
