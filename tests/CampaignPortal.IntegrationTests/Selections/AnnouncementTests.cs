using System.Net;
using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Features.Selections;
using CampaignPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CampaignPortal.IntegrationTests.Selections.AnnouncementSteps;
using static CampaignPortal.IntegrationTests.Selections.SelectionSteps;

namespace CampaignPortal.IntegrationTests.Selections;

/// <summary>公示: objections from the public, handling, finalising only after the period with everything handled, publication (fake clock).</summary>
public sealed class AnnouncementTests(GongshiPortalFactory factory) : IClassFixture<GongshiPortalFactory>
{
    private DateOnly Today => ChinaTime.Today(factory.Clock);

    [Fact]
    public async Task Finalise_RefusedDuringThePeriod_AndWithAnUnhandledObjection_UpheldObjectionRemovesTheCandidate()
    {
        var p = await ProposedSelectionAsync(factory, Today, "终审评选");
        Assert.True((await PublishAsync(factory, p.SelectionId, Today)).Succeeded);
        var announcement = await factory.WithDbAsync(db => db.Announcements.AsNoTracking().SingleAsync(a => a.SelectionId == p.SelectionId));
        Assert.Equal(WorkingDays.End(Today, 5), announcement.EndsOn);
        Assert.Equal(ChinaTime.EndOfDayUtc(announcement.EndsOn), announcement.EndsAt);

        // The public page lists the proposed candidates and the period; an anonymous visitor objects to 甲.
        using var visitor = factory.CreatePortalClient();
        var page = await visitor.GetStringAsync($"/gongshi/{p.SelectionId}");
        Assert.Contains("甲终", page, StringComparison.Ordinal);
        Assert.Contains(announcement.PeriodText, page, StringComparison.Ordinal);
        var posted = await visitor.PostFormAsync($"/gongshi/{p.SelectionId}/objection", Objection(p.Winner1), $"/gongshi/{p.SelectionId}/objection");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var received = await visitor.GetStringAsync(posted.Headers.Location!.OriginalString);
        var reference = await factory.WithDbAsync(db => db.Objections.Where(o => o.AnnouncementId == announcement.Id).Select(o => new { o.Id, o.Reference }).SingleAsync());
        Assert.Contains("受理编号", received, StringComparison.Ordinal);
        Assert.Contains(reference.Reference, received, StringComparison.Ordinal);
        Assert.Matches("^YY[A-Z2-9]{8}$", reference.Reference);

        // During the period: refused.
        var during = await Assert.ThrowsAsync<DomainException>(() => AsAsync<AnnouncementService, CommandResult>(factory, Organiser, s => s.FinaliseAsync(p.SelectionId, default)));
        Assert.Contains("尚未结束", during.Message, StringComparison.Ordinal);

        // 23:59 on the last day China time is still in the period; at midnight it has ended, and objections are refused.
        factory.Clock.SetUtcNow(announcement.EndsAt.AddMinutes(-1));
        await Assert.ThrowsAsync<DomainException>(() => AsAsync<AnnouncementService, CommandResult>(factory, Organiser, s => s.FinaliseAsync(p.SelectionId, default)));
        factory.Clock.SetUtcNow(announcement.EndsAt.AddMinutes(1));
        var late = await visitor.PostFormAsync($"/gongshi/{p.SelectionId}/objection", Objection(p.Winner2), $"/gongshi/{p.SelectionId}/objection");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("不在公示期内", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // After the period but with the objection unhandled: refused.
        var unhandled = await Assert.ThrowsAsync<DomainException>(() => AsAsync<AnnouncementService, CommandResult>(factory, Organiser, s => s.FinaliseAsync(p.SelectionId, default)));
        Assert.Contains("1 条异议尚未处理", unhandled.Message, StringComparison.Ordinal);

        // The organiser upholds it: 甲 is taken off the final lists.
        var handled = await AsAsync<ObjectionService, CommandResult>(factory, Organiser, s => s.HandleAsync(p.SelectionId, reference.Id,
            new HandlingInput { Outcome = ObjectionOutcome.Upheld, Handling = "经核实，反映情况属实。" }, default));
        Assert.True(handled.Succeeded);
        Assert.True((await AsAsync<AnnouncementService, CommandResult>(factory, Organiser, s => s.FinaliseAsync(p.SelectionId, default))).Succeeded);
        Assert.True((await AsAsync<AnnouncementService, CommandResult>(factory, Organiser, s => s.PublishResultAsync(p.SelectionId, default))).Succeeded);

        var winners = await factory.WithDbAsync(db => db.Nominations.Where(n => n.SelectionId == p.SelectionId && n.IsWinner).Select(n => n.Id).ToListAsync());
        Assert.Equal([p.Winner2], winners);
        var result = await visitor.GetStringAsync($"/selection-results/{p.SelectionId}");
        Assert.DoesNotContain("甲终", result, StringComparison.Ordinal);
        Assert.Contains("乙终", result, StringComparison.Ordinal);
        Assert.Contains("丙终", result, StringComparison.Ordinal);

        // Every step is in the audit trail.
        var actions = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Selection) && a.EntityId == p.SelectionId.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Superset(new HashSet<AuditAction> { AuditAction.AnnouncementPublished, AuditAction.ObjectionReceived, AuditAction.ObjectionHandled, AuditAction.SelectionFinalised, AuditAction.SelectionResultPublished },
            actions.ToHashSet());
    }

