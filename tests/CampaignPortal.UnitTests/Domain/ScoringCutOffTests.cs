using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Features.Selections;

namespace CampaignPortal.UnitTests.Domain;

/// <summary>Weighted scores, dropping extremes, mean ranks, and the cut-off on scores and ranks (issue 16).</summary>
public sealed class ScoringCutOffTests
{
    private static List<Tally> Tallies(int group, params int[] values) =>
        [.. values.Select((v, i) => new Tally((group * 1000) + i + 1, group, v))];

    [Fact]
    public void ExpertScore_IsTheWeightedMean()
    {
        // 创新性 40 × 8, 贡献 40 × 9, 社会影响 20 × 5 → (320 + 360 + 100) / 100 = 7.8.
        Assert.Equal(7.8m, ScoreMath.ExpertScore([(40, 8), (40, 9), (20, 5)]));

        // Weights need not add up to 100: 1 × 10 and 3 × 6 → 28 / 4 = 7.
        Assert.Equal(7m, ScoreMath.ExpertScore([(1, 10), (3, 6)]));
        Assert.Null(ScoreMath.ExpertScore([]));
    }

    [Fact]
    public void CandidateScore_WithoutDropping_IsThePlainMeanOfTheExpertsWhoScored()
    {
        Assert.Equal(7.6m, ScoreMath.CandidateScore([7.8m, 9m, 6m], dropExtremes: false));
        Assert.Equal(6.8m, ScoreMath.CandidateScore([10m, 8m, 8m, 7m, 1m], dropExtremes: false));
        Assert.Null(ScoreMath.CandidateScore([], dropExtremes: true));
    }

    [Fact]
    public void CandidateScore_DroppingExtremes_FiveOrMoreScorers_DropsOneHighestAndOneLowest()
    {
        // 10 and 1 go; (8 + 8 + 7) / 3 = 7.666… → 7.67.
        var score = ScoreMath.CandidateScore([10m, 8m, 8m, 7m, 1m], dropExtremes: true);
        Assert.Equal(767, ScoreMath.ToHundredths(score));

        // Only one of two equal highest goes: 9, 9, 9, 5, 5, 5 → 9, 9, 5, 5 → 7.
        Assert.Equal(7m, ScoreMath.CandidateScore([9m, 9m, 9m, 5m, 5m, 5m], dropExtremes: true));
    }

    [Fact]
    public void CandidateScore_DroppingExtremes_FewerThanFiveScorers_KeepsEveryScore()
    {
        Assert.Equal(6.5m, ScoreMath.CandidateScore([10m, 8m, 7m, 1m], dropExtremes: true));
    }

