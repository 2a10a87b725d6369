using System.Text.RegularExpressions;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using FluentValidation;

namespace CampaignPortal.Web.Features.Selections;

/// <summary>Chinese telephone numbers as people write them: a mobile (13812345678) or a landline with its area code (0991-1234567, 010-12345678-801).</summary>
public static partial class ChinesePhone
{
    public static bool IsValid(string? phone) => phone is not null && Pattern().IsMatch(phone.Trim());

    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Pattern();
}

/// <summary>发布公示: title, text, start day, working days and the contact.</summary>
public sealed class AnnouncementInput
{
    public string Title { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public DateOnly? StartsOn { get; set; }

    public int? WorkingDays { get; set; } = Domain.WorkingDays.DefaultPeriod;

    public string ContactName { get; set; } = string.Empty;

    public string ContactPhone { get; set; } = string.Empty;
}

public sealed class AnnouncementInputValidator : AbstractValidator<AnnouncementInput>
{
    public AnnouncementInputValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage("请填写公示标题。").MaximumLength(Schema.Title).WithMessage($"公示标题不能超过 {Schema.Title} 个字。");
        RuleFor(x => x.Body).NotEmpty().WithMessage("请填写公示正文。").MaximumLength(Schema.Description).WithMessage($"公示正文不能超过 {Schema.Description} 个字。");
        RuleFor(x => x.StartsOn).NotNull().WithMessage("请填写公示开始日期。");
        RuleFor(x => x.WorkingDays).NotNull().WithMessage("请填写公示期（工作日）。").InclusiveBetween(1, 30).WithMessage("公示期应为 1 至 30 个工作日。");
        RuleFor(x => x.ContactName).NotEmpty().WithMessage("请填写联系人。").MaximumLength(Schema.PersonName).WithMessage($"联系人不能超过 {Schema.PersonName} 个字。");
        RuleFor(x => x.ContactPhone).NotEmpty().WithMessage("请填写联系电话。")
            .Must(ChinesePhone.IsValid).When(x => !string.IsNullOrWhiteSpace(x.ContactPhone), ApplyConditionTo.CurrentValidator).WithMessage("请填写正确的电话号码，如 13812345678 或 0991-1234567。");
    }
}

/// <summary>提出异议 on the public form.</summary>
public sealed class ObjectionInput
{
    public const int GroundsMaxLength = 2000;

    public string Name { get; set; } = string.Empty;

    public string Unit { get; set; } = string.Empty;

    public string Phone { get; set; } = string.Empty;

    /// <summary>The candidate's nomination id; 0 for the result as a whole; null when nothing was chosen.</summary>
    public int? Target { get; set; }

    public string Grounds { get; set; } = string.Empty;
}

public sealed class ObjectionInputValidator : AbstractValidator<ObjectionInput>
{
    public ObjectionInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("请填写您的真实姓名。").MaximumLength(Schema.PersonName).WithMessage($"姓名不能超过 {Schema.PersonName} 个字。");
        RuleFor(x => x.Unit).NotEmpty().WithMessage("请填写您的工作单位。").MaximumLength(Schema.MediumText).WithMessage($"工作单位不能超过 {Schema.MediumText} 个字。");
        RuleFor(x => x.Phone).NotEmpty().WithMessage("请填写联系电话。")
            .Must(ChinesePhone.IsValid).When(x => !string.IsNullOrWhiteSpace(x.Phone), ApplyConditionTo.CurrentValidator).WithMessage("请填写正确的手机号码或固定电话，如 13812345678 或 0991-1234567。");
        RuleFor(x => x.Target).NotNull().WithMessage("请选择异议针对的人选，或选择“对评选结果整体”。");
        RuleFor(x => x.Grounds).NotEmpty().WithMessage("请填写异议的事实和理由。")
            .MaximumLength(ObjectionInput.GroundsMaxLength).WithMessage($"事实和理由不能超过 {ObjectionInput.GroundsMaxLength} 个字，详细材料可作为附件上传。");
    }
}

/// <summary>The organiser's record of how an objection was handled.</summary>
public sealed class HandlingInput
{
    public ObjectionOutcome? Outcome { get; set; }

    public string Handling { get; set; } = string.Empty;
}

public sealed class HandlingInputValidator : AbstractValidator<HandlingInput>
{
    public HandlingInputValidator()
    {
        RuleFor(x => x.Outcome).NotNull().WithMessage("请选择处理结果。").IsInEnum().WithMessage("请选择处理结果。");
        RuleFor(x => x.Handling).NotEmpty().WithMessage("请填写核实情况与处理结果。")
            .MaximumLength(Schema.Description).WithMessage($"核实情况与处理结果不能超过 {Schema.Description} 个字。");
    }
}
