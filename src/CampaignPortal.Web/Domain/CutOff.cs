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
}

/// <summary>A candidate's count in a closed vote round.</summary>
public sealed record Tally(int NominationId, int GroupId, int Yes);

/// <summary>Candidates tied at the cut-off line: <see cref="Slots"/> of them may advance, the organiser decides which.</summary>
public sealed record Tie(int? GroupId, int Yes, int Slots, IReadOnlyList<int> NominationIds);

/// <summary>Who advances for certain, and the ties the organiser must resolve.</summary>
public sealed record CutOffOutcome(IReadOnlySet<int> Advancing, IReadOnlyList<Tie> Ties);

/// <summary>The rule with its numbers; <see cref="Compute"/> is pure, so every rule is unit-tested.</summary>
public sealed record CutOff(CutOffRule Rule, int Count, int Numerator = 0, int Denominator = 1)
{
    public string Describe() => Rule switch
    {
        CutOffRule.Top => $"按赞成票数取前 {Count} 名",
        CutOffRule.FractionPerGroup => $"各学科组按 {Numerator}/{Denominator} 的比例推荐（四舍五入）",
        _ => $"赞成票不少于 {Count} 票",
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
                advancing.UnionWith(tallies.Where(t => t.Yes >= Count).Select(t => t.NominationId));
                break;
            case CutOffRule.Top:
                Take(tallies, Count, null, advancing, ties);
                break;
            case CutOffRule.FractionPerGroup:
                foreach (var group in tallies.GroupBy(t => t.GroupId).OrderBy(g => g.Key))
                {
                    Take([.. group], RoundHalfUp(group.Count(), Numerator, Denominator), group.Key, advancing, ties);
                }

                break;
        }

        return new CutOffOutcome(advancing, ties);
    }

    /// <summary>The best <paramref name="slots"/> by yes votes; those level with the last place that do not all fit form a tie.</summary>
    private static void Take(IReadOnlyCollection<Tally> tallies, int slots, int? groupId, HashSet<int> advancing, List<Tie> ties)
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
