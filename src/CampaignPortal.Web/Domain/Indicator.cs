namespace CampaignPortal.Web.Domain;

public enum IndicatorValueType
{
    /// <summary>整数.</summary>
    Whole,
    /// <summary>小数 (e.g. 万元 with two places).</summary>
    Fractional,
}

/// <summary>Where a figure may be pre-filled from when the report is opened.</summary>
public enum PrefillSource
{
    None,
    ActivitiesHeld,
    ParticipantsSum,
    MediaItems,
}

/// <summary>统计指标: a row of the campaign's statistics table, with a stable code figures are stored against.</summary>
public sealed class Indicator
{
    private Indicator()
    {
        Code = Name = Unit = string.Empty;
    }

    public Indicator(string code, string name, string unit, IndicatorValueType valueType, bool isRequired,
        string? group = null, PrefillSource prefill = PrefillSource.None, string? help = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Code = code.Trim();
        Name = name.Trim();
        Unit = unit.Trim();
        ValueType = valueType;
        IsRequired = isRequired;
        Group = string.IsNullOrWhiteSpace(group) ? null : group.Trim();
        Prefill = prefill;
        Help = string.IsNullOrWhiteSpace(help) ? null : help.Trim();
    }

    public int Id { get; private set; }

    public int CampaignId { get; private set; }

    public int Order { get; internal set; }

    public string Code { get; private set; }

    public string Name { get; private set; }

    /// <summary>个, 人次, 块, 册, 份, 篇, 次, 万元.</summary>
    public string Unit { get; private set; }

    public IndicatorValueType ValueType { get; private set; }

    public bool IsRequired { get; private set; }

    /// <summary>A heading grouping several rows, e.g. 发放资料 → 展板 · 读本 · 宣传页.</summary>
    public string? Group { get; private set; }

    public PrefillSource Prefill { get; private set; }

    public string? Help { get; private set; }
}

/// <summary>The sensible defaults a new campaign starts with (from the seed summaries' figures).</summary>
public static class CampaignDefaults
{
    public static readonly IReadOnlyList<(string Title, string Guidance, bool IsRequired)> Sections =
    [
        ("基本情况", "活动的组织领导、总体安排和开展情况。", true),
        ("活动亮点", "有特色、有影响的活动和做法。", true),
        ("存在问题", "活动中遇到的困难和不足。", false),
        ("下一步工作", "今后的打算和建议。", false),
    ];

    public static readonly IReadOnlyList<(string Name, string Note, bool IsRequired)> Materials =
    [
        ("统计表", "按附件统计表填写。", true),
        ("照片", "活动现场照片，每张附简要说明。", true),
        ("媒体报道", "报纸、电视、广播、网站、新媒体的报道。", false),
        ("视频", "分辨率 1920×1080，码率 50–100 Mbps，MOV 或 MPG 格式。", false),
    ];

    public static IEnumerable<Indicator> Indicators() =>
    [
        new("activities", "举办活动", "次", IndicatorValueType.Whole, true, prefill: PrefillSource.ActivitiesHeld),
        new("participants", "参与人数", "人次", IndicatorValueType.Whole, true, prefill: PrefillSource.ParticipantsSum),
        new("scientists", "参与科技工作者", "人次", IndicatorValueType.Whole, false),
        new("boards", "展板", "块", IndicatorValueType.Whole, false, "发放资料"),
        new("books", "读本", "册", IndicatorValueType.Whole, false, "发放资料"),
        new("leaflets", "宣传页", "份", IndicatorValueType.Whole, false, "发放资料"),
        new("media", "媒体报道", "篇", IndicatorValueType.Whole, false, prefill: PrefillSource.MediaItems),
        new("funds", "投入经费", "万元", IndicatorValueType.Fractional, false),
    ];
}
