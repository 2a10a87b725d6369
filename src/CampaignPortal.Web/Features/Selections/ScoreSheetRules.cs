using System.Globalization;
using CampaignPortal.Web.Domain;

namespace CampaignPortal.Web.Features.Selections;

/// <summary>Reads a score sheet's fields (score-{nomination}-{criterion}, rank-{nomination}) with Chinese messages per field.</summary>
public static class ScoreSheetRules
{
    public sealed record Mark(int NominationId, int? CriterionId, int Value);

    private static int? Number(string? text) =>
        int.TryParse((text ?? string.Empty).Normalize(System.Text.NormalizationForm.FormKC).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static (List<Mark> Marks, List<KeyValuePair<string, string>> Errors) Scores(
        IReadOnlyList<int> candidates, IReadOnlyList<int?> criteria, IReadOnlyDictionary<string, string> form)
    {
        var marks = new List<Mark>();
        var errors = new List<KeyValuePair<string, string>>();
        foreach (var nomination in candidates)
        {
            var texts = criteria.Select(c => (Criterion: c, Key: ScoringService.Key(nomination, c), Text: form.GetValueOrDefault(ScoringService.Key(nomination, c))?.Trim())).ToList();
            if (texts.All(t => string.IsNullOrEmpty(t.Text)))
            {
                continue;
            }

            foreach (var (criterion, key, text) in texts)
            {
                if (string.IsNullOrEmpty(text))
                {
                    errors.Add(new(key, "请为每项评分标准打分（或全部留空，稍后再评）。"));
                }
                else if (Number(text) is not { } value || value < SelectionScore.MinScore || value > SelectionScore.MaxScore)
                {
                    errors.Add(new(key, $"分数应为 {SelectionScore.MinScore} 到 {SelectionScore.MaxScore} 的整数。"));
                }
                else
                {
                    marks.Add(new Mark(nomination, criterion, value));
                }
            }
        }

        return (marks, errors);
    }

    public static (List<Mark> Marks, List<KeyValuePair<string, string>> Errors) Ranks(IReadOnlyList<int> candidates, IReadOnlyDictionary<string, string> form)
    {
        var marks = new List<Mark>();
        var errors = new List<KeyValuePair<string, string>>();
        var n = candidates.Count;
        if (candidates.All(c => string.IsNullOrWhiteSpace(form.GetValueOrDefault(ScoringService.Key(c, null)))))
        {
            return (marks, errors);
        }

        foreach (var nomination in candidates)
        {
            var key = ScoringService.Key(nomination, null);
            var value = Number(form.GetValueOrDefault(key));
            if (value is null || value < 1 || value > n)
            {
                errors.Add(new(key, $"请填写 1 到 {n} 的名次（1 为最优）。"));
            }
            else
            {
                marks.Add(new Mark(nomination, null, value.Value));
            }
        }

        foreach (var duplicate in marks.GroupBy(m => m.Value).Where(g => g.Count() > 1).SelectMany(g => g))
        {
            errors.Add(new(ScoringService.Key(duplicate.NominationId, null), $"名次 {duplicate.Value} 重复了：每个名次只能给一位候选人。"));
        }

        return (errors.Count == 0 ? marks : [], errors);
    }
}
