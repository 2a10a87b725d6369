using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using FluentValidation;

namespace CampaignPortal.Web.Features.Selections;

public sealed class SelectionInput
{
    public string Title { get; set; } = string.Empty;

    public string? Description { get; set; }

    public string? Eligibility { get; set; }

    public DateOnly? NominationOpens { get; set; }

    public DateOnly? NominationCloses { get; set; }

    public int? QuotaPerUnit { get; set; }

    /// <summary>学科组, one a line; existing groups are kept, new lines are added.</summary>
    public string? Groups { get; set; }

    public IReadOnlyList<string> GroupNames() =>
        [.. (Groups ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()];
}

public sealed class SelectionInputValidator : AbstractValidator<SelectionInput>
{
    public SelectionInputValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage("请填写评选名称。").MaximumLength(Schema.Title).WithMessage($"评选名称不能超过 {Schema.Title} 个字。");
        RuleFor(x => x.Description).MaximumLength(Schema.Description).WithMessage($"评选说明不能超过 {Schema.Description} 个字。");
        RuleFor(x => x.Eligibility).MaximumLength(Schema.Description).WithMessage($"推荐条件不能超过 {Schema.Description} 个字。");
        RuleFor(x => x.NominationOpens).NotNull().WithMessage("请填写推荐开始日期。");
        RuleFor(x => x.NominationCloses).NotNull().WithMessage("请填写推荐截止日期。")
            .GreaterThanOrEqualTo(x => x.NominationOpens).When(x => x.NominationOpens is not null).WithMessage("推荐截止日期不能早于开始日期。");
        RuleFor(x => x.QuotaPerUnit).NotNull().WithMessage("请填写每个单位的推荐名额。").InclusiveBetween(1, 1000).WithMessage("推荐名额应在 1 到 1000 之间。");
        RuleFor(x => x.GroupNames()).NotEmpty().WithName("Groups").OverridePropertyName("Groups").WithMessage("请至少填写一个学科组。");
        RuleForEach(x => x.GroupNames()).MaximumLength(Schema.ShortText).OverridePropertyName("Groups").WithMessage($"学科组名称不能超过 {Schema.ShortText} 个字。");
    }
}

public sealed class NominationInput
{
    public string Name { get; set; } = string.Empty;

    public Gender? Gender { get; set; }

    public int? BirthYear { get; set; }

    public string CandidateOrganisation { get; set; } = string.Empty;

    public string? Title { get; set; }

    public int? GroupId { get; set; }

    public string? Achievements { get; set; }

    public string? UnitOpinion { get; set; }
}

public sealed class NominationInputValidator : AbstractValidator<NominationInput>
{
    public NominationInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("请填写候选人姓名。").MaximumLength(Schema.PersonName).WithMessage("姓名过长。");
        RuleFor(x => x.Gender).NotNull().WithMessage("请选择性别。").IsInEnum().WithMessage("请选择性别。");
        RuleFor(x => x.BirthYear).NotNull().WithMessage("请填写出生年份。").InclusiveBetween(1920, 2010).WithMessage("出生年份应在 1920 年至 2010 年之间。");
        RuleFor(x => x.CandidateOrganisation).NotEmpty().WithMessage("请填写工作单位。").MaximumLength(Schema.MediumText).WithMessage("工作单位过长。");
        RuleFor(x => x.Title).MaximumLength(Schema.MediumText).WithMessage("职务/职称过长。");
        RuleFor(x => x.GroupId).NotNull().WithMessage("请选择学科组。");
        RuleFor(x => x.UnitOpinion).MaximumLength(Schema.Description).WithMessage($"推荐单位意见不能超过 {Schema.Description} 个字。");
    }
}

public sealed class RoundInput
{
    public string Name { get; set; } = string.Empty;

    public RoundKind Kind { get; set; } = RoundKind.Vote;

    public bool PerGroup { get; set; }

    public DateOnly? DueDate { get; set; }

    public CutOffRule Rule { get; set; } = CutOffRule.FractionPerGroup;

    public int? Count { get; set; }

    public int? Numerator { get; set; }

    public int? Denominator { get; set; }

    public List<int> ExpertIds { get; set; } = [];

    /// <summary>Scoring rounds: drop the highest and lowest expert score when five or more scored.</summary>
    public bool DropExtremes { get; set; }

    /// <summary>Scoring rounds: 评分标准 (blank rows are ignored).</summary>
    public List<CriterionInput> Criteria { get; set; } = [];

    /// <summary>Scoring rounds, rule <see cref="CutOffRule.MinimumScore"/>: the lowest score that advances, e.g. "7.5".</summary>
    public string? Threshold { get; set; }
}

public sealed class RoundInputValidator : AbstractValidator<RoundInput>
{
    public RoundInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("请填写轮次名称，如“初评”。").MaximumLength(Schema.MediumText).WithMessage("轮次名称过长。");
        RuleFor(x => x.Kind).IsInEnum().WithMessage("请选择评审方式。");
        When(x => x.Kind != RoundKind.Meeting, () =>
        {
            RuleFor(x => x.DueDate).NotNull().WithMessage("请填写投票截止日期。").Must(Campaigns.TemplateText.IsPlausibleDate).WithMessage("日期应在 2000 年至 2100 年之间。");
            RuleFor(x => x.Rule).IsInEnum().WithMessage("请选择晋级规则。");
            RuleFor(x => x.Count).NotNull().When(x => x.Rule is CutOffRule.Top or CutOffRule.MinimumYes).WithMessage("请填写人数或票数。")
                .InclusiveBetween(1, 10000).WithMessage("人数或票数应在 1 到 10000 之间。");
            RuleFor(x => x.Numerator).NotNull().When(x => x.Rule == CutOffRule.FractionPerGroup).WithMessage("请填写比例，如 2/5。")
                .InclusiveBetween(1, 100).WithMessage("比例的分子应在 1 到 100 之间。");
            RuleFor(x => x.Denominator).NotNull().When(x => x.Rule == CutOffRule.FractionPerGroup).WithMessage("请填写比例，如 2/5。")
                .InclusiveBetween(1, 100).WithMessage("比例的分母应在 1 到 100 之间。")
                .GreaterThanOrEqualTo(x => x.Numerator ?? 0).When(x => x.Rule == CutOffRule.FractionPerGroup).WithMessage("比例不能大于 1。");
            RuleFor(x => x.ExpertIds).NotEmpty().WithMessage("请至少选择一位评审专家。");
        });
        Include(new ScoringRoundInputRules());
    }
}
