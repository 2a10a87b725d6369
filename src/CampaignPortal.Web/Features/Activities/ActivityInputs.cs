using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Features.Campaigns;
using FluentValidation;

namespace CampaignPortal.Web.Features.Activities;

public sealed class ActivityInput
{
    public string Title { get; set; } = string.Empty;

    public int? CategoryId { get; set; }

    public ActivityKind Kind { get; set; } = ActivityKind.Other;

    public ActivityForm Form { get; set; } = ActivityForm.Offline;

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public bool OutsidePeriod { get; set; }

    public string? Venue { get; set; }

    public string? Address { get; set; }

    public string? OnlineLink { get; set; }

    public string? Organisers { get; set; }

    public string? CoOrganisers { get; set; }

    public string? Audience { get; set; }

    public int? ExpectedParticipants { get; set; }

    public string? Description { get; set; }

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }

    public bool IsPublic { get; set; }
}

public sealed class ActivityInputValidator : AbstractValidator<ActivityInput>
{
    public ActivityInputValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage("请填写活动名称。").MaximumLength(Schema.Title).WithMessage($"活动名称不能超过 {Schema.Title} 个字。");
        RuleFor(x => x.Kind).IsInEnum().WithMessage("请选择活动类型。");
        RuleFor(x => x.Form).IsInEnum().WithMessage("请选择活动形式。");
        RuleFor(x => x.StartDate).NotNull().WithMessage("请填写开始日期。").Must(TemplateText.IsPlausibleDate).WithMessage("日期应在 2000 年至 2100 年之间。");
        RuleFor(x => x.EndDate).Must(TemplateText.IsPlausibleDate).WithMessage("日期应在 2000 年至 2100 年之间。");
        RuleFor(x => x.EndDate).NotNull().WithMessage("请填写结束日期。")
            .GreaterThanOrEqualTo(x => x.StartDate).When(x => x.StartDate is not null).WithMessage("结束日期不能早于开始日期。");
        RuleFor(x => x.ExpectedParticipants).InclusiveBetween(0, Activity.MaxParticipants).WithMessage("预计参与人数应在 0 到 10,000,000 之间。");
        RuleFor(x => x.OnlineLink).Must(Activity.IsWebLink).When(x => !string.IsNullOrWhiteSpace(x.OnlineLink))
            .WithMessage("线上链接须是以 http:// 或 https:// 开头的网址。").MaximumLength(Schema.Link).WithMessage("线上链接过长。");
        RuleFor(x => x.OnlineLink).NotEmpty().When(x => x.Form == ActivityForm.Online).WithMessage("线上活动请填写线上链接。");
        RuleFor(x => x.Venue).NotEmpty().When(x => x.Form != ActivityForm.Online).WithMessage("线下活动请填写活动地点。")
            .MaximumLength(Schema.MediumText).WithMessage("活动地点过长。");
        RuleFor(x => x.Address).MaximumLength(Schema.Address).WithMessage("详细地址过长。");
        RuleFor(x => x.Organisers).MaximumLength(Schema.LongText).WithMessage("主办单位过长。");
        RuleFor(x => x.CoOrganisers).MaximumLength(Schema.LongText).WithMessage("承办/协办单位过长。");
        RuleFor(x => x.Audience).MaximumLength(Schema.MediumText).WithMessage("参与对象过长。");
        RuleFor(x => x.Description).MaximumLength(Schema.Description).WithMessage($"活动简介不能超过 {Schema.Description} 个字。");
        RuleFor(x => x.ContactName).MaximumLength(Schema.PersonName).WithMessage("联系人过长。");
        RuleFor(x => x.ContactPhone).MaximumLength(Schema.Phone).WithMessage("联系电话过长。");
    }
}

public sealed class MediaInput
{
    public MediaKind Kind { get; set; } = MediaKind.Newspaper;

    public string? Outlet { get; set; }

    public string? Title { get; set; }

    public DateOnly? Date { get; set; }

    public string? Link { get; set; }

    public string? PageOrSlot { get; set; }
}

public sealed class MediaInputValidator : AbstractValidator<MediaInput>
{
    public MediaInputValidator()
    {
        RuleFor(x => x.Kind).IsInEnum().WithMessage("请选择媒体类型。");
        RuleFor(x => x.Outlet).NotEmpty().WithMessage("请填写媒体名称。").MaximumLength(Schema.MediumText).WithMessage("媒体名称过长。");
        RuleFor(x => x.Title).MaximumLength(Schema.Title).WithMessage("报道标题过长。");
        RuleFor(x => x.Link).Must(Activity.IsWebLink).When(x => !string.IsNullOrWhiteSpace(x.Link))
            .WithMessage("报道链接须是以 http:// 或 https:// 开头的网址。").MaximumLength(Schema.Link).WithMessage("报道链接过长。");
        RuleFor(x => x.Date).Must(TemplateText.IsPlausibleDate).WithMessage("日期应在 2000 年至 2100 年之间。");
        RuleFor(x => x.PageOrSlot).MaximumLength(Schema.ShortText).WithMessage("版面或栏目过长。");
    }
}

public sealed class MainEventInput
{
    public string Title { get; set; } = string.Empty;

    public DateOnly? Date { get; set; }

    public string? Venue { get; set; }

    public string? Address { get; set; }

    public string? Description { get; set; }
}

public sealed class MainEventInputValidator : AbstractValidator<MainEventInput>
{
    public MainEventInputValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage("请填写主会场活动名称。").MaximumLength(Schema.Title).WithMessage("名称过长。");
        RuleFor(x => x.Date).NotNull().WithMessage("请填写举办日期。").Must(TemplateText.IsPlausibleDate).WithMessage("日期应在 2000 年至 2100 年之间。");
        RuleFor(x => x.Venue).NotEmpty().WithMessage("请填写主会场地点。").MaximumLength(Schema.MediumText).WithMessage("地点过长。");
        RuleFor(x => x.Address).MaximumLength(Schema.Address).WithMessage("详细地址过长。");
        RuleFor(x => x.Description).MaximumLength(Schema.Description).WithMessage("说明过长。");
    }
}

public sealed class SubVenueInput
{
    public string? Place { get; set; }

    public int? ExpectedAttendees { get; set; }

    public SubVenueConnection Connection { get; set; } = SubVenueConnection.VideoConference;

    public string? Contact { get; set; }
}

public sealed class SubVenueInputValidator : AbstractValidator<SubVenueInput>
{
    public SubVenueInputValidator()
    {
        RuleFor(x => x.Place).NotEmpty().WithMessage("请填写分会场地点。").MaximumLength(Schema.MediumText).WithMessage("地点过长。");
        RuleFor(x => x.ExpectedAttendees).InclusiveBetween(0, Activity.MaxParticipants).WithMessage("预计参加人数应在 0 到 10,000,000 之间。");
        RuleFor(x => x.Connection).IsInEnum().WithMessage("请选择参会方式。");
        RuleFor(x => x.Contact).MaximumLength(Schema.MediumText).WithMessage("联系人过长。");
    }
}