    [Fact]
    public async Task ObjectionForm_ValidationMessages_AntiforgeryRequired_FileTypeAndSizeChecked()
    {
        var p = await ProposedSelectionAsync(factory, Today, "表单评选");
        Assert.True((await PublishAsync(factory, p.SelectionId, Today)).Succeeded);
        using var visitor = factory.CreatePortalClient();
        var form = $"/gongshi/{p.SelectionId}/objection";

        var empty = await visitor.PostFormAsync(form, new Dictionary<string, string>(), form);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var html = await empty.Content.ReadAsStringAsync();
        foreach (var message in new[] { "请填写您的真实姓名。", "请填写您的工作单位。", "请填写联系电话。", "请填写异议的事实和理由。", "请选择异议针对的人选" })
        {
            Assert.Contains(message, html, StringComparison.Ordinal);
        }

        var badPhone = await visitor.PostFormAsync(form, new Dictionary<string, string>(Objection(0)) { ["Phone"] = "12345" }, form);
        Assert.Contains("请填写正确的手机号码或固定电话", await badPhone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var tooLong = await visitor.PostFormAsync(form, Objection(0, new string('字', 2001)), form);
        Assert.Contains("不能超过 2000 个字", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var foreignCandidate = await visitor.PostFormAsync(form, Objection(999_999), form);
        Assert.Contains("请从公示名单中选择", await foreignCandidate.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, (await visitor.PostFormWithoutTokenAsync(form, Objection(0))).StatusCode);

        // Not a PDF inside, an executable, and a PDF over 10 MB: refused with the reason, nothing saved.
        var fake = await visitor.PostFileAsync(form, form, "证明.pdf", "MZ not a pdf"u8.ToArray(), Objection(p.Winner1));
        Assert.Contains("内容不是PDF 文档", await fake.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var exe = await visitor.PostFileAsync(form, form, "证明.exe", "MZ"u8.ToArray(), Objection(p.Winner1));
        Assert.Contains("不支持“证明.exe”这种文件", await exe.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var big = new byte[(10 * 1024 * 1024) + 10];
        "%PDF-1.7"u8.CopyTo(big);
        var tooBig = await visitor.PostFileAsync(form, form, "证明.pdf", big, Objection(p.Winner1));
        Assert.Contains("大小上限 10 MB", await tooBig.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await ObjectionCountAsync(factory, p.SelectionId));

        // A real PDF is kept with the objection, against the result as a whole.
        var ok = await visitor.PostFileAsync(form, form, "证明.pdf", "%PDF-1.4\n%test\n"u8.ToArray(), Objection(0));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Objections.AnyAsync(o => o.NominationId == null && o.FileId != null && o.Name == "李四")));

        // Against the whole result, "upheld" (remove the candidate) is refused next to the field.
        var id = await factory.WithDbAsync(db => db.Objections.Where(o => o.NominationId == null && o.FileId != null).Select(o => o.Id).OrderByDescending(o => o).FirstAsync());
        using var organiser = await factory.SignedInAsync(Organiser);
        var upheld = await organiser.PostFormAsync($"/selections/{p.SelectionId}/objections/{id}", new Dictionary<string, string> { ["Outcome"] = "Upheld", ["Handling"] = "属实" });
        Assert.Equal(HttpStatusCode.OK, upheld.StatusCode);
        Assert.Contains("不能选择“成立并取消该候选人”", await upheld.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var noText = await organiser.PostFormAsync($"/selections/{p.SelectionId}/objections/{id}", new Dictionary<string, string> { ["Outcome"] = "Other" });
        Assert.Contains("请填写核实情况与处理结果。", await noText.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ObjectorsPersonalData_OnlyForTheSelectionsOrganiser()
    {
        var p = await ProposedSelectionAsync(factory, Today, "保密评选");
        Assert.True((await PublishAsync(factory, p.SelectionId, Today)).Succeeded);
        using var visitor = factory.CreatePortalClient();
        var form = $"/gongshi/{p.SelectionId}/objection";
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.PostFileAsync(form, form, "证明.png", TestImages.Png(), Objection(p.Forward))).StatusCode);
        var id = await factory.WithDbAsync(db => db.Objections.Where(o => o.NominationId == p.Forward).Select(o => o.Id).SingleAsync());
        var detail = $"/selections/{p.SelectionId}/objections/{id}";

        using (var organiser = await factory.SignedInAsync(Organiser))
        {
            var page = await organiser.GetStringAsync(detail);
            Assert.Contains("13912345678", page, StringComparison.Ordinal);
            var file = await organiser.GetAsync(detail + "/file");
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("image/png", file.Content.Headers.ContentType!.MediaType);
        }

        // Another organisation's organiser: 404 on the page, the file and the list; the public pages show nothing of it.
        await factory.CreateUserAsync("sx.organiser.gs@test.local", "陕西省科学技术协会", ["Organiser"]);
        using (var foreign = await factory.SignedInAsync("sx.organiser.gs@test.local"))
        {
            foreach (var path in new[] { detail, detail + "/file", $"/selections/{p.SelectionId}/announcement" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync(path)).StatusCode);
            }
        }

        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync(detail)).StatusCode); // to sign-in
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync(detail + "/file")).StatusCode);
        var publicPage = await visitor.GetStringAsync($"/gongshi/{p.SelectionId}");
        Assert.DoesNotContain("13912345678", publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain("李四", publicPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/gongshi/999999")).StatusCode);

        // The audit trail names the reference, not the objector.
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Detail != null && (a.Detail.Contains("李四") || a.Detail.Contains("13912345678")))));
    }
}
