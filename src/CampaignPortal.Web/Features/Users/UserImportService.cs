using System.Globalization;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Security;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CampaignPortal.Web.Features.Users;

public sealed record ImportRow(int RowNumber, string Email, string DisplayName, string Phone, string Organisation, string RolesText,
    int? OrganisationId, IReadOnlyList<string> Roles, IReadOnlyList<string> Errors);

public sealed record ImportPreview(string? Token, string FileName, IReadOnlyList<string> FileErrors, IReadOnlyList<ImportRow> Rows)
{
    public bool CanImport => FileErrors.Count == 0 && Rows.Count > 0 && Rows.All(r => r.Errors.Count == 0);

    public int RowsWithErrors => Rows.Count(r => r.Errors.Count > 0);
}

/// <summary>
/// Bulk import of accounts from .xlsx: the file is checked row by row and every error is shown before anything is
/// written; the confirmed import runs in one transaction (all or nothing).
/// </summary>
public sealed class UserImportService(
    AppDbContext db,
    CurrentUser currentUser,
    UserAdminService users,
    AuditLog audit,
    DatabaseOptions databaseOptions,
    IHostEnvironment environment)
{
    public const int MaxRows = 1000;
    public const long MaxFileBytes = 5 * 1024 * 1024;
    public static readonly string[] Headers = ["电子邮箱", "姓名", "手机号码", "所属单位", "角色"];
    private static readonly string[] Required = ["电子邮箱", "姓名", "所属单位", "角色"];

    private static readonly Dictionary<string, string> RoleByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["系统管理员"] = Roles.Admin,
        ["管理员"] = Roles.Admin,
        ["Admin"] = Roles.Admin,
        ["活动组织者"] = Roles.Organiser,
        ["组织者"] = Roles.Organiser,
        ["Organiser"] = Roles.Organiser,
        ["填报员"] = Roles.Filer,
        ["Filer"] = Roles.Filer,
        ["审核员"] = Roles.Reviewer,
        ["Reviewer"] = Roles.Reviewer,
    };

    public async Task<byte[]> TemplateAsync(CancellationToken cancellationToken)
    {
        var options = await OrganisationsAsync(cancellationToken);
        var example = options.Values.FirstOrDefault(o => o.Level > 0) ?? options.Values.First();
        var sheets = new Dictionary<string, object>
        {
            ["账号"] = new[]
            {
                Row(Headers.Zip(["zhangsan@example.org.cn", "张三", "13800000000", example.Name, "填报员"])),
                Row(Headers.Zip(["lisi@example.org.cn", "李四", "0991-0000000", example.Name, "活动组织者、审核员"])),
            },
            ["填写说明"] = new[]
            {
                Note("每行一个账号。第一行表头请勿修改；示例的两行请删除后再填写。"),
                Note("电子邮箱：必填，作为登录账号，不能与已有账号重复。"),
                Note("姓名：必填。手机号码：选填。"),
                Note("所属单位：必填，填写单位全称或简称，须是下面列出的、您管理范围内的单位。"),
                Note("角色：可填多个，用顿号“、”或逗号分隔：系统管理员、活动组织者、填报员、审核员；评审专家不填角色。"),
                Note($"单次最多导入 {MaxRows} 个账号。导入后每个账号获得一个一次性密码，首次登录时须修改。"),
                Note("可填写的单位："),
            }.Concat(options.Values.Select(o => Note(new string('\u3000', o.Level) + o.Name + (o.ShortName != o.Name ? $"（{o.ShortName}）" : string.Empty)))).ToArray(),
        };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    /// <summary>Checks an upload and keeps it (under a random token) for the confirmation step.</summary>
    public async Task<ImportPreview> PreviewAsync(IFormFile file, CancellationToken cancellationToken)
    {
        if (file.Length == 0)
        {
            return Failed(file.FileName, "文件是空的。");
        }

        if (file.Length > MaxFileBytes)
        {
            return Failed(file.FileName, "文件超过 5 MB。请分成几个文件导入。");
        }

        var bytes = new byte[file.Length];
        await using (var upload = file.OpenReadStream())
        {
            await upload.ReadExactlyAsync(bytes, cancellationToken);
        }

        var preview = await CheckAsync(bytes, file.FileName, cancellationToken);
        if (!preview.CanImport)
        {
            return preview;
        }

        var token = Guid.NewGuid().ToString("N");
        var path = PendingPath(token);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        RemoveAbandoned(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, bytes, cancellationToken);
        return preview with { Token = token };
    }

    /// <summary>Checks the kept file again (things may have changed meanwhile) and creates every account, or none.</summary>
    public async Task<(ImportPreview Preview, IReadOnlyList<IssuedPassword> Created)> ConfirmAsync(string token, CancellationToken cancellationToken)
    {
        var path = Guid.TryParseExact(token, "N", out _) ? PendingPath(token) : null;
        if (path is null || !File.Exists(path))
        {
            return (Failed(string.Empty, "导入文件已过期或已经导入过。请重新上传。"), []);
        }

        var preview = await CheckAsync(await File.ReadAllBytesAsync(path, cancellationToken), string.Empty, cancellationToken);
        if (!preview.CanImport)
        {
            return (preview, []);
        }

        var organisations = await db.Organisations.Where(o => preview.Rows.Select(r => r.OrganisationId).Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var created = new List<IssuedPassword>();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var row in preview.Rows)
            {
                var organisation = organisations[row.OrganisationId!.Value];
                var (user, password, errors) = await users.CreateUserAsync(row.Email, row.DisplayName, row.Phone, organisation, row.Roles);
                if (user is null)
                {
                    // Rolled back: nothing of this file is stored.
                    var failed = preview.Rows.Select(r => r.RowNumber == row.RowNumber ? r with { Errors = errors } : r).ToList();
                    return (preview with { Rows = failed }, []);
                }

                created.Add(new IssuedPassword(row.Email, row.DisplayName, organisation.Name, password));
            }

            audit.Record(AuditAction.UsersImported, "Import", token, $"批量导入 {created.Count} 个账号");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        File.Delete(path);
        return (preview, created);
    }

    private async Task<ImportPreview> CheckAsync(byte[] bytes, string fileName, CancellationToken cancellationToken)
    {
        if (bytes.Length < 4 || bytes[0] != (byte)'P' || bytes[1] != (byte)'K' || bytes[2] != 3 || bytes[3] != 4)
        {
            return Failed(fileName, "文件不是 Excel 工作簿（.xlsx）。如果是 .xls 或 .csv 文件，请在 Excel 中“另存为”.xlsx 格式后再导入。");
        }

        IDictionary<string, object?> headerRow;
        List<(IDictionary<string, object?> Cells, int RowNumber)> data;
        try
        {
            using var stream = new MemoryStream(bytes);
            using var sheet = stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().GetEnumerator();
            if (!sheet.MoveNext())
            {
                return Failed(fileName, "工作表是空的。请使用导入模板填写。");
            }

            headerRow = sheet.Current;

            // Blank rows are skipped, not counted; reading stops at the first non-blank row past the limit.
            data = [];
            var rowNumber = 1;
            while (sheet.MoveNext() && data.Count <= MaxRows)
            {
                rowNumber++;
                if (sheet.Current.Values.Any(v => Text(v).Length > 0))
                {
                    data.Add((sheet.Current, rowNumber));
                }
            }
        }
#pragma warning disable CA1031 // Whatever the parser chokes on, the answer to the user is the same: not a readable workbook.
        catch (Exception)
#pragma warning restore CA1031
        {
            return Failed(fileName, "无法读取该文件，它可能已损坏或不是 Excel 工作簿（.xlsx）。");
        }

        // Blank header cells are ignored; a repeated header counts once (its first column).
        var header = headerRow.Where(kv => Text(kv.Value).Length > 0)
            .GroupBy(kv => Text(kv.Value))
            .ToDictionary(g => g.Key, g => g.First().Key);
        var missing = Required.Where(h => !header.ContainsKey(h)).ToList();
        if (missing.Count > 0)
        {
            var actual = string.Join("、", headerRow.Values.Select(Text).Where(v => v.Length > 0));
            return Failed(fileName, $"表头不正确：缺少“{string.Join("”“", missing)}”。表头应为：{string.Join("、", Headers)}；实际为：{(actual.Length == 0 ? "（空）" : actual)}。请使用导入模板。");
        }

        if (data.Count > MaxRows)
        {
            return Failed(fileName, $"单次最多导入 {MaxRows} 个账号，该文件超过了这个数量。请分成几个文件导入。");
        }

        if (data.Count == 0)
        {
            return Failed(fileName, "文件中没有账号数据。请在表头下方逐行填写。");
        }

        string Cell(IDictionary<string, object?> cells, string name) =>
            header.TryGetValue(name, out var column) && cells.TryGetValue(column, out var value) ? Text(value) : string.Empty;

        var organisations = await OrganisationsAsync(cancellationToken);
        var byName = organisations.Values.Where(o => o.IsActive).ToLookup(o => o.Name);
        var byShortName = organisations.Values.Where(o => o.IsActive).ToLookup(o => o.ShortName);
        var emails = data.Select(r => Cell(r.Cells, "电子邮箱").ToUpperInvariant()).ToList();
        var existing = (await db.Users.Where(u => emails.Contains(u.NormalizedEmail!)).Select(u => u.NormalizedEmail!).ToListAsync(cancellationToken)).ToHashSet();
        var seen = new Dictionary<string, int>();
        var validator = new UserInputValidator();
        var rows = new List<ImportRow>(data.Count);
        foreach (var (cells, rowNumber) in data)
        {
            var errors = new List<string>();
            var email = Cell(cells, "电子邮箱");
            var name = Cell(cells, "姓名");
            var phone = Cell(cells, "手机号码");
            var organisationText = Cell(cells, "所属单位");
            var rolesText = Cell(cells, "角色");
            var roles = new List<string>();
            foreach (var part in rolesText.Split(['、', ',', '，', ';', '；', ' ', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (RoleByName.TryGetValue(part, out var role))
                {
                    roles.Add(role);
                }
                else
                {
                    errors.Add($"角色“{part}”无效，可填：系统管理员、活动组织者、填报员、审核员。");
                }
            }

            int? organisationId = null;
            var matches = byName[organisationText].Any() ? byName[organisationText].ToList() : byShortName[organisationText].ToList();
            if (organisationText.Length == 0)
            {
                errors.Add("请填写所属单位。");
            }
            else if (matches.Count == 1)
            {
                organisationId = matches[0].Id;
            }
            else if (matches.Count > 1)
            {
                errors.Add($"简称“{organisationText}”对应多个单位，请填写单位全称。");
            }
            else
            {
                errors.Add($"单位“{organisationText}”不存在、已停用或不在您的管理范围内。");
            }

            var result = validator.Validate(new UserInput { Email = email, DisplayName = name, Phone = phone, OrganisationId = organisationId ?? 0 });
            errors.InsertRange(0, result.Errors.Select(e => e.ErrorMessage));
            var key = email.ToUpperInvariant();
            if (email.Length > 0 && seen.TryGetValue(key, out var first))
            {
                errors.Add($"与第 {first} 行的电子邮箱重复。");
            }
            else if (email.Length > 0)
            {
                seen[key] = rowNumber;
            }

            if (existing.Contains(key))
            {
                errors.Add("该电子邮箱已有账号。");
            }

            rows.Add(new ImportRow(rowNumber, email, name, phone, organisationText, rolesText, organisationId, roles.Distinct().ToList(), errors));
        }

        return new ImportPreview(null, fileName, [], rows);
    }

    private async Task<Dictionary<int, ImportOrganisation>> OrganisationsAsync(CancellationToken cancellationToken)
    {
        var scope = await currentUser.GetOrganisationAsync(cancellationToken);
        var rows = await db.Organisations.AsNoTracking().WithinSubtree(scope.Path)
            .OrderBy(o => o.Depth).ThenBy(o => o.Id)
            .Select(o => new { o.Id, o.Name, o.ShortName, o.Depth, o.IsActive })
            .ToListAsync(cancellationToken);
        var top = rows.Min(o => o.Depth);
        return rows.ToDictionary(o => o.Id, o => new ImportOrganisation(o.Id, o.Name, o.ShortName, o.Depth - top, o.IsActive));
    }

    private sealed record ImportOrganisation(int Id, string Name, string ShortName, int Level, bool IsActive);

    /// <summary>Checked files that were never confirmed hold personal data: they go after a day.</summary>
    private static void RemoveAbandoned(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.xlsx"))
        {
            if (File.GetLastWriteTimeUtc(file) < DateTime.UtcNow.AddDays(-1))
            {
                File.Delete(file);
            }
        }
    }

    private string PendingPath(string token) => Path.Combine(
        Path.GetFullPath(databaseOptions.DataDirectory, environment.ContentRootPath), "imports", currentUser.UserId ?? "anonymous", token + ".xlsx");

    /// <summary>Cells as text: numbers without exponent or grouping (a phone typed as a number stays a phone).</summary>
    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? string.Empty,
    };

    private static ImportPreview Failed(string fileName, string message) => new(null, fileName, [message], []);

    private static Dictionary<string, object> Row(IEnumerable<(string Header, string Value)> cells) => cells.ToDictionary(c => c.Header, c => (object)c.Value);

    private static Dictionary<string, object> Note(string text) => new() { ["说明"] = text };
}
