using System.Globalization;

namespace CampaignPortal.Web.Domain;

/// <summary>
/// How scores and ranks combine (pure, unit-tested). Results are kept in hundredths, rounded half up, and everything
/// after — order, cut-off, ties — works on those hundredths: two candidates shown with the same score are tied.
/// <list type="bullet">
/// <item>An expert's score of a candidate is the weighted mean of their criterion scores: Σ weight·score / Σ weight.</item>
/// <item>A candidate's score is the plain mean of the scores of the experts who scored them (recused experts did not);
/// when the organiser chose so and five or more experts scored, the single highest and the single lowest expert score
/// are dropped first.</item>
/// <item>Ranking: a candidate's result is the mean of the ranks the experts gave them (1 = best; lower is better). When
/// every expert ranks the same n candidates this orders exactly as a Borda count (n − rank points each).</item>
/// </list>
/// </summary>
public static class ScoreMath
{
    public const int DropExtremesFrom = 5;

    /// <summary>Σ weight·score / Σ weight; null without a score.</summary>
    public static decimal? ExpertScore(IReadOnlyCollection<(int Weight, int Score)> marks)
    {
        ArgumentNullException.ThrowIfNull(marks);
        var weights = marks.Sum(m => (decimal)m.Weight);
        return marks.Count == 0 || weights <= 0 ? null : marks.Sum(m => (decimal)m.Weight * m.Score) / weights;
    }

    /// <summary>The mean of the experts' scores, optionally without the single highest and lowest when five or more scored.</summary>
    public static decimal? CandidateScore(IReadOnlyCollection<decimal> expertScores, bool dropExtremes)
    {
        ArgumentNullException.ThrowIfNull(expertScores);
        if (expertScores.Count == 0)
        {
            return null;
        }

        var scores = expertScores.Order().ToList();
        if (dropExtremes && scores.Count >= DropExtremesFrom)
        {
            scores = scores[1..^1];
        }

        return scores.Sum() / scores.Count;
    }

    /// <summary>The mean rank (lower is better); null when nobody ranked the candidate.</summary>
    public static decimal? MeanRank(IReadOnlyCollection<int> ranks)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        return ranks.Count == 0 ? null : ranks.Sum(r => (decimal)r) / ranks.Count;
    }

    /// <summary>8.3333… → 833, 8.125 → 813 (half up; results are never negative).</summary>
    public static int? ToHundredths(decimal? value) => value is { } v ? (int)Math.Round(v * 100, MidpointRounding.AwayFromZero) : null;

    /// <summary>833 → "8.33".</summary>
    public static string Format(int hundredths) => (hundredths / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    public static string Format(int? hundredths) => hundredths is { } h ? Format(h) : "—";

    /// <summary>"7.5", "7.50", "８" (full width) → 750; null if not a number with at most two decimals.</summary>
    public static int? ParseHundredths(string? text)
    {
        var normalised = (text ?? string.Empty).Normalize(System.Text.NormalizationForm.FormKC).Trim();
        if (normalised.Length == 0 || !decimal.TryParse(normalised, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || decimal.Round(value, 2) != value
            || value > 1000)
        {
            return null;
        }

        return (int)(value * 100);
    }
}
