using System.Net;
using CampaignPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CampaignPortal.IntegrationTests.Administration;

public sealed class UserImportTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string XjAdmin = "xj.admin@demo.local";
    private static readonly string[] Header = ["电子邮箱", "姓名", "手机号码", "所属单位", "角色"];

    [Fact]
    public async Task Template_HasTheHeadersAndListsOnlyOwnOrganisations()
    {
        using var admin = await factory.SignedInAsync(XjAdmin);

        var bytes = await (await admin.GetAsync("/admin/users/import/template")).Content.ReadAsByteArrayAsync();
        using var stream = new MemoryStream(bytes);
        var header = ((IDictionary<string, object>)stream.Query(useHeaderRow: false, sheetName: "账号").First()).Values.Select(v => v?.ToString()).ToList();
        stream.Position = 0;
        var notes = string.Join("\n", stream.Query(useHeaderRow: true, sheetName: "填写说明").Select(r => (string)((IDictionary<string, object>)r)["说明"]));

        Assert.Equal(Header, header);
        Assert.Contains("哈密市科学技术协会", notes, StringComparison.Ordinal);
        Assert.DoesNotContain("陕西", notes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ValidFile_PreviewThenConfirm_CreatesAllWithOneTimePasswords()
    {
        using var admin = await factory.SignedInAsync(XjAdmin);
        var file = Workbook(
            ["imp1@test.local", "艾力·买买提", 13900000001d, "哈密市科协", "填报员"],
            ["imp2@test.local", "王芳", "0902-2233445", "哈密市科学技术协会", "填报员、审核员"],
            ["imp3@test.local", "=1+1", "", "独山子区科协", "活动组织者"]);

        var preview = await admin.PostFileAsync("/admin/users/import", "/admin/users/import", "accounts.xlsx", file);
        var previewHtml = await preview.Content.ReadAsStringAsync();
        Assert.Contains("全部检查通过", previewHtml, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "imp1@test.local")), "Nothing may be written before confirmation.");

        var token = System.Text.RegularExpressions.Regex.Match(previewHtml, "name=\"token\" value=\"([0-9a-f]{32})\"").Groups[1].Value;
        var confirm = await admin.PostFormAsync("/admin/users/import/confirm", new Dictionary<string, string> { ["token"] = token }, "/admin/users/import");
        var html = await confirm.Content.ReadAsStringAsync();

        Assert.Contains("已导入 3 个账号", html, StringComparison.Ordinal);
        var users = await factory.WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.Email!.StartsWith("imp")).ToDictionaryAsync(u => u.Email!));
        Assert.Equal(3, users.Count);
        Assert.Equal("13900000001", users["imp1@test.local"].PhoneNumber);
        Assert.Equal("=1+1", users["imp3@test.local"].DisplayName);
        Assert.All(users.Values, u => Assert.True(u.MustChangePassword));
        var replay = await admin.PostFormAsync("/admin/users/import/confirm", new Dictionary<string, string> { ["token"] = token }, "/admin/users/import");
        Assert.Contains("已过期或已经导入过", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_RowErrors_AllListedAndNothingStored()
    {
        using var admin = await factory.SignedInAsync(XjAdmin);
        var file = Workbook(
            ["ok@test.local", "正常", "", "哈密市科协", "填报员"],
            ["dup@test.local", "重复一", "", "哈密市科协", "填报员"],
            ["DUP@test.local", "重复二", "", "哈密市科协", "填报员"],
            ["bad-email", "格式", "", "哈密市科协", "填报员"],
            ["sx@test.local", "外省", "", "西安市科学技术协会", "填报员"],
            ["role@test.local", "角色", "", "哈密市科协", "局长"],
            ["hami.filer@demo.local", "已存在", "", "哈密市科协", "填报员"],
            ["noname@test.local", "", "", "", ""]);

        var response = await admin.PostFileAsync("/admin/users/import", "/admin/users/import", "bad.xlsx", file);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("其中 6 行有问题", html, StringComparison.Ordinal);
        Assert.Contains("与第 3 行的电子邮箱重复", html, StringComparison.Ordinal);
        Assert.Contains("电子邮箱格式不正确", html, StringComparison.Ordinal);
        Assert.Contains("单位“西安市科学技术协会”不存在、已停用或不在您的管理范围内", html, StringComparison.Ordinal);
        Assert.Contains("角色“局长”无效", html, StringComparison.Ordinal);
        Assert.Contains("该电子邮箱已有账号", html, StringComparison.Ordinal);
        Assert.Contains("请填写姓名", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"token\"", html, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "ok@test.local")));
    }

    [Fact]
    public async Task Import_AccountCreatedBetweenPreviewAndConfirm_NothingStored()
    {
        using var admin = await factory.SignedInAsync(XjAdmin);
        var file = Workbook(
            ["race1@test.local", "甲", "", "哈密市科协", "填报员"],
            ["race2@test.local", "乙", "", "哈密市科协", "填报员"]);
        var preview = await (await admin.PostFileAsync("/admin/users/import", "/admin/users/import", "race.xlsx", file)).Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(preview, "name=\"token\" value=\"([0-9a-f]{32})\"").Groups[1].Value;
        await factory.CreateUserAsync("race2@test.local");

        var confirm = await admin.PostFormAsync("/admin/users/import/confirm", new Dictionary<string, string> { ["token"] = token }, "/admin/users/import");

        Assert.Contains("该电子邮箱已有账号", await confirm.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "race1@test.local")));
    }

    [SkippableFact]
    public async Task Import_FailureInsideTheTransaction_NothingStored()
    {
        Skip.If(factory.IsSqlServer, "Uses a SQLite trigger to make the third insert fail.");
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER fail_boom BEFORE INSERT ON AspNetUsers WHEN NEW.Email = 'boom3@test.local' BEGIN SELECT RAISE(ABORT, 'simulated failure'); END;"));
        using var admin = await factory.SignedInAsync(XjAdmin);
        var file = Workbook(
            ["boom1@test.local", "甲", "", "哈密市科协", "填报员"],
            ["boom2@test.local", "乙", "", "哈密市科协", "填报员"],
            ["boom3@test.local", "丙", "", "哈密市科协", "填报员"]);
        var preview = await (await admin.PostFileAsync("/admin/users/import", "/admin/users/import", "boom.xlsx", file)).Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(preview, "name=\"token\" value=\"([0-9a-f]{32})\"").Groups[1].Value;

        var confirm = await admin.PostFormAsync("/admin/users/import/confirm", new Dictionary<string, string> { ["token"] = token }, "/admin/users/import");

        Assert.Equal(HttpStatusCode.InternalServerError, confirm.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email!.StartsWith("boom"))));
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Detail!.Contains("boom1@test.local"))));
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DROP TRIGGER fail_boom;"));
    }

    [Fact]
    public async Task Import_EmailWithChineseCharacters_CaughtInPreview()
    {
        using var admin = await factory.SignedInAsync(XjAdmin);

        var response = await admin.PostFileAsync("/admin/users/import", "/admin/users/import", "cn.xlsx",
            Workbook(["张三@test.local", "张三", "", "哈密市科协", "填报员"]));

        Assert.Contains("电子邮箱只能包含英文字母", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_BlankRowsThenTooManyAccounts_Refused()
    {
        using var admin = await factory.SignedInAsync(XjAdmin);
        object[][] rows = [["", "", "", "", ""], .. Enumerable.Range(0, 1500).Select(i => new object[] { $"blank{i}@test.local", "批量", "", "哈密市科协", "填报员" })];

        var response = await admin.PostFileAsync("/admin/users/import", "/admin/users/import", "big.xlsx", Workbook(rows));

        Assert.Contains("单次最多导入 1000 个账号", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_BlankAndRepeatedHeaderCells_Tolerated()
    {
        using var admin = await factory.SignedInAsync(XjAdmin);
        var bytes = Sheet([
            ["电子邮箱", "姓名", "手机号码", "所属单位", "角色", "", "备注", "备注"],
            ["hdr@test.local", "表头", "", "哈密市科协", "填报员", "", "x", "y"]]);

        var response = await admin.PostFileAsync("/admin/users/import", "/admin/users/import", "hdr.xlsx", bytes);

        Assert.Contains("全部检查通过", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wrong-headers")]
    [InlineData("not-xlsx")]
    [InlineData("too-many-rows")]
    [InlineData("empty")]
    public async Task Import_BadFile_ClearMessage(string kind)
    {
        using var admin = await factory.SignedInAsync(XjAdmin);
        var (bytes, expected) = kind switch
        {
            "wrong-headers" => (Sheet([["邮箱", "名字", "单位"], ["a@test.local", "甲", "哈密市科协"]]), "表头不正确"),
            "not-xlsx" => ("电子邮箱,姓名\na@test.local,甲\n"u8.ToArray(), "文件不是 Excel 工作簿"),
            "too-many-rows" => (Workbook(Enumerable.Range(0, 10_000).Select(i => new object[] { $"bulk{i}@test.local", "批量", "", "哈密市科协", "填报员" }).ToArray()), "单次最多导入 1000 个账号"),
            _ => (Sheet([Header]), "文件中没有账号数据"),
        };

        var response = await admin.PostFileAsync("/admin/users/import", "/admin/users/import", "file.xlsx", bytes);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email!.StartsWith("bulk"))));
    }

    internal static byte[] Workbook(params object[][] rows) => Sheet([Header, .. rows]);

    private static byte[] Sheet(object[][] rows)
    {
        var data = rows.Select(r => r.Select((value, i) => (Column: ((char)('A' + i)).ToString(), value))
            .ToDictionary(c => c.Column, c => c.value)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(data, printHeader: false);
        return stream.ToArray();
    }
}
