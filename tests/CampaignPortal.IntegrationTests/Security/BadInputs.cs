namespace CampaignPortal.IntegrationTests.Security;

/// <summary>Where an input is sent: which fields of which forms (or which query parameters) it applies to.</summary>
public enum Target
{
    /// <summary>Every one-line or multi-line plain text field (input text/email/tel/url/search, textarea).</summary>
    Text,

    /// <summary>Every rich-text field (textarea marked data-rich-text).</summary>
    RichText,

    /// <summary>Every number field (input type=number) and every figure field of the report.</summary>
    Number,

    /// <summary>Every date and date-time field.</summary>
    Date,

    /// <summary>Every select and radio group (a value the form does not offer).</summary>
    Choice,

    /// <summary>Every parameter of every search/filter form (GET), plus page and sort.</summary>
    Query,

    /// <summary>The page number of every paged list.</summary>
    Page,

    /// <summary>The name of a file sent to every upload form.</summary>
    FileName,

    /// <summary>The content of a file sent to every upload form.</summary>
    FileContent,
}

/// <summary>The answer an input must get. Every answer also means: never a 500, and any script shown encoded.</summary>
public enum Answer
{
    /// <summary>400 with the page "内容含有控制字符" (uploads: the same message on the page), nothing written.</summary>
    Refused,

    /// <summary>Accepted or refused with a message; the character never reaches the database (checked by a scan).</summary>
    Removed,

    /// <summary>Treated as empty: a required field says so, an optional one is stored empty (no whitespace-only value anywhere).</summary>
    TreatedAsEmpty,

    /// <summary>Refused with a message next to the field or on the page; nothing written.</summary>
    Message,

    /// <summary>Stored and shown as the text typed (HTML-encoded on every page), or refused with a message.</summary>
    AsText,

    /// <summary>Dangerous markup removed before storing (no script, event handler or javascript: URL in any rich-text column).</summary>
    Stripped,

    /// <summary>Stored whole or refused with a message — never cut short.</summary>
    WholeOrMessage,

    /// <summary>Read as the number or date meant, or refused with a message.</summary>
    ReadOrMessage,

    /// <summary>An ordinary answer (the list, maybe empty, or the first page): the input is data, never SQL.</summary>
    Normal,

    /// <summary>Refused with a message, or stored under a cleaned name (no path, control, direction or trailing characters).</summary>
    CleanedOrMessage,
}

public sealed record BadInput(string Name, Target Target, string Value, Answer Answer)
{
    public override string ToString() => Name;
}

/// <summary>The catalogue (issue 11): each input with its named expected answer. File contents are described in <see cref="BadInputs.FileBytes"/>.</summary>
public static class BadInputs
{
    public const string Script = "<script>alert(1)</script>";

