using Microsoft.AspNetCore.WebUtilities;

namespace CampaignPortal.Web.Infrastructure;

/// <summary>Numbered pages for a list; links keep the list's other query parameters.</summary>
public sealed record Pager(int Page, int PageCount, int Total, string Path, IReadOnlyDictionary<string, string?> Query)
{
    public string Url(int page)
    {
        var query = Query.Where(kv => !string.IsNullOrEmpty(kv.Value) && kv.Key != "page")
            .Append(new KeyValuePair<string, string?>("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return QueryHelpers.AddQueryString(Path, query);
    }

    /// <summary>The page numbers to show: first, last, and two around the current one.</summary>
    public IEnumerable<int?> Numbers()
    {
        int? previous = null;
        for (var page = 1; page <= PageCount; page++)
        {
            if (page == 1 || page == PageCount || Math.Abs(page - Page) <= 2)
            {
                if (previous is { } p && page - p > 1)
                {
                    yield return null;
                }

                yield return page;
                previous = page;
            }
        }
    }

    public static Pager For(HttpRequest request, int page, int pageCount, int total) =>
        new(page, pageCount, total, request.Path, request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString()));
}
