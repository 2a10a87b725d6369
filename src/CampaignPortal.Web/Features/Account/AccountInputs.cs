using CampaignPortal.Web.Data;
using FluentValidation;

namespace CampaignPortal.Web.Features.Account;

public sealed class SignInInput
{
    public string Email { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;

    public string? ReturnUrl { get; set; }
}

public sealed class SignInInputValidator : AbstractValidator<SignInInput>
{
    public SignInInputValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("请输入电子邮箱。")
            .MaximumLength(Schema.Email).WithMessage("电子邮箱过长。")
            .EmailAddress().WithMessage("电子邮箱格式不正确。");
        RuleFor(x => x.Password).NotEmpty().WithMessage("请输入密码。")
            .MaximumLength(Schema.Password).WithMessage("密码过长。");
    }
}

public sealed class ResetPasswordInput
{
    public string? User { get; set; }

    public string? Token { get; set; }

    public string NewPassword { get; set; } = string.Empty;

    public string ConfirmPassword { get; set; } = string.Empty;
}

public sealed class ChangePasswordInput
{
    public string CurrentPassword { get; set; } = string.Empty;

    public string NewPassword { get; set; } = string.Empty;

    public string ConfirmPassword { get; set; } = string.Empty;
}

public sealed class ChangePasswordInputValidator : AbstractValidator<ChangePasswordInput>
{
    public ChangePasswordInputValidator()
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("请输入当前密码。");
        RuleFor(x => x.NewPassword).NotEmpty().WithMessage("请输入新密码。")
            .MinimumLength(8).WithMessage("新密码至少 8 位。")
            .MaximumLength(Schema.Password).WithMessage("新密码过长。")
            .NotEqual(x => x.CurrentPassword).WithMessage("新密码不能与当前密码相同。");
        RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage("两次输入的新密码不一致。");
    }
}
