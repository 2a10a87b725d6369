using CampaignPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CampaignPortal.BrowserTests;

/// <summary>
/// Script sent past the editor (a hand-made request from the signed-in page, as an attacker would) in rich text and
/// in plain fields: the stored notice is shown, and edited again, in a real browser and no dialog ever opens.
/// </summary>
public sealed class ScriptInjectionTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Payload = "<p>正文第一段</p><script>alert('script')</script><img src=x onerror=\"alert('onerror')\">"
        + "<p><a href=\"javascript:alert('link')\">点此链接</a></p><svg onload=\"alert('svg')\"></svg><iframe src=\"javascript:alert('iframe')\"></iframe>";

    [Fact]
    public async Task ScriptInRichAndPlainText_IsShownAsTextOrRemoved_NoDialogOpens()
    {
        var campaign = await fixture.Portal.WithDbAsync(db => db.Campaigns.Where(c => c.Title == ReportSteps.XinjiangCampaign).Select(c => c.Id).SingleAsync());
        var page = await fixture.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        await Pages.SignInAsync(page, "xj.organiser@demo.local");
        await page.GotoAsync($"/campaigns/{campaign}/notices/create");

        // The form as the page has it, with the title and body replaced — sent by script, so the editor cannot clean it.
        var location = await page.EvaluateAsync<string>(@"async ([title, body]) => {
            const form = document.querySelector('textarea[name=Body]').form;
            const data = new FormData(form);
            data.set('Title', title);
            data.set('Body', body);
            data.set('ContactNames', '<img src=x onerror=alert(1)>');
            const response = await fetch(form.action, { method: 'POST', body: new URLSearchParams(data) });
            return response.url;
        }", new[] { "<script>alert('title')</script>关于测试的通知", Payload });
        var id = System.Text.RegularExpressions.Regex.Match(location, "/notices/(\\d+)").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(id), $"The notice was not saved: {location}");

        await page.GotoAsync($"/notices/{id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "<script>alert('title')</script>关于测试的通知" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("正文第一段")).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "security-script-shown-as-text");
        await page.GotoAsync($"/notices/{id}/edit");
        await Assertions.Expect(page.Locator("[data-editor-for=Body] .ql-editor")).ToContainTextAsync("正文第一段");
        await page.WaitForTimeoutAsync(500); // a late onerror or onload would fire by now

        Assert.Empty(dialogs);
        var stored = await fixture.Portal.WithDbAsync(db => db.Notices.Where(n => n.Id == int.Parse(id)).Select(n => n.BodyHtml).SingleAsync());
        Assert.DoesNotContain("script", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", stored, StringComparison.OrdinalIgnoreCase);
        await page.Context.CloseAsync();
    }
}
