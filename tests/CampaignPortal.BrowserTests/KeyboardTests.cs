using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Domain;
using Microsoft.Playwright;

namespace CampaignPortal.BrowserTests;

/// <summary>Keyboard use (WCAG 2.1.1, 2.4.1, 2.4.7) and errors tied to their fields (3.3.1).</summary>
public sealed class KeyboardTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Filer_SignsInFillsAndSubmitsTheReport_WithTheKeyboardAlone()
    {
        var campaign = await ReportSteps.CampaignIdAsync(fixture.Portal);
        var page = await fixture.NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync(); // 提交审核 asks for confirmation; Enter on the dialog in a real browser

        await page.GotoAsync("/account/sign-in");
        await TabToAsync(page, "#Email");
        await page.Keyboard.TypeAsync("hami.filer@demo.local");
        await TabToAsync(page, "#Password");
        await page.Keyboard.TypeAsync(PortalFactory.DemoPassword);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));

        // The first Tab reaches the skip link; Enter moves the focus into the page's main content.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("跳到主要内容", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        await TabToAsync(page, "a[href='/filer']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/filer");
        await TabToAsync(page, $"a[href='/campaigns/{campaign}/report']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/report");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = ReportSteps.XinjiangCampaign + " · 总结报告" })).ToBeVisibleAsync();

        await TabToAsync(page, "[data-editor-for=section-0] .ql-editor");
        await page.Keyboard.TypeAsync("5月30日，哈密市科协设分会场参加自治区主场活动。");
        await TabToAsync(page, "[data-editor-for=section-1] .ql-editor");
        await page.Keyboard.TypeAsync("走访慰问科技工作者代表。");
        await TabToAsync(page, "#FilerName");
        await page.Keyboard.TypeAsync("王芳");
        await TabToAsync(page, "#FilerPhone");
        await page.Keyboard.TypeAsync("0902-2231234");
        await page.Keyboard.PressAsync("Shift+Tab"); // back and forth works too
        Assert.Equal("FilerName", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await TabToAsync(page, "#ResponsiblePerson");
        await page.Keyboard.TypeAsync("李明");
        await TabToAsync(page, "button[name=submit]");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "报告已提交（第 1 版）" })).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "a11y-keyboard-report-submitted");
        await page.Context.CloseAsync();

        var report = await ReportSteps.ReportAsync(fixture.Portal, campaign, "哈密市科学技术协会");
        Assert.NotNull(report);
        Assert.Equal(ReportStatus.Submitted, report.Status);
        Assert.Equal("王芳", report.FilerName);
        Assert.Equal("李明", report.ResponsiblePerson);
    }

    [Fact]
    public async Task Tabbing_ThroughSignInAndTheReportForm_EveryFocusedElementShowsTheFocus()
    {
        var problems = new List<string>();
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        var signIn = await TabThroughAsync(page, 30, problems);
        await Pages.SignInAsync(page, "klmy.filer@demo.local");
        var campaign = await ReportSteps.CampaignIdAsync(fixture.Portal);
        await page.GotoAsync($"/campaigns/{campaign}/report");
        var report = await TabThroughAsync(page, 60, problems);
        await Pages.ScreenshotAsync(page, "a11y-focus-visible");
        await page.Context.CloseAsync();

        Assert.True(signIn >= 10 && report >= 25, $"Too few elements took the focus: {signIn} on sign-in, {report} on the report form.");
        Assert.True(problems.Count == 0, "Focused without a visible indicator:\n" + string.Join("\n", problems));
    }

    [Theory]
    [InlineData("report", 4)]
    [InlineData("activity", 3)]
    [InlineData("notice", 1)]
    public async Task FormSentWithErrors_EachInvalidFieldPointsToItsMessageBesideIt_AndTheSummaryTakesTheFocus(string form, int minimumInvalid)
    {
        var campaign = await ReportSteps.CampaignIdAsync(fixture.Portal);
        var (email, path, button) = form switch
        {
            "report" => ("klmy.filer@demo.local", $"/campaigns/{campaign}/report", "提交审核"),
            "activity" => ("klmy.filer@demo.local", $"/campaigns/{campaign}/my-activities/create", "登记活动"),
            _ => ("xj.organiser@demo.local", $"/campaigns/{campaign}/notices/create", "保存草稿"),
        };
        var page = await fixture.NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await Pages.SignInAsync(page, email);
        await page.GotoAsync(path);
        await new AxeSweep().SubmitWithErrorsAsync(page, button);

        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.matches('[data-error-summary][role=alert]')"),
            "The error summary did not take the focus.");
        var report = await page.EvaluateAsync<FieldCheck>(FieldCheckScript);
        await page.Context.CloseAsync();

        Assert.True(report.Invalid >= minimumInvalid, $"{report.Invalid} fields marked aria-invalid on the {form} form, expected at least {minimumInvalid}");
        Assert.True(report.Problems.Length == 0, string.Join("\n", report.Problems));
    }

    /// <summary>Presses Tab until the focused element matches the selector (at most 150 times).</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 150; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => !!document.activeElement && document.activeElement.matches(s)", selector))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {selector} on {page.Url}");
    }

    private static async Task<int> TabThroughAsync(IPage page, int presses, List<string> problems)
    {
        var seen = new HashSet<string>();
        for (var i = 0; i < presses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<FocusStyle>(@"() => {
                const e = document.activeElement;
                const s = getComputedStyle(e);
                const name = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' + (e.getAttribute('aria-label') || e.textContent || e.name || '').trim().slice(0, 30);
                const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
                return { name: name, body: e === document.body, visible: outline || (s.boxShadow && s.boxShadow !== 'none') };
            }");
            if (focus.Body)
            {
                continue;
            }

            seen.Add(focus.Name);
            if (!focus.Visible)
            {
                problems.Add($"{new Uri(page.Url).AbsolutePath}: {focus.Name}");
            }
        }

        return seen.Count;
    }

    private const string FieldCheckScript = @"() => {
        const problems = [];
        const shown = e => e.getClientRects().length > 0;
        const invalid = [...document.querySelectorAll('[aria-invalid=true]')].filter(shown);
        for (const field of invalid) {
            const label = field.id || field.name || field.className;
            const ids = (field.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
            const message = ids.map(id => document.getElementById(id)).find(m => m && m.classList.contains('field-validation-error'));
            if (!message) { problems.push(label + ': aria-describedby names no error message'); continue; }
            if (!message.textContent.trim()) { problems.push(label + ': its error message is empty'); continue; }
            const a = field.getBoundingClientRect(), b = message.getBoundingClientRect();
            const gap = b.top - a.bottom;
            const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            if (gap < -2 || gap > 40 || overlap <= 0) { problems.push(label + ': message not beside the field (gap ' + gap + 'px)'); }
        }
        for (const message of [...document.querySelectorAll('.field-validation-error')].filter(shown)) {
            const name = message.getAttribute('data-valmsg-for');
            const field = [...document.getElementsByName(name)].find(f => f.type !== 'hidden');
            if (!field) { continue; }
            const target = field.hidden && field.hasAttribute('data-rich-text') ? document.querySelector('[data-editor-for=""' + field.id + '""] .ql-editor') : field;
            if (target.getAttribute('aria-invalid') !== 'true' || !(target.getAttribute('aria-describedby') || '').split(/\s+/).includes(message.id)) {
                problems.push(name + ': message ""' + message.textContent.trim() + '"" is not tied to its field');
            }
        }
        return { invalid: invalid.length, problems: problems };
    }";

    private sealed class FocusStyle
    {
        public string Name { get; set; } = "";

        public bool Body { get; set; }

        public bool Visible { get; set; }
    }

    private sealed class FieldCheck
    {
        public int Invalid { get; set; }

        public string[] Problems { get; set; } = [];
    }
}
