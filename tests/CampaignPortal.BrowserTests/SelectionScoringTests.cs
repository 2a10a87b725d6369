using CampaignPortal.IntegrationTests.Selections;
using CampaignPortal.Web.Infrastructure;
using Microsoft.Playwright;

namespace CampaignPortal.BrowserTests;

/// <summary>The organiser opens a scoring round, two experts score, one recuses from a candidate, the organiser ends it.</summary>
public sealed class SelectionScoringTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Title = "2026年“最美科技工作者”（评分测试）";

    [Fact]
    public async Task OrganiserOpensScoringRound_TwoExpertsScore_OneRecuses_AdvancingListIsRight()
    {
        var portal = fixture.Portal;
        var today = ChinaTime.Today(TimeProvider.System);
        var selection = await SelectionSteps.CreateSelectionAsync(portal, today, quota: 3, title: Title);
        var group = (await SelectionSteps.GroupIdsAsync(portal, selection))[0];
        foreach (var name in new[] { "阿依古丽·买买提", "王建国", "李明" })
        {
            await SelectionSteps.PassAsync(portal, selection, await SelectionSteps.NominateAsync(portal, "klmy.filer@demo.local", selection, name, group));
        }

        await SelectionSteps.ExpertIdAsync(portal, selection, "expert1@demo.local");
        await SelectionSteps.ExpertIdAsync(portal, selection, "expert2@demo.local");

        // The organiser opens a scoring round with the suggested criteria (创新性 40, 贡献 40, 社会影响 20): the best two advance.
        var organiser = await fixture.NewPageAsync();
        organiser.Dialog += (_, dialog) => dialog.AcceptAsync();
        await Pages.SignInAsync(organiser, "xj.organiser@demo.local");
        await organiser.GetByRole(AriaRole.Link, new() { Name = "评选管理" }).ClickAsync();
        await organiser.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await organiser.GetByRole(AriaRole.Link, new() { Name = "开启第一轮评审" }).ClickAsync();
        await organiser.GetByRole(AriaRole.Radio, new() { Name = "网络评分（专家" }).CheckAsync();
        await organiser.GetByLabel("投票截止日期").FillAsync(today.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await organiser.GetByLabel("按赞成票数取前若干名").CheckAsync();
        await organiser.GetByLabel("名额或最低票数（后两种规则）").FillAsync("2");
        await Assertions.Expect(organiser.GetByLabel("第 1 项评分标准名称")).ToHaveValueAsync("创新性");
        await Pages.AssertAccessibleAsync(organiser);
        await Pages.ScreenshotAsync(organiser, "selection-score-open");
        await organiser.GetByRole(AriaRole.Button, new() { Name = "开启本轮评审" }).ClickAsync();
        await Assertions.Expect(organiser.GetByText("尚未评分").First).ToBeVisibleAsync();
        var roundUrl = organiser.Url;

        // Expert 1 scores all three; expert 2 recuses from 李明 (同单位) and scores the other two.
        var scores = new Dictionary<string, (string Name, int Score)[]>
        {
            ["expert1@demo.local"] = [("阿依古丽·买买提", 9), ("王建国", 7), ("李明", 8)],
            ["expert2@demo.local"] = [("阿依古丽·买买提", 8), ("王建国", 6)],
        };
        foreach (var (email, marks) in scores)
        {
            var expert = await fixture.NewPageAsync();
            expert.Dialog += (_, dialog) => dialog.AcceptAsync();
            await Pages.SignInAsync(expert, email);
            await expert.GetByRole(AriaRole.Link, new() { Name = "评审任务" }).ClickAsync();
            await expert.GetByRole(AriaRole.Link, new() { Name = "第1轮 初评", Exact = true }).ClickAsync();
            if (email == "expert2@demo.local")
            {
                await expert.Locator("[data-testid='candidate-李明']").GetByRole(AriaRole.Link, new() { Name = "声明回避" }).ClickAsync();
                await expert.GetByLabel("同单位").CheckAsync();
                await Pages.AssertAccessibleAsync(expert);
                await Pages.ScreenshotAsync(expert, "selection-score-recuse");
                await expert.GetByRole(AriaRole.Button, new() { Name = "确认回避" }).ClickAsync();
                await Assertions.Expect(expert.GetByText("已声明回避李明")).ToBeVisibleAsync();
                await Assertions.Expect(expert.Locator("[data-testid='candidate-李明']")).ToHaveCountAsync(0);
            }

            foreach (var (name, score) in marks)
            {
                var inputs = expert.Locator($"[data-testid='candidate-{name}'] input[type=number]");
                await Assertions.Expect(inputs).ToHaveCountAsync(3);
                for (var i = 0; i < 3; i++)
                {
                    await inputs.Nth(i).FillAsync(score.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            await expert.GetByRole(AriaRole.Button, new() { Name = "保存评审意见" }).ClickAsync();
            await Assertions.Expect(expert.GetByText("评审意见已保存")).ToBeVisibleAsync();
            await Pages.AssertAccessibleAsync(expert);
            await Pages.ScreenshotAsync(expert, $"selection-score-sheet-{email[..7]}");
            await expert.Context.CloseAsync();
        }

        // Both have finished (李明's gap from expert 2 is a recusal, not missing): the organiser ends the scoring.
        await organiser.GotoAsync(roundUrl);
        await Assertions.Expect(organiser.GetByText("已评完")).ToHaveCountAsync(2);
        await Assertions.Expect(organiser.GetByText("9.00")).ToHaveCountAsync(0);
        await Pages.ScreenshotAsync(organiser, "selection-score-progress");
        await organiser.GetByRole(AriaRole.Button, new() { Name = "结束评分并统计" }).ClickAsync();

        // 阿依古丽 (9 + 8) / 2 = 8.50, 李明 8.00 (expert 1 alone), 王建国 (7 + 6) / 2 = 6.50: the first two advance.
        await Assertions.Expect(organiser.GetByText("本轮结果：2 人入选")).ToBeVisibleAsync();
        var rows = organiser.GetByTestId("round-candidates").Locator("tbody tr");
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("阿依古丽·买买提");
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("8.50");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("李明");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("8.00");
        await Assertions.Expect(rows.Nth(2)).ToContainTextAsync("王建国");
        await Assertions.Expect(rows.Nth(2)).ToContainTextAsync("6.50");
        var advancing = organiser.GetByRole(AriaRole.Row).Filter(new() { Has = organiser.GetByText("入选", new() { Exact = true }) });
        await Assertions.Expect(advancing).ToHaveCountAsync(2);
        await Pages.AssertAccessibleAsync(organiser);
        await Pages.ScreenshotAsync(organiser, "selection-score-result");

        // The organiser sees the recusal: who, which candidate, why.
        await organiser.GetByRole(AriaRole.Link, new() { Name = "回避记录（1 条）" }).ClickAsync();
        await Assertions.Expect(organiser.GetByTestId("recusals")).ToContainTextAsync("李明");
        await Assertions.Expect(organiser.GetByTestId("recusals")).ToContainTextAsync("同单位");
        await Pages.AssertAccessibleAsync(organiser);
        await Pages.ScreenshotAsync(organiser, "selection-score-recusals");
        await organiser.Context.CloseAsync();
    }
}
