using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure;
using FluentValidation;

namespace CampaignPortal.Web.Features.Campaigns;

public sealed class NoticeInput
{
    public NoticeKind Kind { get; set; } = NoticeKind.Notice;

    public string Title { get; set; } = string.Empty;

    public string? DocumentNumber { get; set; }

    /// <summary>Issuers in order; the first is the lead.</summary>
    public List<int?> IssuerIds { get; set; } = [];

    public string? MainRecipientsText { get; set; }

    public string? CopyRecipientsText { get; set; }

    public List<int> MainAddresseeIds { get; set; } = [];

    /// <summary>"All children of kind X" for 主送.</summary>
    public List<OrganisationKind> MainAddresseeKinds { get; set; } = [];

    public List<int> CopyAddresseeIds { get; set; } = [];

    /// <summary>依据, one per line: 标题|文号.</summary>
    public string? Bases { get; set; }

    public string? Body { get; set; }

    public string? Requirements { get; set; }

    public string? ReportTo { get; set; }

    public string? ReportMethod { get; set; }

    public string? ContactNames { get; set; }

    public string? ContactPhones { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactOffice { get; set; }

    public string? ContactAddress { get; set; }

    public string? ContactPostcode { get; set; }

    public DateOnly? DocumentDate { get; set; }

    public bool IsPublic { get; set; } = true;

    /// <summary>For a 工作方案: the notice of the same campaign it is shown after.</summary>
    public int? AttachedToNoticeId { get; set; }
}

public sealed class NoticeInputValidator : AbstractValidator<NoticeInput>
{
    public NoticeInputValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage("请填写通知标题。").MaximumLength(Schema.Title).WithMessage($"标题不能超过 {Schema.Title} 个字。");
        RuleFor(x => x.Kind).IsInEnum().WithMessage("请选择文件类型。");
        RuleFor(x => x.DocumentNumber).MaximumLength(Schema.DocumentNumber).WithMessage("文号过长。");
        RuleFor(x => x.MainRecipientsText).MaximumLength(Schema.RecipientsText).WithMessage($"主送单位不能超过 {Schema.RecipientsText} 个字。");
        RuleFor(x => x.CopyRecipientsText).MaximumLength(Schema.RecipientsText).WithMessage($"抄送单位不能超过 {Schema.RecipientsText} 个字。");
        RuleFor(x => x.IssuerIds).Must(ids => ids.Any(id => id is not null)).WithMessage("请至少选择一个发文单位。");
        RuleFor(x => x.Body).Must(b => !RichText.IsTooLarge(b)).WithMessage("正文超过 200 KB，请精简或把长篇内容作为附件上传。");
        RuleFor(x => x.Requirements).Must(b => !RichText.IsTooLarge(b)).WithMessage("有关要求超过 200 KB，请精简或作为附件上传。");
        RuleFor(x => x.ReportTo).MaximumLength(Schema.MediumText).WithMessage("报送单位过长。");
        RuleFor(x => x.ReportMethod).MaximumLength(Schema.MediumText).WithMessage("报送方式过长。");
        RuleFor(x => x.ContactNames).MaximumLength(Schema.MediumText).WithMessage("联系人过长。");
        RuleFor(x => x.ContactPhones).MaximumLength(Schema.MediumText).WithMessage("联系电话过长。");
        RuleFor(x => x.ContactEmail).MaximumLength(Schema.Email).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.ContactEmail))
            .WithMessage("联系邮箱格式不正确。");
        RuleFor(x => x.ContactOffice).MaximumLength(Schema.MediumText).WithMessage("处室过长。");
        RuleFor(x => x.ContactAddress).MaximumLength(Schema.Address).WithMessage("地址过长。");
        RuleFor(x => x.ContactPostcode).MaximumLength(Schema.Postcode).WithMessage("邮编过长。");
        RuleFor(x => x.Bases).Must(b => TemplateText.Lines(b).All(l => TemplateText.Fields(l)[0].Length <= Schema.Title))
            .WithMessage($"依据文件的标题不能超过 {Schema.Title} 个字。")
            .Must(b => TemplateText.Lines(b).All(l => (TemplateText.Fields(l).ElementAtOrDefault(1) ?? string.Empty).Length <= Schema.DocumentNumber))
            .WithMessage($"依据文件的文号不能超过 {Schema.DocumentNumber} 个字符。");
    }
}

/// <summary>修订 of a published notice: its text and a change note; issuers and addressees stay.</summary>
public sealed class NoticeRevisionInput
{
    public string Title { get; set; } = string.Empty;

    public string? DocumentNumber { get; set; }

    public string? MainRecipientsText { get; set; }

    public string? CopyRecipientsText { get; set; }

    public string? Body { get; set; }

    public string? Requirements { get; set; }

    public string? ReportTo { get; set; }

    public string? ReportMethod { get; set; }

    public DateOnly? DocumentDate { get; set; }

    /// <summary>修订说明, shown on the public page and in the addressees' notifications.</summary>
    public string? ChangeNote { get; set; }
}

public sealed class NoticeRevisionInputValidator : AbstractValidator<NoticeRevisionInput>
{
    public NoticeRevisionInputValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage("请填写通知标题。").MaximumLength(Schema.Title).WithMessage($"标题不能超过 {Schema.Title} 个字。");
        RuleFor(x => x.DocumentNumber).MaximumLength(Schema.DocumentNumber).WithMessage("文号过长。");
        RuleFor(x => x.MainRecipientsText).MaximumLength(Schema.RecipientsText).WithMessage($"主送单位不能超过 {Schema.RecipientsText} 个字。");
        RuleFor(x => x.CopyRecipientsText).MaximumLength(Schema.RecipientsText).WithMessage($"抄送单位不能超过 {Schema.RecipientsText} 个字。");
        RuleFor(x => x.Body).NotEmpty().WithMessage("通知正文不能为空。")
            .Must(b => !RichText.IsTooLarge(b)).WithMessage("正文超过 200 KB，请精简或把长篇内容作为附件上传。");
        RuleFor(x => x.Requirements).Must(b => !RichText.IsTooLarge(b)).WithMessage("有关要求超过 200 KB，请精简或作为附件上传。");
        RuleFor(x => x.ReportTo).MaximumLength(Schema.MediumText).WithMessage("报送单位过长。");
        RuleFor(x => x.ReportMethod).MaximumLength(Schema.MediumText).WithMessage("报送方式过长。");
        RuleFor(x => x.ChangeNote).NotEmpty().WithMessage("请填写修订说明，说明改了什么、为什么改。")
            .MaximumLength(Schema.LongText).WithMessage($"修订说明不能超过 {Schema.LongText} 个字。");
    }
}
