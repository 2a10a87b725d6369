using CampaignPortal.Web.Data;
using FluentValidation;

namespace CampaignPortal.Web.Features.Selections;

/// <summary>修改进行中的轮次: the due date only counts for a vote round, the panel only before the first vote.</summary>
public sealed class RoundEditInput
{
    public string Name { get; set; } = string.Empty;

    public DateOnly? DueDate { get; set; }

    public List<int> ExpertIds { get; set; } = [];
}

public sealed class RoundEditInputValidator : AbstractValidator<RoundEditInput>
{
    public RoundEditInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("请填写轮次名称，如“初评”。").MaximumLength(Schema.MediumText).WithMessage("轮次名称过长。");
        RuleFor(x => x.DueDate).Must(Campaigns.TemplateText.IsPlausibleDate).WithMessage("日期应在 2000 年至 2100 年之间。");
    }
}

public sealed record RoundEditViewModel(int Id, int SelectionId, string Selection, int Number, Domain.RoundKind Kind, bool PanelLocked, IReadOnlyList<ExpertRow> Experts, RoundEditInput Input);
