using CampaignPortal.Web.Domain;
using MiniExcelLibs;

namespace CampaignPortal.Web.Infrastructure.Files;

/// <summary>The 统计表 attachment, generated from a campaign's statistics template, so units get the table the portal will ask them to fill.</summary>
public static class StatisticsTable
{
    public static readonly string[] Columns = ["序号", "分组", "统计指标", "单位", "数值", "说明"];

    public static string FileName(Campaign campaign) => $"{campaign.Title}开展情况统计表.xlsx";

    public static async Task<byte[]> BuildAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        var rows = campaign.Indicators.OrderBy(i => i.Order).Select((indicator, index) => new Dictionary<string, object>
        {
            [Columns[0]] = index + 1,
            [Columns[1]] = indicator.Group ?? string.Empty,
            [Columns[2]] = indicator.Name + (indicator.IsRequired ? "（必填）" : string.Empty),
            [Columns[3]] = indicator.Unit,
            [Columns[4]] = string.Empty,
            [Columns[5]] = indicator.Help ?? (indicator.ValueType == IndicatorValueType.Fractional ? "可保留两位小数" : "填整数"),
        }).ToList();
        var header = new[]
        {
            new Dictionary<string, object> { ["项目"] = "活动名称", ["内容"] = campaign.Title },
            new Dictionary<string, object> { ["项目"] = "填报单位（盖章）", ["内容"] = string.Empty },
            new Dictionary<string, object> { ["项目"] = "填报人", ["内容"] = string.Empty },
            new Dictionary<string, object> { ["项目"] = "联系电话", ["内容"] = string.Empty },
            new Dictionary<string, object> { ["项目"] = "填报日期", ["内容"] = string.Empty },
            new Dictionary<string, object> { ["项目"] = "说明", ["内容"] = "数值可填“余”“近”“约”等限定词的，请在说明栏注明，如“150余幅”；不完全统计的请注明“据不完全统计”。" },
        };
        var sheets = new Dictionary<string, object> { ["统计表"] = rows, ["填报信息"] = header };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: cancellationToken);
        return stream.ToArray();
    }
}
