using CampaignPortal.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace CampaignPortal.BrowserTests;

public sealed class AdministrationTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ProvincialAdmin_ImportsThreeAccountsFromTemplate_OneSignsInAndChangesPassword()
    {
        var page = await fixture.NewPageAsync();
        await Pages.SignInAsync(page, "xj.admin@demo.local");
        await page.GetByRole(AriaRole.Link, new() { Name = "单位与账号", Exact = true }).ClickAsync();
        await Pages.ScreenshotAsync(page, "admin-hub");
        await page.GetByRole(AriaRole.Link, new() { Name = "批量导入", Exact = true }).ClickAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "下载导入模板" }).ClickAsync());
        var template = await download.PathAsync();
        var filled = Path.Combine(Path.GetTempPath(), $"import-{Guid.NewGuid():N}.xlsx");
        FillTemplate(template, filled,
            ["zhou.hm@test.local", "周慧敏", "13999990001", "哈密市科协", "填报员"],
            ["aili.hm@test.local", "艾力·吐尔逊", "13999990002", "哈密市科学技术协会", "填报员、审核员"],
            ["liu.dsz@test.local", "刘洋", "", "独山子区科协", "活动组织者"]);
        await page.GetByLabel("导入文件").SetInputFilesAsync(filled);
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并检查" }).ClickAsync();
        await Assertions.Expect(page.GetByText("全部检查通过")).ToBeVisibleAsync();
        await Pages.AssertAccessibleAsync(page);
        await Pages.ScreenshotAsync(page, "admin-import-preview");

        await page.GetByRole(AriaRole.Button, new() { Name = "确认导入 3 个账号" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "已导入 3 个账号" })).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "admin-import-passwords");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "zhou.hm@test.local" });
        var oneTime = (await row.Locator("code").InnerTextAsync()).Trim();
        File.Delete(filled);

        var user = await fixture.NewPageAsync();
        await Pages.SignInAsync(user, "zhou.hm@test.local", oneTime);
        await Assertions.Expect(user).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/change-password$"));
        await Pages.ScreenshotAsync(user, "forced-password-change");
        await user.GetByLabel("当前密码").FillAsync(oneTime);
        await user.GetByLabel("新密码", new() { Exact = true }).FillAsync("哈密科协周慧敏的新密码");
        await user.GetByLabel("确认新密码").FillAsync("哈密科协周慧敏的新密码");
        await user.GetByRole(AriaRole.Button, new() { Name = "保存新密码" }).ClickAsync();
        await Assertions.Expect(user.GetByText("密码不能包含您的姓名").First).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(user, "change-password-refused");

        await user.GetByLabel("当前密码").FillAsync(oneTime);
        await user.GetByLabel("新密码", new() { Exact = true }).FillAsync("天山脚下的春天2026");
        await user.GetByLabel("确认新密码").FillAsync("天山脚下的春天2026");
        await user.GetByRole(AriaRole.Button, new() { Name = "保存新密码" }).ClickAsync();
        await Assertions.Expect(user.GetByRole(AriaRole.Heading, new() { Name = "您好，周慧敏" })).ToBeVisibleAsync();
        await Assertions.Expect(user.GetByText("密码已修改。")).ToBeVisibleAsync();
        await user.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ProvincialAdmin_Pages_AreAccessible_AndScreenshotted()
    {
        var page = await fixture.NewPageAsync();
        await Pages.SignInAsync(page, "xj.admin@demo.local");

        foreach (var (path, name) in new[]
        {
            ("/admin/organisations", "admin-organisations"),
            ("/admin/organisations/create", "admin-organisation-form"),
            ("/admin/users", "admin-users"),
            ("/admin/users/create", "admin-user-form"),
            ("/admin/users/import", "admin-import"),
            ("/admin/audit", "admin-audit"),
        })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            await Pages.AssertAccessibleAsync(page);
            await Pages.ScreenshotAsync(page, name);
        }

        await page.GotoAsync("/admin/users?q=hami.filer");
        await page.GetByRole(AriaRole.Link, new() { Name = "马晓燕" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "马晓燕 hami.filer@demo.local" })).ToBeVisibleAsync();
        await Pages.AssertAccessibleAsync(page);
        await Pages.ScreenshotAsync(page, "admin-user-details");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ForgotPassword_Anonymous_FindsTheAdministrator()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "查找本单位的管理员" }).ClickAsync();
        await page.GetByLabel("单位名称").FillAsync("哈密");
        await page.GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "哈密市科学技术协会" }).ClickAsync();

        await Assertions.Expect(page.GetByText("阿依古丽·买买提")).ToBeVisibleAsync();
        await Pages.AssertAccessibleAsync(page);
        await Pages.ScreenshotAsync(page, "forgot-password");
        await page.Context.CloseAsync();
    }

    private static void FillTemplate(string template, string target, params string[][] accounts)
    {
        List<string> header;
        using (var input = File.OpenRead(template))
        {
            header = ((IDictionary<string, object>)input.Query(useHeaderRow: false, sheetName: "账号").First()).Values.Select(v => v.ToString()!).ToList();
        }

        var rows = accounts.Select(a => header.Zip(a).ToDictionary(p => p.First, p => (object)p.Second)).ToList();
        using var output = File.Create(target);
        output.SaveAs(rows, sheetName: "账号");
    }
}
