using CampaignPortal.IntegrationTests.Reports;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Features.Selections;
using CampaignPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CampaignPortal.IntegrationTests.Selections.SelectionSteps;

namespace CampaignPortal.IntegrationTests.Selections;

/// <summary>Nomination quota and window, expert scoping, due dates, secrecy, missing votes and the audit trail (fake clock).</summary>
public sealed class SelectionServiceTests(ClockedPortalFactory factory) : IClassFixture<ClockedPortalFactory>
{
    private const string Hami = "hami.filer@demo.local";
    private const string Expert1 = "expert1@demo.local";
    private const string Expert2 = "expert2@demo.local";

    private DateOnly Today => ChinaTime.Today(factory.Clock);

    [Fact]
    public async Task Nominate_WithinQuotaAndWindow_Accepted_BeyondQuotaOrOutsideWindow_Refused()
    {
        var selection = await CreateSelectionAsync(factory, Today, quota: 2);
        var group = (await GroupIdsAsync(factory, selection))[0];
        var first = await NominateAsync(factory, Hami, selection, "阿依古丽", group);
        await NominateAsync(factory, Hami, selection, "王建国", group);

        // The quota is used up: a third is refused with a message, but may be kept as a draft.
        var third = await AsAsync<NominationService, CommandResult>(factory, Hami, s => s.SaveAsync(selection, null, Candidate("李明", group), true, default));
        Assert.Contains(third.Errors, e => e.Value.Contains("推荐名额为 2 名", StringComparison.Ordinal));
        var draft = await NominateAsync(factory, Hami, selection, "李明", group, submit: false);

        // Withdrawing one frees its place.
        Assert.True((await AsAsync<NominationService, CommandResult>(factory, Hami, s => s.WithdrawAsync(first, default))).Succeeded);
        Assert.True((await AsAsync<NominationService, CommandResult>(factory, Hami, s => s.SaveAsync(selection, draft, Candidate("李明", group), true, default))).Succeeded);

        // A unit that does not take part in the campaign cannot see the selection (404).
        await factory.CreateUserAsync("sx.filer.sel@test.local", organisation: "陕西省科学技术协会");
        Assert.False((await AsAsync<NominationService, CommandResult>(factory, "sx.filer.sel@test.local", s => s.SaveAsync(selection, null, Candidate("张三", group), true, default))).Found);

        // After the last day (China time), nothing more: neither nominating nor withdrawing.
        // (The fake clock only moves forward: every test works from its own "today".)
        factory.Clock.SetUtcNow(ChinaTime.EndOfDayUtc(Today.AddDays(7)).AddMinutes(1));
        await Assert.ThrowsAsync<DomainException>(() => AsAsync<NominationService, CommandResult>(factory, Hami, s => s.SaveAsync(selection, null, Candidate("赵六", group), false, default)));
        await Assert.ThrowsAsync<DomainException>(() => AsAsync<NominationService, CommandResult>(factory, Hami, s => s.WithdrawAsync(draft, default)));

        Assert.Equal(2, await factory.WithDbAsync(db => db.Nominations.CountAsync(n => n.SelectionId == selection && n.Status == NominationStatus.Submitted)));
    }

