using System.Globalization;
using System.Net;
using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Features.Selections;
using CampaignPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.IntegrationTests.Selections;

/// <summary>推荐材料, 会议纪要, withdrawing an expert, deleting a group, editing an open round and the campaign page's links, through the pages.</summary>
public sealed class SelectionUpkeepTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Hami = "hami.filer@demo.local";
    private static readonly DateOnly Today = ChinaTime.Today(TimeProvider.System);

    private static string Inv(int value) => value.ToString(CultureInfo.InvariantCulture);

    private Task<int> FileCountAsync(int nominationId) => factory.WithDbAsync(db => db.Nominations.Where(n => n.Id == nominationId).SelectMany(n => n.Files).CountAsync());

    private Task<List<string?>> AuditAsync(AuditAction action) => factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == action).Select(e => e.Detail).ToListAsync());

    [Fact]
    public async Task NominationFiles_UnitUploadsOnTheDraft_OnlyUnitOrganiserAndPanelDownload_FixedOnceSubmitted()
    {
        var selection = await SelectionSteps.CreateSelectionAsync(factory, Today, title: "材料评选");
        var group = (await SelectionSteps.GroupIdsAsync(factory, selection))[0];
        var nomination = await SelectionSteps.NominateAsync(factory, Hami, selection, "古丽", group, submit: false);
        var edit = $"/nominations/{nomination}/edit";
        using var filer = await factory.SignedInAsync(Hami);

        Assert.Contains("推荐材料已上传", await filer.StatusMessageAfterAsync(await filer.PostFileAsync($"/nominations/{nomination}/files", edit, "推荐表.pdf", SelectionUploads.Pdf)), StringComparison.Ordinal);
        var refused = await filer.StatusMessageAfterAsync(await filer.PostFileAsync($"/nominations/{nomination}/files", edit, "假的.pdf", "not a pdf"u8.ToArray()));
        Assert.Contains("与扩展名不符", refused, StringComparison.Ordinal);
        Assert.Contains("不支持", await filer.StatusMessageAfterAsync(await filer.PostFileAsync($"/nominations/{nomination}/files", edit, "程序.exe", SelectionUploads.Pdf)), StringComparison.Ordinal);
        Assert.Equal(1, await FileCountAsync(nomination));
        var page = await filer.GetStringAsync(edit);
        Assert.Contains("推荐表.pdf", page, StringComparison.Ordinal);
        var fileId = await factory.WithDbAsync(db => db.Nominations.Where(n => n.Id == nomination).SelectMany(n => n.Files).Select(f => f.StoredFileId).SingleAsync());
        var download = $"/nominations/{nomination}/files/{fileId}";
        Assert.Equal(SelectionUploads.Pdf, await (await filer.GetAsync(download)).Content.ReadAsByteArrayAsync());

        // A second file, removed again while the nomination is a draft: its row and stored file go, with an audit entry.
        await filer.PostFileAsync($"/nominations/{nomination}/files", edit, "照片.png", TestImages.Png());
        var photo = await factory.WithDbAsync(db => db.Nominations.Where(n => n.Id == nomination).SelectMany(n => n.Files).Where(f => f.StoredFileId != fileId).Select(f => f.StoredFileId).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await filer.PostFormAsync($"/nominations/{nomination}/files/{photo}/remove", new Dictionary<string, string>(), edit)).StatusCode);
        Assert.Equal(1, await FileCountAsync(nomination));
        Assert.False(await factory.WithDbAsync(db => db.StoredFiles.AnyAsync(f => f.Id == photo)));
        Assert.Contains(await AuditAsync(AuditAction.NominationSaved), d => d!.Contains("删除推荐材料“照片.png”", StringComparison.Ordinal));

        // Who may download: the organiser yes; another unit, an expert not (yet) on a round, another organisation's organiser: 404.
        using (var organiser = await factory.SignedInAsync(SelectionSteps.Organiser))
        {
            Assert.Equal(HttpStatusCode.OK, (await organiser.GetAsync(download)).StatusCode);
        }

        var expert1 = await SelectionSteps.ExpertIdAsync(factory, selection, "expert1@demo.local");
        await SelectionSteps.ExpertIdAsync(factory, selection, "expert2@demo.local");
        foreach (var outsider in new[] { "klmy.filer@demo.local", "expert1@demo.local", "sx.organiser@demo.local" })
        {
            using var client = await factory.SignedInAsync(outsider);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(download)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/nominations/{nomination}/files/{Guid.NewGuid()}")).StatusCode);
        }

        // Submitted: the files are fixed.
        Assert.True((await SelectionSteps.AsAsync<NominationService, CommandResult>(factory, Hami, s => s.SaveAsync(selection, nomination, SelectionSteps.Candidate("古丽", group), true, default))).Succeeded);
        Assert.Equal(HttpStatusCode.Conflict, (await filer.PostFormAsync($"/nominations/{nomination}/files/{fileId}/remove", new Dictionary<string, string>(), edit)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await filer.PostFileAsync($"/nominations/{nomination}/files", edit, "补充.pdf", SelectionUploads.Pdf)).StatusCode);
        Assert.Equal(1, await FileCountAsync(nomination));

        // On a round's panel, expert1 may download; expert2, granted but not on the panel, may not.
        await SelectionSteps.PassAsync(factory, selection, nomination);
        await SelectionSteps.OpenVoteRoundAsync(factory, selection, Today.AddDays(3), new CutOff(CutOffRule.Top, 1), expert1);
        using (var expert = await factory.SignedInAsync("expert1@demo.local"))
        {
            Assert.Equal(HttpStatusCode.OK, (await expert.GetAsync(download)).StatusCode);
        }

        using (var other = await factory.SignedInAsync("expert2@demo.local"))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(download)).StatusCode);
        }
    }

    [Fact]
    public async Task RevokeExpert_OnAnOpenRound_Refused_NeverSat_Removed()
    {
        var selection = await SelectionSteps.CreateSelectionAsync(factory, Today, title: "专家评选");
        var group = (await SelectionSteps.GroupIdsAsync(factory, selection))[0];
        await SelectionSteps.PassAsync(factory, selection, await SelectionSteps.NominateAsync(factory, Hami, selection, "热依拉", group));
        var seated = await SelectionSteps.ExpertIdAsync(factory, selection, "expert1@demo.local");
        var spare = await SelectionSteps.ExpertIdAsync(factory, selection, "expert2@demo.local");
        await SelectionSteps.OpenVoteRoundAsync(factory, selection, Today.AddDays(3), new CutOff(CutOffRule.Top, 1), seated);
        using var organiser = await factory.SignedInAsync(SelectionSteps.Organiser);
        var show = $"/selections/{selection}";

        var refused = await organiser.StatusMessageAfterAsync(await organiser.PostFormAsync($"/selections/{selection}/experts/{seated}/remove", new Dictionary<string, string>(), show));
        Assert.Contains("正在参加第1轮“初评”的评审，不能取消聘请", refused, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.SelectionExperts.AnyAsync(e => e.Id == seated)));

        Assert.Contains("已取消聘请", await organiser.StatusMessageAfterAsync(await organiser.PostFormAsync($"/selections/{selection}/experts/{spare}/remove", new Dictionary<string, string>(), show)), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.SelectionExperts.AnyAsync(e => e.Id == spare)));
        Assert.Contains(await AuditAsync(AuditAction.ExpertRevoked), d => d!.Contains("取消聘请", StringComparison.Ordinal) && d.Contains("expert2@demo.local", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.PostFormAsync($"/selections/{selection}/experts/{spare}/remove", new Dictionary<string, string>(), show)).StatusCode);

        using var foreign = await factory.SignedInAsync("sx.organiser@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.PostFormAsync($"/selections/{selection}/experts/{seated}/remove", new Dictionary<string, string>(), "/selections")).StatusCode);
    }

    [Fact]
    public async Task RemoveGroup_UsedByANominationOrAnExpert_Refused_Unused_Removed()
    {
        var selection = await SelectionSteps.CreateSelectionAsync(factory, Today, title: "学科组评选");
        var (farming, health) = await SelectionSteps.GroupIdsAsync(factory, selection) is [var a, var b] ? (a, b) : throw new InvalidOperationException();
        await SelectionSteps.NominateAsync(factory, Hami, selection, "阿迪力", farming, submit: false);
        await SelectionSteps.ExpertIdAsync(factory, selection, "expert1@demo.local", health);
        using var organiser = await factory.SignedInAsync(SelectionSteps.Organiser);
        var show = $"/selections/{selection}";

        Assert.Contains("“农业组”已有1 名候选人（含草稿），不能删除", await organiser.StatusMessageAfterAsync(
            await organiser.PostFormAsync($"/selections/{selection}/groups/{farming}/remove", new Dictionary<string, string>(), show)), StringComparison.Ordinal);
        Assert.Contains("“医疗组”已有1 位评审专家，不能删除", await organiser.StatusMessageAfterAsync(
            await organiser.PostFormAsync($"/selections/{selection}/groups/{health}/remove", new Dictionary<string, string>(), show)), StringComparison.Ordinal);

        var updated = await SelectionSteps.AsAsync<SelectionService, CommandResult>(factory, SelectionSteps.Organiser, s => s.UpdateAsync(selection, new SelectionInput
        {
            Title = "学科组评选",
            NominationOpens = Today,
            NominationCloses = Today.AddDays(7),
            QuotaPerUnit = 2,
            Groups = "农业组\n医疗组\n能源组",
        }, default));
        Assert.True(updated.Succeeded);
        var energy = (await SelectionSteps.GroupIdsAsync(factory, selection))[2];
        Assert.Contains("学科组已删除", await organiser.StatusMessageAfterAsync(
            await organiser.PostFormAsync($"/selections/{selection}/groups/{energy}/remove", new Dictionary<string, string>(), show)), StringComparison.Ordinal);
        Assert.Equal([farming, health], await SelectionSteps.GroupIdsAsync(factory, selection));
        Assert.Contains(await AuditAsync(AuditAction.SelectionGroupRemoved), d => d!.Contains("删除学科组“能源组”", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.PostFormAsync($"/selections/{selection}/groups/{energy}/remove", new Dictionary<string, string>(), show)).StatusCode);
    }

    [Fact]
    public async Task EditOpenRound_NameDueAndPanel_PanelFixedOnceAVoteIsCast()
    {
        var selection = await SelectionSteps.CreateSelectionAsync(factory, Today, title: "修改轮次评选");
        var group = (await SelectionSteps.GroupIdsAsync(factory, selection))[0];
        var nomination = await SelectionSteps.NominateAsync(factory, Hami, selection, "买买提", group);
        await SelectionSteps.PassAsync(factory, selection, nomination);
        var (e1, e2) = (await SelectionSteps.ExpertIdAsync(factory, selection, "expert1@demo.local"), await SelectionSteps.ExpertIdAsync(factory, selection, "expert2@demo.local"));
        var round = await SelectionSteps.OpenVoteRoundAsync(factory, selection, Today.AddDays(3), new CutOff(CutOffRule.Top, 1), e1, e2);
        using var organiser = await factory.SignedInAsync(SelectionSteps.Organiser);
        var edit = $"/selection-rounds/{round}/edit";
        Dictionary<string, string> Form(string name, DateOnly due, params int[] experts) => new(experts.Select((e, i) => KeyValuePair.Create($"ExpertIds[{i}]", Inv(e))))
        {
            ["Name"] = name,
            ["DueDate"] = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };

        Assert.Contains("修改第1轮评审", await organiser.GetStringAsync(edit), StringComparison.Ordinal);
        var blank = await organiser.PostFormAsync(edit, Form(" ", Today.AddDays(5), e1, e2));
        Assert.Contains("请填写轮次名称", await blank.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var past = await organiser.PostFormAsync(edit, Form("初评", Today.AddDays(-1), e1, e2));
        Assert.Contains("投票截止日期不能早于今天", await past.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await organiser.PostFormAsync(edit, Form("初评（延期）", Today.AddDays(10), e1))).StatusCode);
        var saved = await factory.WithDbAsync(db => db.SelectionRounds.Include(r => r.Panel).SingleAsync(r => r.Id == round));
        Assert.Equal(("初评（延期）", ChinaTime.EndOfDayUtc(Today.AddDays(10))), (saved.Name, saved.DueAt!.Value));
        Assert.Equal([e1], saved.Panel.Select(p => p.ExpertId));
        Assert.Contains(await AuditAsync(AuditAction.RoundUpdated), d => d!.Contains("名称改为“初评（延期）”", StringComparison.Ordinal) && d.Contains("评审专家调整为 1 位", StringComparison.Ordinal));

        Assert.True((await SelectionSteps.VoteAsync(factory, "expert1@demo.local", round, new Dictionary<int, bool> { [nomination] = true })).Succeeded);
        var locked = await organiser.PostFormAsync(edit, Form("初评（延期）", Today.AddDays(10), e1, e2));
        Assert.Contains("已有专家投票，不能再调整本轮评审专家", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.SelectionRounds.Where(r => r.Id == round).SelectMany(r => r.Panel).CountAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.PostFormAsync(edit, Form("初评", Today.AddDays(11), e1))).StatusCode);

        using var foreign = await factory.SignedInAsync("sx.organiser@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync(edit)).StatusCode);
    }

    [Fact]
    public async Task Meeting_MinutesOfTheWrongKind_RoundStaysOpen_NothingStored_MinutesForTheOrganiserOnly()
    {
        var selection = await SelectionSteps.CreateSelectionAsync(factory, Today, title: "纪要评选");
        var group = (await SelectionSteps.GroupIdsAsync(factory, selection))[0];
        var nomination = await SelectionSteps.NominateAsync(factory, Hami, selection, "迪丽", group);
        await SelectionSteps.PassAsync(factory, selection, nomination);
        await SelectionSteps.ExpertIdAsync(factory, selection, "expert1@demo.local");
        var round = (await SelectionSteps.AsAsync<RoundService, CommandResult>(factory, SelectionSteps.Organiser,
            s => s.OpenAsync(selection, new RoundInput { Name = "终评会议", Kind = RoundKind.Meeting }, default))).Id!.Value;
        using var organiser = await factory.SignedInAsync(SelectionSteps.Organiser);
        var page = $"/selection-rounds/{round}";
        var files = await factory.WithDbAsync(db => db.StoredFiles.CountAsync());

        var refused = await organiser.PostMultipartAsync($"{page}/meeting", page, [("advancing", Inv(nomination))], ("minutes", "纪要.pdf", "plain text"u8.ToArray()));
        Assert.Contains("与扩展名不符", await organiser.StatusMessageAfterAsync(refused), StringComparison.Ordinal);
        var none = await organiser.PostMultipartAsync($"{page}/meeting", page, [], ("minutes", "纪要.pdf", SelectionUploads.Pdf));
        Assert.Contains("请从本轮候选人中选择", await organiser.StatusMessageAfterAsync(none), StringComparison.Ordinal);
        Assert.Equal(RoundStatus.Open, await factory.WithDbAsync(db => db.SelectionRounds.Where(r => r.Id == round).Select(r => r.Status).SingleAsync()));
        Assert.Equal(files, await factory.WithDbAsync(db => db.StoredFiles.CountAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync($"{page}/minutes")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await organiser.PostMultipartAsync($"{page}/meeting", page, [("advancing", Inv(nomination))], ("minutes", "终评纪要.pdf", SelectionUploads.Pdf))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await organiser.GetAsync($"{page}/minutes")).StatusCode);
        using var expert = await factory.SignedInAsync("expert1@demo.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.GetAsync($"{page}/minutes")).StatusCode);
        using var foreign = await factory.SignedInAsync("sx.organiser@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync($"{page}/minutes")).StatusCode);
    }

    [Fact]
    public async Task CampaignPage_LinksToNewSelectionAndTheCampaignsSelections()
    {
        var campaign = await ReportSteps.CampaignIdAsync(factory);
        await SelectionSteps.CreateSelectionAsync(factory, Today, title: "链接评选");
        using var organiser = await factory.SignedInAsync(SelectionSteps.Organiser);
        var page = await organiser.GetStringAsync($"/campaigns/{campaign}");
        Assert.Contains($"href=\"/campaigns/{campaign}/selections/create\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/selections?campaignId={campaign}\"", page, StringComparison.Ordinal);
        var list = await organiser.GetStringAsync($"/selections?campaignId={campaign}");
        Assert.Contains("链接评选", list, StringComparison.Ordinal);
        Assert.DoesNotContain("链接评选", await organiser.GetStringAsync("/selections?campaignId=987654"), StringComparison.Ordinal);
    }
}
