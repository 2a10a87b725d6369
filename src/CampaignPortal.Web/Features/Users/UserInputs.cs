using CampaignPortal.Web.Data;
using CampaignPortal.Web.Security;
using FluentValidation;

namespace CampaignPortal.Web.Features.Users;

public sealed class UserInput
{
    public string Email { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    public string? Phone { get; set; }

    public int? OrganisationId { get; set; }

    public List<string> Roles { get; set; } = [];
}

public sealed class UserInputValidator : AbstractValidator<UserInput>
{
    /// <summary>Identity's default user-name characters (the e-mail is the user name): checked here so the preview catches them.</summary>
    public const string UserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";

    public UserInputValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("请填写电子邮箱。")
            .MaximumLength(Schema.Email).WithMessage("电子邮箱过长。")
            .EmailAddress().WithMessage("电子邮箱格式不正确。")
            .Must(e => e is null || e.All(c => UserNameCharacters.Contains(c, StringComparison.Ordinal)))
            .WithMessage("电子邮箱只能包含英文字母、数字和 - . _ @ + 这几个符号。");
        RuleFor(x => x.DisplayName).NotEmpty().WithMessage("请填写姓名。")
            .MaximumLength(Schema.PersonName).WithMessage($"姓名不能超过 {Schema.PersonName} 个字。");
        RuleFor(x => x.Phone).MaximumLength(Schema.Phone).WithMessage($"联系电话不能超过 {Schema.Phone} 个字符。");
        RuleFor(x => x.OrganisationId).NotNull().WithMessage("请选择所属单位。");
        RuleForEach(x => x.Roles).Must(r => Security.Roles.All.Contains(r)).WithMessage("角色无效。");
    }
}

/// <summary>Filters of the account list (GET query string).</summary>
public sealed class UserListQuery
{
    public string? Q { get; set; }

    public int? OrganisationId { get; set; }

    public string? Role { get; set; }

    /// <summary>all, active or disabled.</summary>
    public string? Status { get; set; }

    public bool Locked { get; set; }

    public int Page { get; set; } = 1;
}
