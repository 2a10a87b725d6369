using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using FluentValidation;

namespace CampaignPortal.Web.Features.Campaigns;

/// <summary>
/// The campaign form. Templates are edited one row per line with fields separated by "|" (or "｜"), so a whole
/// template can be pasted from a Word table or last year's campaign.
/// </summary>
public sealed class CampaignInput
{
    public int? Year { get; set; }

    public string Title { get; set; } = string.Empty;

    public string? Theme { get; set; }

    public DateOnly? PeriodStart { get; set; }

    public DateOnly? PeriodEnd { get; set; }

    public string? PeriodText { get; set; }

    public DateOnly? ReportDeadline { get; set; }

    /// <summary>活动板块, one per line.</summary>
    public string? Categories { get; set; }

    /// <summary>报告栏目: 标题|填写说明|必填 or 选填.</summary>
    public string? Sections { get; set; }

    /// <summary>报送材料: 名称|说明|必填 or 选填.</summary>
    public string? Materials { get; set; }

    /// <summary>统计指标: 编码|名称|单位|整数 or 小数|必填 or 选填|分组|预填来源|说明.</summary>
    public string? Indicators { get; set; }
}

public sealed class CampaignInputValidator : AbstractValidator<CampaignInput>
{
    public CampaignInputValidator()
    {
        RuleFor(x => x.PeriodStart).Must(TemplateText.IsPlausibleDate).WithMessage("日期应在 2000 年至 2100 年之间。");
        RuleFor(x => x.PeriodEnd).Must(TemplateText.IsPlausibleDate).WithMessage("日期应在 2000 年至 2100 年之间。");
        RuleFor(x => x.ReportDeadline).Must(TemplateText.IsPlausibleDate).WithMessage("日期应在 2000 年至 2100 年之间。");
        RuleFor(x => x.Year).NotNull().WithMessage("请填写年度。").InclusiveBetween(2000, 2100).WithMessage("年度应在 2000 至 2100 之间。");
        RuleFor(x => x.Title).NotEmpty().WithMessage("请填写活动名称。").MaximumLength(Schema.Title).WithMessage($"活动名称不能超过 {Schema.Title} 个字。");
        RuleFor(x => x.Theme).MaximumLength(Schema.Theme).WithMessage($"主题不能超过 {Schema.Theme} 个字。");
        RuleFor(x => x.PeriodText).MaximumLength(Schema.MediumText).WithMessage("时间说明过长。");
        RuleFor(x => x.PeriodEnd).GreaterThanOrEqualTo(x => x.PeriodStart).When(x => x.PeriodStart is not null && x.PeriodEnd is not null)
            .WithMessage("结束日期不能早于开始日期。");
        RuleFor(x => x.ReportDeadline).GreaterThanOrEqualTo(x => x.PeriodStart).When(x => x.PeriodStart is not null && x.ReportDeadline is not null)
            .WithMessage("报送截止日期不能早于活动开始日期。");
        RuleFor(x => x).Custom((input, context) =>
        {
            foreach (var error in TemplateText.Errors(input))
            {
                context.AddFailure(error.Field, error.Message);
            }
        });
    }
}

/// <summary>Reads and writes the one-row-per-line template fields.</summary>
public static class TemplateText
{
    private static readonly char[] Separators = ['|', '｜'];

    public static IEnumerable<string> Lines(string? text) =>
        (text ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);

    public static string[] Fields(string line) => line.Split(Separators).Select(f => f.Trim()).ToArray();

    public static bool Required(string? flag) => flag is null or "" or "必填" or "是";

    /// <summary>Dates the portal accepts anywhere: 2000–2100 (a typo like 9999 would break calendars and deadlines).</summary>
    public static bool IsPlausibleDate(DateOnly? date) => date is null || (date.Value.Year >= 2000 && date.Value.Year <= 2100);

    public static List<string> Categories(string? text) => Lines(text).ToList();

    public static List<(string Title, string? Guidance, bool IsRequired)> Sections(string? text) =>
        Lines(text).Select(Fields).Select(f => (f[0], f.ElementAtOrDefault(1), Required(f.ElementAtOrDefault(2)))).ToList();

    public static List<(string Name, string? Note, bool IsRequired)> Materials(string? text) =>
        Lines(text).Select(Fields).Select(f => (f[0], f.ElementAtOrDefault(1), Required(f.ElementAtOrDefault(2)))).ToList();

    public static List<Indicator> Indicators(string? text) => Lines(text).Select(Fields).Select(f => new Indicator(
        f[0], f.ElementAtOrDefault(1) ?? f[0], f.ElementAtOrDefault(2) ?? string.Empty,
        f.ElementAtOrDefault(3) == "小数" ? IndicatorValueType.Fractional : IndicatorValueType.Whole,
        Required(f.ElementAtOrDefault(4)), f.ElementAtOrDefault(5), Prefill(f.ElementAtOrDefault(6)), f.ElementAtOrDefault(7))).ToList();

