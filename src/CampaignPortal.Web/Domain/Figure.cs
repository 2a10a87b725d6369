using System.Globalization;
using System.Text;

namespace CampaignPortal.Web.Domain;

/// <summary>How a figure is worded: exact, 余 ("150余幅": more than), 近 ("近百次": nearly) or 约 (about).</summary>
public enum FigureQualifier
{
    Exact,
    MoreThan,
    Nearly,
    About,
}

/// <summary>Where a figure came from: typed by the unit, or pre-filled (and not changed since).</summary>
public enum FigureSource
{
    Manual,
    Activities,
    Children,
    ActivitiesAndChildren,
}

/// <summary>
/// 数值: one indicator's value in a report (the working copy) or a frozen version. Stored as a row with the value in
/// hundredths, so integers and two-place decimals both sum exactly in SQL (SQLite cannot order or compare decimals).
/// </summary>
public sealed class FigureValue
{
    private FigureValue()
    {
        Code = string.Empty;
    }

    public FigureValue(string code, long hundredths, FigureQualifier qualifier, string? note, FigureSource source)
    {
        Code = code;
        Hundredths = hundredths;
        Qualifier = qualifier;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Source = source;
    }

    /// <summary>The indicator's stable code.</summary>
    public string Code { get; private set; }

    /// <summary>The value × 100.</summary>
    public long Hundredths { get; private set; }

    public FigureQualifier Qualifier { get; private set; }

    /// <summary>E.g. 据不完全统计.</summary>
    public string? Note { get; private set; }

    public FigureSource Source { get; private set; }

    public decimal Value => Hundredths / 100m;

    public FigureValue Copy() => new(Code, Hundredths, Qualifier, Note, Source);

    public string Display(string unit) => FigureFormat.Display(Hundredths, Qualifier, unit);
}

public static class FigureFormat
{
    public static string ToChinese(this FigureQualifier qualifier) => qualifier switch
    {
        FigureQualifier.MoreThan => "余（多于）",
        FigureQualifier.Nearly => "近（接近）",
        FigureQualifier.About => "约",
        _ => "准确数",
    };

    public static string ToChinese(this FigureSource source) => source switch
    {
        FigureSource.Activities => "来自活动登记",
        FigureSource.Children => "来自下级汇总",
        FigureSource.ActivitiesAndChildren => "来自活动登记和下级汇总",
        _ => "手工填写",
    };

    /// <summary>The number as typed back into the form: "150", "12.5", no grouping.</summary>
    public static string Plain(long hundredths) =>
        (hundredths / 100m).ToString(hundredths % 100 == 0 ? "0" : "0.##", CultureInfo.InvariantCulture);

    /// <summary>As a Chinese report words it: 150余, 近100, 约3.5, 150,000.</summary>
    public static string Display(long hundredths, FigureQualifier qualifier, string unit)
    {
        var number = (hundredths / 100m).ToString(hundredths % 100 == 0 ? "#,0" : "#,0.##", CultureInfo.InvariantCulture);
        var text = qualifier switch
        {
            FigureQualifier.MoreThan => $"{number}余",
            FigureQualifier.Nearly => $"近{number}",
            FigureQualifier.About => $"约{number}",
            _ => number,
        };
        return text + unit;
    }
}

/// <summary>
/// Reads a figure typed by a person, with explicit rules: full-width digits and separators are normalised (NFKC),
/// spaces and thousands separators ("1,234") dropped, "万" multiplies by 10,000 ("15万"). Refused: negatives,
/// exponents ("1e3"), NaN and words, more than two decimal places, a fraction where a whole number is wanted, and
/// anything above <see cref="MaxValue"/>.
/// </summary>
public static class FigureParser
{
    public const long MaxValue = int.MaxValue;

    public sealed record Result(long? Hundredths, string? Error)
    {
        public bool IsEmpty => Hundredths is null && Error is null;
    }

    public static Result Parse(string? input, IndicatorValueType type)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return new Result(null, null);
        }

        var text = new StringBuilder();
        foreach (var c in input.Normalize(NormalizationForm.FormKC))
        {
            if (!char.IsWhiteSpace(c))
            {
                text.Append(c);
            }
        }

        var s = text.ToString();
        var multiplier = 1m;
        if (s.EndsWith('万'))
        {
            multiplier = 10_000m;
            s = s[..^1];
        }

        if (s.StartsWith('-') || s.StartsWith('−'))
        {
            return Error("不能填写负数。");
        }

        if (s.StartsWith('+'))
        {
            s = s[1..];
        }

        if (s.Contains('e', StringComparison.OrdinalIgnoreCase) && s.Any(char.IsAsciiDigit))
        {
            return Error("请直接填写数字，不要使用科学计数法（如 1e3）。");
        }

        if (s.Contains(','))
        {
            // Thousands separators only in their places: 1,234,567.5 — not 1,2,3 or 12,34.
            var whole = s.Split('.')[0];
            var groups = whole.Split(',');
            if (groups[0].Length is < 1 or > 3 || groups.Skip(1).Any(g => g.Length != 3))
            {
                return Error("千位分隔符的位置不对，请直接填写数字，如 1234。");
            }

            s = s.Replace(",", string.Empty, StringComparison.Ordinal);
        }

        var dot = s.IndexOf('.', StringComparison.Ordinal);
        var digitsOnly = s.Length > 0 && s.All(c => char.IsAsciiDigit(c) || c == '.') && s.Count(c => c == '.') <= 1 && dot != 0 && dot != s.Length - 1;
        if (!digitsOnly)
        {
            return Error("请填写数字，如 150 或 12.5。");
        }

        if ((dot < 0 ? s.Length : dot) > 12)
        {
            return Error("数值过大，不能超过 2,147,483,647。");
        }

        if (dot >= 0 && s.Length - dot - 1 > 6)
        {
            return Error("最多保留两位小数。");
        }

        var value = decimal.Parse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * multiplier;
        if (value > MaxValue)
        {
            return Error("数值过大，不能超过 2,147,483,647。");
        }

        if (type == IndicatorValueType.Whole && value != decimal.Truncate(value))
        {
            return Error("本项须填写整数。");
        }

        if (value * 100 != decimal.Truncate(value * 100))
        {
            return Error("最多保留两位小数。");
        }

        return new Result((long)(value * 100), null);
    }

    private static Result Error(string message) => new(null, message);
}
