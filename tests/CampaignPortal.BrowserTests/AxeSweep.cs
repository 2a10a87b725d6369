using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CampaignPortal.BrowserTests;

/// <summary>Runs axe on page after page and keeps every violation, so one run lists all of them.</summary>
internal sealed class AxeSweep
{
    public List<string> Checked { get; } = [];

    public List<string> Violations { get; } = [];

    public async Task VisitAsync(IPage page, string path, string? screenshot = null)
    {
        var response = await page.GotoAsync(path);
        if (response is not { Status: 200 })
        {
            Violations.Add($"{path} answered {response?.Status} (not checked)");
            return;
        }

        await CheckAsync(page, path, screenshot);
    }

    /// <summary>
    /// Empties the fields of the form the named button belongs to (text, rich text, dates, numbers; lists and boxes
    /// stay as they are), sends it with the browser's own checks off so the server's come back, and checks the page
    /// with its errors shown. Fails if no error summary comes back.
    /// </summary>
    public async Task SubmitWithErrorsAsync(IPage page, string button, string? screenshot = null)
    {
        var path = new Uri(page.Url).PathAndQuery;
        var submit = page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = button, Exact = true });
        await submit.EvaluateAsync(@"button => {
            const form = button.form;
            form.noValidate = true;
            form.querySelectorAll('input, textarea').forEach(field => {
                if (['text', 'email', 'tel', 'url', 'number', 'date', 'password', 'search', ''].includes(field.type) || field.tagName === 'TEXTAREA') {
                    field.value = '';
                    if (field.hasAttribute('data-rich-text')) {
                        field.dispatchEvent(new Event('rich-text:load'));
                    }
                }
            });
        }");
        await submit.ClickAsync();
        await Assertions.Expect(page.Locator("[data-error-summary]")).ToBeVisibleAsync();
        await CheckAsync(page, $"{path} sent empty ({button})", screenshot);
    }

    public async Task CheckAsync(IPage page, string label, string? screenshot = null)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Checked.Add(label);
        foreach (var violation in result.Violations)
        {
            foreach (var node in violation.Nodes)
            {
                Violations.Add($"{label} [{violation.Impact}] {violation.Id}: {violation.Help} — {string.Join(" ", node.Target)}: {Reasons(node)}");
            }
        }

        if (screenshot is not null)
        {
            await Pages.ScreenshotAsync(page, screenshot);
        }
    }

    private static string Reasons(AxeResultNode node) =>
        string.Join("; ", (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(check => check.Message));
}