    public static readonly BadInput[] All =
    [
        // Control characters: refused wherever they are.
        new("NUL", Target.Text, "王\0芳", Answer.Refused),
        new("bell", Target.Text, "王\a芳", Answer.Refused),
        new("backspace", Target.Text, "王\b芳", Answer.Refused),
        new("escape sequence", Target.Text, "\u001b[31m红色", Answer.Refused),
        new("form feed", Target.Text, "第一页\f第二页", Answer.Refused),
        new("vertical tab", Target.Text, "甲\v乙", Answer.Refused),
        new("DEL", Target.Text, "甲\u007f乙", Answer.Refused),
        new("C1 control (CSI)", Target.Text, "甲\u009b乙", Answer.Refused),
        new("NUL in a search", Target.Query, "科技\0", Answer.Refused),

        // Direction overrides: removed.
        new("right-to-left override", Target.Text, "王\u202e芳", Answer.Removed),
        new("left-to-right override", Target.Text, "\u202d报告", Answer.Removed),
        new("right-to-left embedding", Target.Text, "\u202b报告\u202c", Answer.Removed),
        new("isolates", Target.Text, "\u2067exe.pdf\u2069", Answer.Removed),
        new("override in a search", Target.Query, "科\u202e技", Answer.Normal),

        // Empty in disguise.
        new("spaces only", Target.Text, "   ", Answer.TreatedAsEmpty),
        new("ideographic spaces only", Target.Text, "\u3000\u3000", Answer.TreatedAsEmpty),
        new("line breaks and tabs only", Target.Text, "\r\n\t\r\n", Answer.TreatedAsEmpty),

        // Size.
        new("100,000 characters", Target.Text, new string('测', 100_000), Answer.WholeOrMessage),
        new("a 300-character word", Target.Text, new string('a', 300), Answer.WholeOrMessage),
        new("10,000-character search", Target.Query, new string('科', 10_000), Answer.Normal),

        // Markup in plain text: shown as text.
        new("script tag", Target.Text, Script, Answer.AsText),
        new("image with onerror", Target.Text, "<img src=x onerror=alert(1)>", Answer.AsText),
        new("attribute breakout", Target.Text, "\"><script>alert(1)</script>", Answer.AsText),
        new("template braces", Target.Text, "{{7*7}}@(1+1)${7*7}", Answer.AsText),
        new("formula for Excel", Target.Text, "=HYPERLINK(\"https://evil.example\",\"点击\")", Answer.AsText),
        new("SQL meta-characters", Target.Text, "' OR '1'='1'; DROP TABLE Notices; --", Answer.AsText),
        new("emoji and rare CJK", Target.Text, "科技👩‍🔬𠀀", Answer.AsText),
        new("Uyghur with direction marks", Target.Text, "پەن-تېخنىكا\u200f", Answer.AsText),
        new("script in a search", Target.Query, Script, Answer.Normal),

        // Markup in rich text: stripped.
        new("rich: script", Target.RichText, "<p>正文</p><script>alert(1)</script>", Answer.Stripped),
        new("rich: onerror", Target.RichText, "<p>正文<img src=x onerror=alert(1)></p>", Answer.Stripped),
        new("rich: javascript link", Target.RichText, "<p><a href=\"javascript:alert(1)\">链接</a></p>", Answer.Stripped),
        new("rich: svg onload", Target.RichText, "<svg onload=alert(1)><p>正文</p></svg>", Answer.Stripped),
        new("rich: iframe", Target.RichText, "<iframe src=\"https://evil.example\"></iframe><p>正文</p>", Answer.Stripped),
        new("rich: style expression", Target.RichText, "<p style=\"background:url(javascript:alert(1))\">正文</p>", Answer.Stripped),
        new("rich: data URL", Target.RichText, "<p><a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">链接</a></p>", Answer.Stripped),
        new("rich: unclosed tags", Target.RichText, "<p><b><i>正文", Answer.Stripped),

        // Numbers.
        new("full-width digits", Target.Number, "１２", Answer.ReadOrMessage),
        new("exponent", Target.Number, "1e3", Answer.Message),
        new("NaN", Target.Number, "NaN", Answer.Message),
        new("Infinity", Target.Number, "Infinity", Answer.Message),
        new("negative", Target.Number, "-5", Answer.Message),
        new("just over Int32", Target.Number, "2147483648", Answer.Message),
        new("hexadecimal (the framework's number reader takes 0x10 as 16)", Target.Number, "0x10", Answer.ReadOrMessage),
        new("fraction", Target.Number, "12.5", Answer.ReadOrMessage),
        new("thousands separator", Target.Number, "1,000", Answer.ReadOrMessage),
        new("Chinese numeral", Target.Number, "十二", Answer.Message),
        new("Arabic-Indic digits", Target.Number, "١٢", Answer.ReadOrMessage),

        // Dates.
        new("30 February", Target.Date, "2025-02-30", Answer.Message),
        new("29 February in a common year", Target.Date, "2025-02-29", Answer.Message),
        new("month 13", Target.Date, "2025-13-01", Answer.Message),
        new("Chinese date", Target.Date, "2025年9月20日", Answer.ReadOrMessage),
        new("day first", Target.Date, "30/05/2022", Answer.ReadOrMessage),
        new("year 1", Target.Date, "0001-01-01", Answer.ReadOrMessage),
        new("year 9999", Target.Date, "9999-12-31", Answer.ReadOrMessage),
        new("SQL in a date", Target.Date, "2025-05-30' OR '1'='1", Answer.Message),

        // Choices the form does not offer.
        new("unknown option", Target.Choice, "999999", Answer.Message),
        new("negative option", Target.Choice, "-1", Answer.Message),
        new("enum by name not offered", Target.Choice, "Admin", Answer.Message),
        new("SQL in an option", Target.Choice, "1 OR 1=1", Answer.Message),

        // Search, sort and paging.
        new("quote and comment", Target.Query, "' OR 1=1 --", Answer.Normal),
        new("stacked query", Target.Query, "\"; DROP TABLE Notices; --", Answer.Normal),
        new("LIKE wildcards", Target.Query, "%_%", Answer.Normal),
        new("UNION", Target.Query, "〔2023〕' UNION SELECT 1--", Answer.Normal),
        new("injected ORDER BY", Target.Query, "Title; DROP TABLE SummaryReports", Answer.Normal),
        new("sort by column number", Target.Query, "1 desc", Answer.Normal),
        new("page 0", Target.Page, "0", Answer.Normal),
        new("page -1", Target.Page, "-1", Answer.Normal),
        new("page beyond Int64", Target.Page, "99999999999999999999", Answer.Normal),
        new("page as text", Target.Page, "abc", Answer.Normal),
        new("page with exponent", Target.Page, "1e3", Answer.Normal),

        // File names (content: a small PNG).
        new("path traversal", Target.FileName, "../../etc/passwd.png", Answer.CleanedOrMessage),
        new("Windows path traversal", Target.FileName, "..\\..\\windows\\win.ini.png", Answer.CleanedOrMessage),
        new("double extension", Target.FileName, "照片.png.exe", Answer.Message),
        new("over-long name", Target.FileName, new string('长', 300) + ".png", Answer.CleanedOrMessage),
        new("trailing space", Target.FileName, "照片.png ", Answer.CleanedOrMessage),
        new("trailing dot", Target.FileName, "照片.png.", Answer.CleanedOrMessage),
        new("override hides .exe", Target.FileName, "照片\u202egnp.exe", Answer.Message),
        new("override before the extension", Target.FileName, "照片\u202e.png", Answer.CleanedOrMessage),
        new("control character in name", Target.FileName, "照\u0007片.png", Answer.CleanedOrMessage),
        new("device name", Target.FileName, "CON.png", Answer.CleanedOrMessage),
        new("no name", Target.FileName, ".png", Answer.CleanedOrMessage),

        // File contents (name: what the upload form expects).
        new("executable named as the expected type", Target.FileContent, "exe", Answer.Message),
        new("HTML named as the expected type", Target.FileContent, "html", Answer.Message),
        new("SVG with script named as the expected type", Target.FileContent, "svg", Answer.Message),
        new("empty file", Target.FileContent, "empty", Answer.Message),
        new("truncated image", Target.FileContent, "truncated", Answer.Message),
    ];

    /// <summary>The bytes of a <see cref="Target.FileContent"/> input.</summary>
    public static byte[] FileBytes(string kind) => kind switch
    {
        "exe" => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, .. new byte[200]],
        "html" => System.Text.Encoding.UTF8.GetBytes("<html><body><script>alert(1)</script></body></html>"),
        "svg" => System.Text.Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(1)</script></svg>"),
        "empty" => [],
        "truncated" => Infrastructure.TestImages.Png(400, 300)[..120],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
