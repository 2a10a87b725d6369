using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure;
using MiniExcelLibs;

namespace CampaignPortal.Web.Features.Progress;

/// <summary>
/// The roll-up as .xlsx shaped like the 统计表 — one row per unit, one column per indicator, a totals row, qualifiers and
/// notes in a 说明 column — with the completion grid on a second sheet. Numbers are numeric cells; text is written as
/// text (never a formula, whatever it starts with).
/// </summary>
public static class ProgressExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task WriteAsync(
        Stream output, RollupViewModel rollup, IReadOnlyList<GridRow> grid, IEnumerable<ProgressService.ActivityExportRow> activities, CancellationToken cancellationToken)
    {
        var columns = rollup.Totals.Select(t => (t.Code, Header: $"{t.Name}（{t.Unit}）")).ToList();
        var rows = new List<Dictionary<string, object?>>();
        var index = 0;
        foreach (var unit in rollup.Units)
        {
            var row = new Dictionary<string, object?> { ["序号"] = ++index, ["填报单位"] = unit.Unit, ["报告状态"] = unit.Status.ToChinese() };
            var notes = new List<string>();
            foreach (var (code, header) in columns)
            {
                if (unit.Figures.TryGetValue(code, out var figure))
                {
                    row[header] = figure.Hundredths / 100m;
                    if (figure.Qualifier != FigureQualifier.Exact || figure.Note is not null)
                    {
                        var name = header[..header.IndexOf('（', StringComparison.Ordinal)];
                        notes.Add($"{name}：{FigureFormat.Display(figure.Hundredths, figure.Qualifier, string.Empty)}{(figure.Note is null ? null : "，" + figure.Note)}");
                    }
                }
                else
                {
                    row[header] = null;
                }
            }

            row["说明"] = string.Join("；", notes);
            rows.Add(row);
        }

        var totals = new Dictionary<string, object?> { ["序号"] = null, ["填报单位"] = "合计", ["报告状态"] = $"{rollup.Units.Count} 份报告" };
        foreach (var total in rollup.Totals)
        {
            totals[$"{total.Name}（{total.Unit}）"] = total.Hundredths / 100m;
        }

        totals["说明"] = string.Join("；", rollup.Totals.Where(t => t.AtLeast).Select(t => $"{t.Name}含“余”数，合计为不少于"))
            + (rollup.IncludeSubmitted ? "（含待审核报告）" : "（仅已通过报告）");
        rows.Add(totals);

        var progress = grid.Select(g => new Dictionary<string, object?>
        {
            ["填报单位"] = g.Unit,
            ["单位电话"] = g.Phone,
            ["填报人"] = g.Contact,
            ["联系电话"] = g.ContactPhone,
            ["已签收"] = g.Acknowledged ? "是" : "否",
            ["登记活动"] = g.Activities,
            ["报告状态"] = g.Status?.ToChinese() ?? "未填报",
            ["提交时间"] = g.SubmittedAt?.ToChinaDateTime(),
            ["逾期"] = g.IsLate ? "是" : "否",
            ["通过时间"] = g.ApprovedAt?.ToChinaDateTime(),
        }).ToList();

        var sheets = new Dictionary<string, object> { ["汇总表"] = rows, ["报送情况"] = progress, ["活动清单"] = ActivityRows(activities) };
        await output.SaveAsAsync(sheets, cancellationToken: cancellationToken);
    }

    /// <summary>One row at a time, as the query yields them (the sheet of a big campaign is never held in memory).</summary>
    private static IEnumerable<Dictionary<string, object?>> ActivityRows(IEnumerable<ProgressService.ActivityExportRow> activities)
    {
        var any = false;
        foreach (var a in activities)
        {
            any = true;
            yield return new Dictionary<string, object?>
            {
                ["登记单位"] = a.Unit,
                ["活动名称"] = a.Title,
                ["活动板块"] = a.Category,
                ["类型"] = a.Kind.ToChinese(),
                ["形式"] = a.Form.ToChinese(),
                ["开始日期"] = a.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["结束日期"] = a.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["地点"] = a.Venue,
                ["状态"] = a.Status.ToChinese(),
                ["预计参与人数"] = a.Expected,
                ["实际参与人数"] = a.Actual,
                ["媒体报道"] = a.Media,
            };
        }

        if (!any)
        {
            yield return new Dictionary<string, object?> { ["登记单位"] = "（尚无登记的活动）" };
        }
    }
}