    public static IEnumerable<(string Field, string Message)> Errors(CampaignInput input)
    {
        var lineNumber = 0;
        foreach (var name in Lines(input.Categories))
        {
            lineNumber++;
            if (name.Length > Schema.ShortText)
            {
                yield return (nameof(input.Categories), $"活动板块第 {lineNumber} 行超过 {Schema.ShortText} 个字。");
            }
        }

        lineNumber = 0;
        foreach (var f in Lines(input.Sections).Select(Fields))
        {
            lineNumber++;
            if (f[0].Length is 0 or > Schema.ShortText)
            {
                yield return (nameof(input.Sections), $"报告栏目第 {lineNumber} 行：栏目标题须为 1 至 {Schema.ShortText} 个字。");
            }
            else if ((f.ElementAtOrDefault(1) ?? string.Empty).Length > Schema.LongText)
            {
                yield return (nameof(input.Sections), $"报告栏目第 {lineNumber} 行：填写说明不能超过 {Schema.LongText} 个字。");
            }
        }

        lineNumber = 0;
        foreach (var f in Lines(input.Materials).Select(Fields))
        {
            lineNumber++;
            if (f[0].Length is 0 or > Schema.ShortText)
            {
                yield return (nameof(input.Materials), $"报送材料第 {lineNumber} 行：材料名称须为 1 至 {Schema.ShortText} 个字。");
            }
            else if ((f.ElementAtOrDefault(1) ?? string.Empty).Length > Schema.LongText)
            {
                yield return (nameof(input.Materials), $"报送材料第 {lineNumber} 行：说明不能超过 {Schema.LongText} 个字。");
            }
        }

        lineNumber = 0;
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in Lines(input.Indicators).Select(Fields))
        {
            lineNumber++;
            if (f.Length < 3 || f[0].Length == 0 || f[1].Length == 0 || f[2].Length == 0)
            {
                yield return (nameof(input.Indicators), $"统计指标第 {lineNumber} 行：至少要有编码、名称和单位三项，用“|”隔开。");
            }
            else if (!System.Text.RegularExpressions.Regex.IsMatch(f[0], "^[A-Za-z][A-Za-z0-9_]{0,39}$"))
            {
                yield return (nameof(input.Indicators), $"统计指标第 {lineNumber} 行：编码“{f[0]}”只能用英文字母、数字和下划线，以字母开头。");
            }
            else if (!codes.Add(f[0]))
            {
                yield return (nameof(input.Indicators), $"统计指标第 {lineNumber} 行：编码“{f[0]}”与前面的指标重复。");
            }
            else if (f[1].Length > Schema.OrganisationName || f[2].Length > Schema.Unit
                || (f.ElementAtOrDefault(5) ?? string.Empty).Length > Schema.ShortText || (f.ElementAtOrDefault(7) ?? string.Empty).Length > Schema.LongText)
            {
                yield return (nameof(input.Indicators), $"统计指标第 {lineNumber} 行：名称、单位、分组或说明过长（单位不超过 {Schema.Unit} 个字）。");
            }
            else if (f.ElementAtOrDefault(3) is { Length: > 0 } type && type is not ("整数" or "小数"))
            {
                yield return (nameof(input.Indicators), $"统计指标第 {lineNumber} 行：数值类型只能填“整数”或“小数”。");
            }
        }
    }

    public static string SectionsText(Campaign c) =>
        string.Join("\n", c.Sections.OrderBy(s => s.Order).Select(s => $"{s.Title}|{s.Guidance}|{(s.IsRequired ? "必填" : "选填")}"));

    public static string MaterialsText(Campaign c) =>
        string.Join("\n", c.Materials.OrderBy(m => m.Order).Select(m => $"{m.Name}|{m.Note}|{(m.IsRequired ? "必填" : "选填")}"));

    public static string IndicatorsText(Campaign c) =>
        string.Join("\n", c.Indicators.OrderBy(i => i.Order).Select(i =>
            $"{i.Code}|{i.Name}|{i.Unit}|{(i.ValueType == IndicatorValueType.Fractional ? "小数" : "整数")}|{(i.IsRequired ? "必填" : "选填")}|{i.Group}|{PrefillName(i.Prefill)}|{i.Help}".TrimEnd('|')));

    public static string PrefillName(PrefillSource source) => source switch
    {
        PrefillSource.ActivitiesHeld => "已举办活动数",
        PrefillSource.ParticipantsSum => "实际参与人数合计",
        PrefillSource.MediaItems => "媒体报道数",
        _ => string.Empty,
    };

    private static PrefillSource Prefill(string? name) => name switch
    {
        "已举办活动数" => PrefillSource.ActivitiesHeld,
        "实际参与人数合计" => PrefillSource.ParticipantsSum,
        "媒体报道数" => PrefillSource.MediaItems,
        _ => PrefillSource.None,
    };
}
