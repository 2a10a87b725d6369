using CampaignPortal.Web.Domain;

namespace CampaignPortal.UnitTests.Domain;

public sealed class CutOffTests
{
    private static List<Tally> Tallies(int group, params int[] yes) =>
        [.. yes.Select((y, i) => new Tally((group * 1000) + i + 1, group, y))];

    [Theory]
    [InlineData(26, 10)] // 10.4 → 10
    [InlineData(24, 10)] // 9.6 → 10
    [InlineData(25, 10)] // 10.0
    [InlineData(5, 2)]
    [InlineData(3, 1)] // 1.2 → 1
    [InlineData(4, 2)] // 1.6 → 2
    [InlineData(0, 0)]
    public void RoundHalfUp_TwoFifths(int size, int expected) => Assert.Equal(expected, CutOff.RoundHalfUp(size, 2, 5));

    [Theory]
    [InlineData(5, 1, 2, 3)] // 2.5 → 3: exactly half rounds up
    [InlineData(7, 1, 2, 4)] // 3.5 → 4
    [InlineData(3, 1, 2, 2)] // 1.5 → 2
    public void RoundHalfUp_ExactHalf_RoundsUp(int size, int numerator, int denominator, int expected) =>
        Assert.Equal(expected, CutOff.RoundHalfUp(size, numerator, denominator));

    [Fact]
    public void FractionPerGroup_SeedsFiveGroupsOf129_Gives52()
    {
        // 129 candidates in five groups: 29·⅖ = 11.6 → 12, 27 → 10.8 → 11, 26 → 10.4 → 10, 24 → 9.6 → 10, 23 → 9.2 → 9.
        var sizes = new[] { 29, 27, 26, 24, 23 };
        var tallies = sizes.SelectMany((size, g) => Tallies(g + 1, [.. Enumerable.Range(0, size).Select(i => 100 - i)])).ToList();
        Assert.Equal(129, tallies.Count);

        var outcome = new CutOff(CutOffRule.FractionPerGroup, 0, 2, 5).Compute(tallies);

        Assert.Empty(outcome.Ties);
        Assert.Equal(52, outcome.Advancing.Count);
        Assert.Equal([12, 11, 10, 10, 9], sizes.Select((_, g) => outcome.Advancing.Count(id => id / 1000 == g + 1)));
    }

    [Fact]
    public void FractionPerGroup_TieAtTheLineInOneGroup_ReportedForThatGroupOnly()
    {
        // Group 1: 5 candidates → 2 places; votes 5, 3, 3, 1, 0: one place left for two at 3 votes.
        // Group 2: 4 candidates → 1.6 → 2 places; votes 4, 2, 1, 1: no tie.
        var tallies = Tallies(1, 5, 3, 3, 1, 0).Concat(Tallies(2, 4, 2, 1, 1)).ToList();

        var outcome = new CutOff(CutOffRule.FractionPerGroup, 0, 2, 5).Compute(tallies);

        Assert.Equal(new HashSet<int> { 1001, 2001, 2002 }, outcome.Advancing);
        var tie = Assert.Single(outcome.Ties);
        Assert.Equal(1, tie.GroupId);
        Assert.Equal(3, tie.Yes);
        Assert.Equal(1, tie.Slots);
        Assert.Equal([1002, 1003], tie.NominationIds);
    }

    [Fact]
    public void Top_NoTie_TakesTheBestN()
    {
        var outcome = new CutOff(CutOffRule.Top, 3).Compute(Tallies(1, 1, 9, 4, 7, 2));

        Assert.Equal(new HashSet<int> { 1002, 1003, 1004 }, outcome.Advancing);
        Assert.Empty(outcome.Ties);
    }

    [Fact]
    public void Top_TieAtTheCutOff_LeavesTheTiedToTheOrganiser()
    {
        // Top 3 of 9, 7, 4, 4, 4, 1: two are certain, three tie at 4 votes for the last place.
        var outcome = new CutOff(CutOffRule.Top, 3).Compute(Tallies(1, 9, 7, 4, 4, 4, 1));

        Assert.Equal(new HashSet<int> { 1001, 1002 }, outcome.Advancing);
        var tie = Assert.Single(outcome.Ties);
        Assert.Null(tie.GroupId);
        Assert.Equal(1, tie.Slots);
        Assert.Equal([1003, 1004, 1005], tie.NominationIds);
    }

