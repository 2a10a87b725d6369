using System.Text;
using Ganss.Xss;

namespace CampaignPortal.Web.Infrastructure;

/// <summary>
/// The only way rich text (notice bodies, requirements, report sections) reaches the database: an allow-list of
/// tags, no attributes but http(s) links, no style, class, mso- or data: URIs. Pasted Word keeps its paragraphs, bold,
/// lists and tables.
/// </summary>
public sealed partial class RichText
{
    private readonly HtmlSanitizer _sanitizer;

    public RichText()
    {
        _sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "strong", "b", "em", "i", "u", "ol", "ul", "li", "h2", "h3", "h4", "a",
                "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "blockquote",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "colspan", "rowspan" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        });
        _sanitizer.KeepChildNodes = true;

        // Unwrapping keeps a removed tag's text; for these the text is code or Word's style sheet, not content.
        _sanitizer.RemovingTag += (_, e) =>
        {
            if (e.Tag.LocalName is "script" or "style" or "title" or "xml" or "head" or "template" or "noscript" or "iframe" or "object")
            {
                e.Tag.InnerHtml = string.Empty;
            }
        };

        // Only absolute http(s) links: relative and protocol-relative ones ("//host") would point somewhere unintended.
        _sanitizer.FilterUrl += (_, e) =>
        {
            if (!Uri.TryCreate(e.OriginalUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                e.SanitizedUrl = null;
            }
        };
    }

    /// <summary>Sanitised HTML; empty when nothing readable is left.</summary>
    public string Sanitise(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return string.Empty;
        }

        var clean = _sanitizer.Sanitize(html).Trim();
        return clean is "<p><br></p>" or "<p></p>" ? string.Empty : clean;
    }

    /// <summary>Whether sanitised HTML has any readable text (a body of empty paragraphs has none).</summary>
    public static bool HasText(string? html) =>
        !string.IsNullOrWhiteSpace(html) && !string.IsNullOrWhiteSpace(StripTags(html, string.Empty));

    /// <summary>The text of (sanitised) HTML: tags replaced by <paramref name="separator"/>, entities decoded.</summary>
    public static string StripTags(string html, string separator) => System.Net.WebUtility.HtmlDecode(Tags().Replace(html, separator));

    /// <summary>
    /// Sanitised HTML as lines of text: one per paragraph, heading, list item or table row (or table cell when
    /// <paramref name="cellsOnTheirOwn"/>), trimmed, empty ones dropped.
    /// </summary>
    public static IEnumerable<string> Lines(string? html, bool cellsOnTheirOwn = false)
    {
        if (string.IsNullOrEmpty(html))
        {
            return [];
        }

        var broken = (cellsOnTheirOwn ? BlockOrCellEnds() : BlockEnds()).Replace(html, "\n");
        return StripTags(broken, string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
    }

    [System.Text.RegularExpressions.GeneratedRegex("<[^>]*>", System.Text.RegularExpressions.RegexOptions.None, 1000)]
    private static partial System.Text.RegularExpressions.Regex Tags();

    [System.Text.RegularExpressions.GeneratedRegex("</p>|<br\\s*/?>|</li>|</tr>|</h[2-4]>", System.Text.RegularExpressions.RegexOptions.IgnoreCase, 1000)]
    private static partial System.Text.RegularExpressions.Regex BlockEnds();

    [System.Text.RegularExpressions.GeneratedRegex("</p>|<br\\s*/?>|</li>|</tr>|</h[2-4]>|</td>", System.Text.RegularExpressions.RegexOptions.IgnoreCase, 1000)]
    private static partial System.Text.RegularExpressions.Regex BlockOrCellEnds();

    /// <summary>More than 10,000 tags: refused before sanitising, which is slow on deeply nested markup.</summary>
    public const int MaxTags = 10_000;

    /// <summary>Over 200 KB, or over <see cref="MaxTags"/> tags.</summary>
    public static bool IsTooLarge(string? html) =>
        html is not null && (Encoding.UTF8.GetByteCount(html) > Data.Schema.RichTextBytes || html.AsSpan().Count('<') > MaxTags);
}
