using CampaignPortal.IntegrationTests.Selections;
using CampaignPortal.Web.Infrastructure;
using Microsoft.Playwright;

namespace CampaignPortal.BrowserTests;

/// <summary>A unit nominates, the organiser checks and opens a vote, two experts vote, the organiser resolves the tie at the line.</summary>
public sealed class SelectionTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task UnitNominates_TwoExpertsVote_OrganiserResolvesTheTie_AdvancingListIsRight()
    {
        var portal = fixture.Portal;
        var today = ChinaTime.Today(TimeProvider.System);
        var selection = await SelectionSteps.CreateSelectionAsync(portal, today, quota: 3, title: "2026年“最美科技工作者”（浏览器测试）");
        var group = (await SelectionSteps.GroupIdsAsync(portal, selection))[0];
        foreach (var name in new[] { "阿依古丽·买买提", "王建国" })
        {
            await SelectionSteps.PassAsync(portal, selection, await SelectionSteps.NominateAsync(portal, "klmy.filer@demo.local", selection, name, group));
        }

        // 哈密's filer nominates a third candidate.
        var filer = await fixture.NewPageAsync();
        filer.Dialog += (_, dialog) => dialog.AcceptAsync();
        await Pages.SignInAsync(filer, "hami.filer@demo.local");
        await filer.GetByRole(AriaRole.Link, new() { Name = "评选推荐" }).ClickAsync();
        await filer.GetByRole(AriaRole.Link, new() { Name = "2026年“最美科技工作者”（浏览器测试）" }).ClickAsync();
        await filer.GetByRole(AriaRole.Link, new() { Name = "推荐候选人" }).ClickAsync();
        await filer.GetByLabel("姓名").FillAsync("李明");
        await filer.GetByLabel("性别").SelectOptionAsync(new SelectOptionValue { Label = "男" });
        await filer.GetByLabel("出生年份").FillAsync("1978");
        await filer.GetByLabel("工作单位").FillAsync("哈密市农业技术推广中心");
        await filer.GetByLabel("职务/职称").FillAsync("推广研究员");
        await filer.GetByLabel("学科组").SelectOptionAsync(new SelectOptionValue { Label = "农业组" });
        await filer.Locator("[data-editor-for=Achievements] .ql-editor").ClickAsync();
        await filer.Keyboard.TypeAsync("二十年扎根哈密，推广哈密瓜节水栽培技术。");
        await filer.GetByLabel("推荐单位意见").FillAsync("同意推荐。");
        await Pages.ScreenshotAsync(filer, "selection-nominate");
        await filer.GetByRole(AriaRole.Button, new() { Name = "提交推荐" }).ClickAsync();
        await Assertions.Expect(filer.GetByText("已提交对李明的推荐")).ToBeVisibleAsync();
        await Pages.AssertAccessibleAsync(filer);
        await Pages.ScreenshotAsync(filer, "selection-my-nominations");
        await filer.Context.CloseAsync();

        // The organiser passes it, appoints the experts and opens the first round: the best one advances.
        var organiser = await fixture.NewPageAsync();
        organiser.Dialog += (_, dialog) => dialog.AcceptAsync();
        await Pages.SignInAsync(organiser, "xj.organiser@demo.local");
        await organiser.GetByRole(AriaRole.Link, new() { Name = "评选管理" }).ClickAsync();
        await organiser.GetByRole(AriaRole.Link, new() { Name = "2026年“最美科技工作者”（浏览器测试）" }).ClickAsync();
        await organiser.GetByRole(AriaRole.Row).Filter(new() { HasText = "李明" }).GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
        foreach (var email in new[] { "expert1@demo.local", "expert2@demo.local" })
        {
            await organiser.GetByLabel("专家账号的电子邮箱").FillAsync(email);
            await organiser.GetByRole(AriaRole.Button, new() { Name = "聘请为评审专家" }).ClickAsync();
        }

        await Pages.AssertAccessibleAsync(organiser);
        await Pages.ScreenshotAsync(organiser, "selection-organiser");
        await organiser.GetByRole(AriaRole.Link, new() { Name = "开启第一轮评审" }).ClickAsync();
        await organiser.GetByLabel("投票截止日期").FillAsync(today.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await organiser.GetByLabel("按赞成票数取前若干名").CheckAsync();
        await organiser.GetByLabel("名额或最低票数（后两种规则）").FillAsync("1");
        await organiser.GetByRole(AriaRole.Button, new() { Name = "开启本轮评审" }).ClickAsync();
        await Assertions.Expect(organiser.GetByText("尚未投票").First).ToBeVisibleAsync();
        var roundUrl = organiser.Url;

        // Two experts vote: 阿依古丽 2, 王建国 2, 李明 1 — a tie for the one place.
        foreach (var (email, liMing) in new[] { ("expert1@demo.local", "不赞成"), ("expert2@demo.local", "赞成") })
        {
            var expert = await fixture.NewPageAsync();
            await Pages.SignInAsync(expert, email);
            await expert.GetByRole(AriaRole.Link, new() { Name = "评审任务" }).ClickAsync();
            await expert.GetByRole(AriaRole.Link, new() { Name = "第1轮 初评", Exact = true }).ClickAsync();
            foreach (var (name, vote) in new[] { ("阿依古丽·买买提", "赞成"), ("王建国", "赞成"), ("李明", liMing) })
            {
                await expert.GetByRole(AriaRole.Radiogroup, new() { Name = name }).GetByLabel(vote, new() { Exact = true }).CheckAsync();
            }

            await expert.GetByRole(AriaRole.Button, new() { Name = "保存投票" }).ClickAsync();
            await Assertions.Expect(expert.GetByText("已保存 3 票")).ToBeVisibleAsync();
            await Pages.AssertAccessibleAsync(expert);
            await Pages.ScreenshotAsync(expert, $"selection-ballot-{email[..7]}");
            await expert.Context.CloseAsync();
        }

        await organiser.GotoAsync(roundUrl);
        await Assertions.Expect(organiser.GetByText("已投完")).ToHaveCountAsync(2);
        await organiser.GetByRole(AriaRole.Button, new() { Name = "结束投票并统计" }).ClickAsync();
        await Assertions.Expect(organiser.GetByText("还剩 1 个名额")).ToBeVisibleAsync();
        await Pages.AssertAccessibleAsync(organiser);
        await Pages.ScreenshotAsync(organiser, "selection-tie");
        await organiser.GetByLabel("王建国（新疆农业科学院，克拉玛依市科学技术协会推荐）").CheckAsync();
        await organiser.GetByRole(AriaRole.Button, new() { Name = "确定并列人选" }).ClickAsync();
        await Assertions.Expect(organiser.GetByText("本轮结果：1 人入选")).ToBeVisibleAsync();
        var advancing = organiser.GetByRole(AriaRole.Row).Filter(new() { Has = organiser.GetByText("入选", new() { Exact = true }) });
        await Assertions.Expect(advancing).ToHaveCountAsync(1);
        await Assertions.Expect(advancing).ToContainTextAsync("王建国");
        await Pages.ScreenshotAsync(organiser, "selection-round-closed");
        await organiser.Context.CloseAsync();
    }
}