    [Fact]
    public void Top_TieAboveTheCutOffOnly_IsNoTie()
    {
        // 9, 7, 7, 4: the two at 7 both fit into 3 places.
        var outcome = new CutOff(CutOffRule.Top, 3).Compute(Tallies(1, 9, 7, 7, 4));

        Assert.Equal(new HashSet<int> { 1001, 1002, 1003 }, outcome.Advancing);
        Assert.Empty(outcome.Ties);
    }

    [Fact]
    public void Top_MorePlacesThanCandidates_AllAdvance()
    {
        var outcome = new CutOff(CutOffRule.Top, 10).Compute(Tallies(1, 0, 0, 1));

        Assert.Equal(3, outcome.Advancing.Count);
        Assert.Empty(outcome.Ties);
    }

    [Fact]
    public void MinimumYes_EveryoneAtOrAboveN_NeverATie()
    {
        var outcome = new CutOff(CutOffRule.MinimumYes, 2).Compute(Tallies(1, 2, 1, 3, 2, 0));

        Assert.Equal(new HashSet<int> { 1001, 1003, 1004 }, outcome.Advancing);
        Assert.Empty(outcome.Ties);
    }

    [Fact]
    public void EndVoting_TieAtTheLine_WaitsForTheOrganiser_WhoMustPickTheRightNumber()
    {
        var round = SelectionRound.VoteRound(1, 1, "初评", false, DateTimeOffset.UnixEpoch.AddDays(1), new CutOff(CutOffRule.Top, 2), [(1, 1), (2, 1), (3, 1)], [7], DateTimeOffset.UnixEpoch);
        var yes = new Dictionary<int, int> { [1] = 2, [2] = 1, [3] = 1 };
        Assert.Throws<DomainException>(() => round.Outcome()); // secret while open

        Assert.Throws<DomainException>(() => round.EndVoting(yes, 1, " ", DateTimeOffset.UnixEpoch));
        round.EndVoting(yes, 0, null, DateTimeOffset.UnixEpoch);

        Assert.Equal(RoundStatus.TiesPending, round.Status);
        Assert.Throws<DomainException>(() => round.ResolveTies(new HashSet<int>(), false, DateTimeOffset.UnixEpoch));
        Assert.Throws<DomainException>(() => round.ResolveTies(new HashSet<int> { 2, 3 }, false, DateTimeOffset.UnixEpoch));
        round.ResolveTies(new HashSet<int> { 3 }, false, DateTimeOffset.UnixEpoch);

        Assert.Equal([1, 3], round.Candidates.Where(c => c.Advances).Select(c => c.NominationId));
        Assert.Equal([2, 3], round.Candidates.Where(c => c.WasTied).Select(c => c.NominationId));
        Assert.Equal(RoundStatus.Closed, round.Status);
    }

    [Fact]
    public void EndVoting_MissingVotes_NeedAReason_WhichIsKept()
    {
        var round = SelectionRound.VoteRound(1, 1, "初评", false, DateTimeOffset.UnixEpoch.AddDays(1), new CutOff(CutOffRule.MinimumYes, 1), [(1, 1), (2, 1)], [7], DateTimeOffset.UnixEpoch);
        var yes = new Dictionary<int, int> { [1] = 1 };

        Assert.Throws<DomainException>(() => round.EndVoting(yes, 1, null, DateTimeOffset.UnixEpoch));
        round.EndVoting(yes, 1, "一位专家因病未能投票", DateTimeOffset.UnixEpoch);

        Assert.Equal(RoundStatus.Closed, round.Status);
        Assert.Equal("一位专家因病未能投票", round.MissingVotesReason);
        Assert.Equal([1], round.Candidates.Where(c => c.Advances).Select(c => c.NominationId));
    }
}