    [Theory]
    [InlineData("8.125", 813)] // half up
    [InlineData("8.3333333", 833)]
    [InlineData("8.335", 834)]
    [InlineData("10", 1000)]
    public void ToHundredths_RoundsHalfUp(string value, int expected) =>
        Assert.Equal(expected, ScoreMath.ToHundredths(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Format_ShowsTwoDecimals() => Assert.Equal(["7.67", "10.00", "—"], [ScoreMath.Format(767), ScoreMath.Format(1000), ScoreMath.Format((int?)null)]);

    [Fact]
    public void MeanRank_CombinesExpertsRanks_LowerIsBetter()
    {
        // Three experts rank three candidates: A 1,1,2 → 1.33; B 2,3,1 → 2; C 3,2,3 → 2.67.
        var a = ScoreMath.ToHundredths(ScoreMath.MeanRank([1, 1, 2]))!.Value;
        var b = ScoreMath.ToHundredths(ScoreMath.MeanRank([2, 3, 1]))!.Value;
        var c = ScoreMath.ToHundredths(ScoreMath.MeanRank([3, 2, 3]))!.Value;
        Assert.Equal((133, 200, 267), (a, b, c));
        Assert.Null(ScoreMath.MeanRank([]));

        var outcome = new CutOff(CutOffRule.Top, 1, Measure: CutOffMeasure.MeanRank).Compute([new Tally(1, 1, a), new Tally(2, 1, b), new Tally(3, 1, c)]);
        Assert.Equal([1], outcome.Advancing);
        Assert.Empty(outcome.Ties);
    }

    [Fact]
    public void MeanRank_WithFullRankings_OrdersAsABordaCount()
    {
        // Four experts rank the same five candidates; Borda gives n − rank points.
        int[][] rankings = [[1, 2, 3, 4, 5], [2, 1, 4, 3, 5], [3, 1, 2, 5, 4], [1, 3, 2, 5, 4]];
        var byMeanRank = Enumerable.Range(0, 5).OrderBy(c => ScoreMath.MeanRank([.. rankings.Select(r => r[c])])).ToList();
        var byBorda = Enumerable.Range(0, 5).OrderByDescending(c => rankings.Sum(r => 5 - r[c])).ToList();
        Assert.Equal(byBorda, byMeanRank);
    }

    [Fact]
    public void Top_OnMeanRanks_TieAtTheLine_ReportedWithItsMeanRank()
    {
        // 1.33, 2.00, 2.00, 3.00: two places; 2.00 is level for the last one.
        var outcome = new CutOff(CutOffRule.Top, 2, Measure: CutOffMeasure.MeanRank).Compute(Tallies(1, 133, 200, 200, 300));

        Assert.Equal([1001], outcome.Advancing);
        var tie = Assert.Single(outcome.Ties);
        Assert.Equal((200, 1), (tie.Yes, tie.Slots));
        Assert.Equal([1002, 1003], tie.NominationIds.Order());
        Assert.Equal("平均名次 2.00", new CutOff(CutOffRule.Top, 2, Measure: CutOffMeasure.MeanRank).LineText(tie.Yes));
    }

    [Fact]
    public void FractionPerGroup_OnMeanRanks_TakesTheLowestMeanRanks()
    {
        // Five in the group → 2/5 → 2 places: mean ranks 1.50 and 2.00 go, not 4.00.
        var outcome = new CutOff(CutOffRule.FractionPerGroup, 0, 2, 5, CutOffMeasure.MeanRank).Compute(Tallies(1, 400, 150, 300, 200, 500));
        Assert.Equal([1002, 1004], outcome.Advancing.Order());
    }

    [Fact]
    public void Top_OnScores_TieAtTheLine_LeftToTheOrganiser()
    {
        // 8.50, 8.33, 8.33, 7.00: two places; 8.33 is level for the second.
        var cutOff = new CutOff(CutOffRule.Top, 2, Measure: CutOffMeasure.Score);
        var outcome = cutOff.Compute(Tallies(1, 850, 833, 833, 700));

        Assert.Equal([1001], outcome.Advancing);
        var tie = Assert.Single(outcome.Ties);
        Assert.Equal((833, 1), (tie.Yes, tie.Slots));
        Assert.Equal("8.33 分", cutOff.LineText(tie.Yes));
        Assert.Equal("按得分取前 2 名", cutOff.Describe());
    }

    [Fact]
    public void MinimumScore_ScoreAtTheThresholdAdvances_BelowDoesNot()
    {
        var cutOff = new CutOff(CutOffRule.MinimumScore, 750, Measure: CutOffMeasure.Score);
        var outcome = cutOff.Compute(Tallies(1, 750, 749, 800, 0));

        Assert.Equal([1001, 1003], outcome.Advancing.Order());
        Assert.Equal("得分不低于 7.50 分", cutOff.Describe());
    }

    [Fact]
    public void MinimumScore_ManyLevelAtTheThreshold_AllAdvance_NoTie()
    {
        // A threshold has no number of places: everyone level with it is in.
        var outcome = new CutOff(CutOffRule.MinimumScore, 700, Measure: CutOffMeasure.Score).Compute(Tallies(1, 700, 700, 700, 699));

        Assert.Equal([1001, 1002, 1003], outcome.Advancing.Order());
        Assert.Empty(outcome.Ties);
    }

    [Theory]
    [InlineData("7.5", 750)]
    [InlineData("７.５", 750)] // full width
    [InlineData("10", 1000)]
    [InlineData("7.555", null)]
    [InlineData("abc", null)]
    [InlineData("", null)]
    public void ParseHundredths_AcceptsUpToTwoDecimals(string text, int? expected) => Assert.Equal(expected, ScoreMath.ParseHundredths(text));

    [Fact]
    public void ScoringRound_WeightZeroOrNoCriteria_Refused()
    {
        var cutOff = new CutOff(CutOffRule.Top, 1, Measure: CutOffMeasure.Score);
        Assert.Throws<DomainException>(() => SelectionRound.ScoringRound(1, 1, "初评", RoundKind.Scoring, false, DateTimeOffset.UtcNow, cutOff, false, [("创新性", 0)], [(1, 1)], [1], DateTimeOffset.UtcNow));
        Assert.Throws<DomainException>(() => SelectionRound.ScoringRound(1, 1, "初评", RoundKind.Scoring, false, DateTimeOffset.UtcNow, cutOff, false, [], [(1, 1)], [1], DateTimeOffset.UtcNow));
        Assert.Throws<DomainException>(() => SelectionRound.ScoringRound(1, 1, "初评", RoundKind.Ranking, false, DateTimeOffset.UtcNow,
            new CutOff(CutOffRule.MinimumScore, 700), false, [], [(1, 1)], [1], DateTimeOffset.UtcNow));
    }

    [Fact]
    public void ScoringRound_EndScoring_TieAtTheLineWaits_ThenTheOrganiserDecides()
    {
        var now = DateTimeOffset.UtcNow;
        var round = SelectionRound.ScoringRound(1, 1, "初评", RoundKind.Scoring, false, now.AddDays(1), new CutOff(CutOffRule.Top, 1, Measure: CutOffMeasure.Score), false,
            [("创新性", 40)], [(10, 1), (11, 1), (12, 1)], [1], now);

        round.EndScoring(new Dictionary<int, int?> { [10] = 833, [11] = 833, [12] = null }, 0, null, now);

        Assert.Equal(RoundStatus.TiesPending, round.Status);
        var ex = Assert.Throws<DomainException>(() => round.ResolveTies(new HashSet<int> { 10, 11 }, false, now));
        Assert.Contains("以 8.33 分并列", ex.Message, StringComparison.Ordinal);
        round.ResolveTies(new HashSet<int> { 11 }, false, now);
        Assert.Equal([11], round.Candidates.Where(c => c.Advances).Select(c => c.NominationId));
        Assert.Equal(RoundStatus.Closed, round.Status);
    }

    [Fact]
    public void ScoreSheet_ScoresOutsideOneToTen_OrPartlyFilled_GetMessagesPerField()
    {
        var form = new Dictionary<string, string> { ["score-1-7"] = "11", ["score-1-8"] = "5", ["score-2-7"] = "8", ["score-3-7"] = "abc", ["score-3-8"] = "6" };

        var (marks, errors) = ScoreSheetRules.Scores([1, 2, 3, 4], [7, 8], form);

        Assert.Equal(["score-1-7", "score-2-8", "score-3-7"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.All(errors, e => Assert.Matches("分|打分", e.Value));
        Assert.DoesNotContain(marks, m => m.NominationId == 4); // left blank: not scored yet
    }

    [Fact]
    public void RankSheet_RanksMustBeOneToNOnceEach()
    {
        var (_, errors) = ScoreSheetRules.Ranks([1, 2, 3], new Dictionary<string, string> { ["rank-1"] = "1", ["rank-2"] = "1", ["rank-3"] = "4" });
        Assert.Equal(["rank-1", "rank-2", "rank-3"], errors.Select(e => e.Key).Distinct().Order(StringComparer.Ordinal));

        var (marks, none) = ScoreSheetRules.Ranks([1, 2, 3], new Dictionary<string, string> { ["rank-1"] = "2", ["rank-2"] = "3", ["rank-3"] = "1" });
        Assert.Empty(none);
        Assert.Equal([2, 3, 1], marks.Select(m => m.Value));
    }
}
