using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using FluentValidation;

namespace CampaignPortal.Web.Features.Organisations;

public sealed class OrganisationInput
{
    public int? ParentId { get; set; }

    public string Name { get; set; } = string.Empty;

    public string? ShortName { get; set; }

    public OrganisationKind? Kind { get; set; }

    public string? Phone { get; set; }

    public string? Address { get; set; }
}

public sealed class OrganisationInputValidator : AbstractValidator<OrganisationInput>
{
    public OrganisationInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("请填写单位全称。")
            .MaximumLength(Schema.OrganisationName).WithMessage($"单位全称不能超过 {Schema.OrganisationName} 个字。");
        RuleFor(x => x.ShortName).MaximumLength(Schema.OrganisationShortName)
            .WithMessage($"简称不能超过 {Schema.OrganisationShortName} 个字。");
        RuleFor(x => x.Kind).NotNull().WithMessage("请选择单位类别。").IsInEnum().WithMessage("请选择单位类别。");
        RuleFor(x => x.Phone).MaximumLength(Schema.Phone).WithMessage($"联系电话不能超过 {Schema.Phone} 个字符。");
        RuleFor(x => x.Address).MaximumLength(Schema.Address).WithMessage($"地址不能超过 {Schema.Address} 个字。");
    }
}

public sealed class MoveOrganisationInput
{
    public int? NewParentId { get; set; }
}
