using CampaignPortal.Web.Infrastructure;
using MiniExcelLibs;

namespace CampaignPortal.Web.Features.Users;

/// <summary>The listed accounts as .xlsx (no passwords).</summary>
public sealed class UserExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<byte[]> ToXlsxAsync(IReadOnlyList<UserRow> rows, CancellationToken cancellationToken)
    {
        var sheet = rows.Select(r => new Dictionary<string, object>
        {
            ["电子邮箱"] = Safe(r.Email),
            ["姓名"] = Safe(r.DisplayName),
            ["手机号码"] = Safe(r.Phone ?? string.Empty),
            ["所属单位"] = Safe(r.Organisation),
            ["角色"] = string.Join("、", r.Roles.Select(Security.Roles.ToChinese)),
            ["状态"] = r.IsDisabled ? "已停用" : "启用",
            ["锁定"] = r.IsLocked ? "已锁定" : string.Empty,
            ["须修改初始密码"] = r.MustChangePassword ? "是" : "否",
            ["创建时间"] = r.CreatedAt.ToChinaDateTime(),
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, sheetName: "账号", cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    /// <summary>Formula-safe text (<see cref="Infrastructure.SpreadsheetText"/>); phone numbers may start with "+".</summary>
    private static string Safe(string value) => Infrastructure.SpreadsheetText.Safe(value, mayStartWithSign: true);
}
