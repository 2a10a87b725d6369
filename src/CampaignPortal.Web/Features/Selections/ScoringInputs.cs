using System.Globalization;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using FluentValidation;
using FluentValidation.Results;

namespace CampaignPortal.Web.Features.Selections;

/// <summary>One row of a scoring round's criteria: the weight is bound as text and parsed here (a letter is a message, not a 400).</summary>
public sealed class CriterionInput
{
    public string? Name { get; set; }

    public string? Weight { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Weight);

    public int? ParsedWeight() =>
        int.TryParse((Weight ?? string.Empty).Normalize(System.Text.NormalizationForm.FormKC).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var w) ? w : null;
}

/// <summary>The scoring and ranking parts of <see cref="RoundInput"/>: criteria, weights, the score threshold and which rules fit which kind.</summary>
public sealed class ScoringRoundInputRules : AbstractValidator<RoundInput>
{
    public const int MaxCriteria = 8;
    public const int MaxWeight = 1000;

    public ScoringRoundInputRules()
    {
        RuleFor(x => x.Rule).Must(r => r != CutOffRule.MinimumScore).When(x => x.Kind != RoundKind.Scoring).WithMessage("按得分线晋级只适用于网络评分。");
        RuleFor(x => x.Rule).Must(r => r != CutOffRule.MinimumYes).When(x => x.Kind is RoundKind.Scoring or RoundKind.Ranking).WithMessage("按赞成票数晋级只适用于网络投票。");
        RuleFor(x => x.Threshold).Must(t => ScoreMath.ParseHundredths(t) is >= 100 and <= 1000)
            .When(x => x.Kind == RoundKind.Scoring && x.Rule == CutOffRule.MinimumScore).WithMessage("请填写 1 到 10 之间的分数线（最多两位小数），如 7.5。");
        RuleFor(x => x).Custom(CheckCriteria).When(x => x.Kind == RoundKind.Scoring);
    }

    private static void CheckCriteria(RoundInput input, ValidationContext<RoundInput> context)
    {
        var filled = 0;
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < input.Criteria.Count; i++)
        {
            var row = input.Criteria[i];
            if (row.IsBlank)
            {
                continue;
            }

            filled++;
            var name = (row.Name ?? string.Empty).Trim();
            if (name.Length == 0)
            {
                context.AddFailure(new ValidationFailure($"Criteria[{i}].Name", $"请填写第 {i + 1} 项评分标准的名称。"));
            }
            else if (name.Length > Schema.ShortText)
            {
                context.AddFailure(new ValidationFailure($"Criteria[{i}].Name", $"评分标准名称不能超过 {Schema.ShortText} 个字。"));
            }
            else if (!names.Add(name))
            {
                context.AddFailure(new ValidationFailure($"Criteria[{i}].Name", $"评分标准“{name}”重复了。"));
            }

            var weight = row.ParsedWeight();
            if (weight is null)
            {
                context.AddFailure(new ValidationFailure($"Criteria[{i}].Weight", $"请为第 {i + 1} 项评分标准填写权重（正整数，如 40）。"));
            }
            else if (weight <= 0)
            {
                context.AddFailure(new ValidationFailure($"Criteria[{i}].Weight", "权重必须大于 0。"));
            }
            else if (weight > MaxWeight)
            {
                context.AddFailure(new ValidationFailure($"Criteria[{i}].Weight", $"权重不能超过 {MaxWeight}。"));
            }
        }

        if (filled == 0)
        {
            context.AddFailure(new ValidationFailure("Criteria", "请至少设置一项评分标准（名称和权重），如：创新性 40。"));
        }
        else if (filled > MaxCriteria)
        {
            context.AddFailure(new ValidationFailure("Criteria", $"评分标准最多 {MaxCriteria} 项。"));
        }
    }
}