    [Fact]
    public async Task Experts_SeeOnlyTheirSelectionAndGroup_VotesSecretUntilEnd_LateVotesRefused_MissingVotesNeedAReason_AllAudited()
    {
        var selection = await CreateSelectionAsync(factory, Today, quota: 5, title: "专家测试评选");
        var groups = await GroupIdsAsync(factory, selection);
        var a = await NominateAsync(factory, Hami, selection, "甲", groups[0]);
        var b = await NominateAsync(factory, Hami, selection, "乙", groups[0]);
        var c = await NominateAsync(factory, Hami, selection, "丙", groups[1]);
        foreach (var id in new[] { a, b, c })
        {
            await PassAsync(factory, selection, id);
        }

        var e1 = await ExpertIdAsync(factory, selection, Expert1, groups[0]); // agriculture only
        var e2 = await ExpertIdAsync(factory, selection, Expert2);
        var round = await OpenVoteRoundAsync(factory, selection, Today.AddDays(3), new CutOff(CutOffRule.Top, 1), e1, e2);

        // An expert of another selection, and an expert of this one for a candidate of another group: 404.
        var other = await CreateSelectionAsync(factory, Today, title: "另一个评选");
        await factory.CreateUserAsync("expert3.sel@test.local", organisation: "新疆大学科学技术协会", roles: []);
        await ExpertIdAsync(factory, other, "expert3.sel@test.local");
        Assert.Null(await AsAsync<VotingService, BallotViewModel?>(factory, "expert3.sel@test.local", s => s.BallotAsync(round, default)));
        Assert.False((await VoteAsync(factory, "expert3.sel@test.local", round, new() { [a] = true })).Found);
        Assert.False((await VoteAsync(factory, Expert1, round, new() { [c] = true })).Found);
        var ballot = await AsAsync<VotingService, BallotViewModel?>(factory, Expert1, s => s.BallotAsync(round, default));
        Assert.Equal(["乙", "甲"], ballot!.Candidates.Select(x => x.Name).Order(StringComparer.Ordinal));

        // Votes; a change before the due date is allowed and counted.
        Assert.True((await VoteAsync(factory, Expert1, round, new() { [a] = false, [b] = true })).Succeeded);
        Assert.True((await VoteAsync(factory, Expert1, round, new() { [a] = true })).Succeeded);
        Assert.True((await VoteAsync(factory, Expert2, round, new() { [a] = true, [b] = true })).Succeeded);

        // Secret before the end: another expert's ballot shows only their own votes; no counts anywhere.
        var mine = await AsAsync<VotingService, BallotViewModel?>(factory, Expert2, s => s.BallotAsync(round, default));
        Assert.Equal(2, mine!.Votes.Count);
        Assert.All(await factory.WithDbAsync(db => db.RoundCandidates.Where(x => x.RoundId == round).ToListAsync()), x => Assert.Null(x.Yes));
        var progress = await AsAsync<RoundService, IReadOnlyList<PanellistProgress>>(factory, Organiser, async s => await s.ProgressAsync((await s.OwnAsync(round, default))!, default));
        Assert.Equal([(2, 2), (3, 2)], progress.Select(p => (p.Expected, p.Voted)).Order());

        // After the due date (end of that day, China time): refused.
        factory.Clock.SetUtcNow(ChinaTime.EndOfDayUtc(Today.AddDays(3)).AddMinutes(1));
        await Assert.ThrowsAsync<DomainException>(() => VoteAsync(factory, Expert2, round, new() { [c] = false }));

        // 丙 has no vote from expert2: ending needs a reason, which is kept.
        var refused = await AsAsync<RoundService, CommandResult>(factory, Organiser, s => s.EndVotingAsync(round, null, default));
        Assert.Contains(refused.Errors, e => e.Key == "reason");
        Assert.True((await AsAsync<RoundService, CommandResult>(factory, Organiser, s => s.EndVotingAsync(round, "孙海专家因出差未对丙投票", default))).Succeeded);

        // 甲 and 乙 tie at 2 yes votes for one place: the organiser decides.
        var closed = await factory.WithDbAsync(db => db.SelectionRounds.Include(r => r.Candidates).SingleAsync(r => r.Id == round));
        Assert.Equal(RoundStatus.TiesPending, closed.Status);
        Assert.Equal("孙海专家因出差未对丙投票", closed.MissingVotesReason);
        Assert.False((await AsAsync<RoundService, CommandResult>(factory, Expert1, s => s.ResolveTiesAsync(round, new HashSet<int> { b }, false, default))).Found);
        await Assert.ThrowsAsync<DomainException>(() => AsAsync<RoundService, CommandResult>(factory, Organiser, s => s.ResolveTiesAsync(round, new HashSet<int> { a, b }, false, default)));
        Assert.True((await AsAsync<RoundService, CommandResult>(factory, Organiser, s => s.ResolveTiesAsync(round, new HashSet<int> { b }, false, default))).Succeeded);
        var advancing = await factory.WithDbAsync(db => db.RoundCandidates.Where(x => x.RoundId == round && x.Advances).Select(x => x.NominationId).ToListAsync());
        Assert.Equal([b], advancing);

        // Every vote, change and close is in the audit trail; no vote's value is.
        var trail = await factory.WithDbAsync(db => db.AuditEntries.Where(x => x.EntityType == nameof(SelectionRound) && x.EntityId == round.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(x => new { x.Action, x.Detail, x.ActorName }).ToListAsync());
        Assert.Equal(4, trail.Count(x => x.Action == AuditAction.VoteCast));
        Assert.Single(trail, x => x.Action == AuditAction.VoteChanged && x.ActorName == Expert1);
        Assert.Equal(2, trail.Count(x => x.Action == AuditAction.RoundClosed));
        Assert.Contains(trail, x => x.Action == AuditAction.RoundClosed && x.Detail!.Contains("出差", StringComparison.Ordinal));
        Assert.DoesNotContain(trail, x => x.Detail!.Contains("赞成", StringComparison.Ordinal));
    }
}
