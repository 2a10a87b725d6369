namespace CampaignPortal.Web.Domain;

/// <summary>How a vote round decides who advances (晋级规则).</summary>
public enum CutOffRule
{
    /// <summary>The N candidates with the most yes votes (按票数取前 N 名).</summary>
    Top,

    /// <summary>In each discipline group, the fraction Numerator/Denominator of its candidates, rounded half up (各学科组按比例推荐).</summary>
    FractionPerGroup,

    /// <summary>Every candidate with at least N yes votes (赞成票不少于 N 票).</summary>
    MinimumYes,

    /// <summary>Scoring rounds: every candidate whose score is at least Count/100 (得分不低于 X 分); nobody ties at this line.</summary>
    MinimumScore,
}

/// <summary>
/// A candidate's count in a closed round. <see cref="Yes"/> is the round's measure: yes votes, or (scoring) the score in
/// hundredths, or (ranking) the mean rank in hundredths, where lower is better (see <see cref="CutOffMeasure"/>).
/// </summary>
public sealed record Tally(int NominationId, int GroupId, int Yes);

/// <summary>Candidates tied at the cut-off line: <see cref="Slots"/> of them may advance, the organiser decides which.</summary>
public sealed record Tie(int? GroupId, int Yes, int Slots, IReadOnlyList<int> NominationIds);

/// <summary>Who advances for certain, and the ties the organiser must resolve.</summary>
public sealed record CutOffOutcome(IReadOnlySet<int> Advancing, IReadOnlyList<Tie> Ties);

/// <summary>The rule with its numbers; <see cref="Compute"/> is pure, so every rule is unit-tested.</summary>
public sealed record CutOff(CutOffRule Rule, int Count, int Numerator = 0, int Denominator = 1, CutOffMeasure Measure = CutOffMeasure.YesVotes)
{
    public string Describe() => Rule switch
    {
        CutOffRule.Top => $"按{MeasureName}取前 {Count} 名",
        CutOffRule.FractionPerGroup => $"各学科组按 {Numerator}/{Denominator} 的比例推荐（四舍五入）",
        CutOffRule.MinimumScore => $"得分不低于 {ScoreMath.Format(Count)} 分",
        _ => $"赞成票不少于 {Count} 票",
    };

    /// <summary>The value at a tie's line, in words: "3 票", "8.25 分", "平均名次 1.50".</summary>
    public string LineText(int value) => Measure switch
    {
        CutOffMeasure.Score => $"{ScoreMath.Format(value)} 分",
        CutOffMeasure.MeanRank => $"平均名次 {ScoreMath.Format(value)}",
        _ => $"{value} 票",
    };

    private string MeasureName => Measure switch
    {
        CutOffMeasure.Score => "得分",
        CutOffMeasure.MeanRank => "平均名次",
        _ => "赞成票数",
    };

    /// <summary>How many of <paramref name="size"/> candidates a fraction lets through, rounded half up: 26 × 2/5 = 10.4 → 10, 24 × 2/5 = 9.6 → 10.</summary>
    public static int RoundHalfUp(int size, int numerator, int denominator)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator);

        // Integer arithmetic: floor((2·size·num + den) / (2·den)) is size·num/den rounded half up, without a float in sight.
        return (int)(((2L * size * numerator) + denominator) / (2L * denominator));
    }

    public CutOffOutcome Compute(IReadOnlyCollection<Tally> tallies)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        var advancing = new HashSet<int>();
        var ties = new List<Tie>();
        switch (Rule)
        {
            case CutOffRule.MinimumYes:
            case CutOffRule.MinimumScore:
                advancing.UnionWith(tallies.Where(t => t.Yes >= Count).Select(t => t.NominationId));
                break;
            case CutOffRule.Top:
                Take(Oriented([.. tallies]), Count, null, advancing, ties);
                break;
            case CutOffRule.FractionPerGroup:
                foreach (var group in Oriented([.. tallies]).GroupBy(t => t.GroupId).OrderBy(g => g.Key))
                {
                    Take([.. group], RoundHalfUp(group.Count(), Numerator, Denominator), group.Key, advancing, ties);
                }

                break;
        }

        return new CutOffOutcome(advancing, Measure == CutOffMeasure.MeanRank ? [.. ties.Select(t => t with { Yes = -t.Yes })] : ties);
    }

    /// <summary>Higher is better for <see cref="Take"/>: a mean rank is negated on the way in (and its ties' lines on the way out).</summary>
    private List<Tally> Oriented(List<Tally> tallies) =>
        Measure == CutOffMeasure.MeanRank ? [.. tallies.Select(t => t with { Yes = -t.Yes })] : [.. tallies];

    /// <summary>The best <paramref name="slots"/> by yes votes; those level with the last place that do not all fit form a tie.</summary>
    private static void Take(List<Tally> tallies, int slots, int? groupId, HashSet<int> advancing, List<Tie> ties)
    {
        if (slots <= 0)
        {
            return;
        }

        if (slots >= tallies.Count)
        {
            advancing.UnionWith(tallies.Select(t => t.NominationId));
            return;
        }

        var ordered = tallies.OrderByDescending(t => t.Yes).ThenBy(t => t.NominationId).ToList();
        var line = ordered[slots - 1].Yes;
        var above = ordered.Where(t => t.Yes > line).Select(t => t.NominationId).ToList();
        var level = ordered.Where(t => t.Yes == line).Select(t => t.NominationId).ToList();
        advancing.UnionWith(above);
        if (above.Count + level.Count <= slots)
        {
            advancing.UnionWith(level);
        }
        else
        {
            ties.Add(new Tie(groupId, line, slots - above.Count, level));
        }
    }
}

/// <summary>What a round's tallies count: yes votes and scores (higher is better) or mean ranks (lower is better).</summary>
public enum CutOffMeasure
{
    YesVotes,
    Score,
    MeanRank,
}
