using CampaignPortal.Web.Features.Account;

namespace CampaignPortal.UnitTests.Features;

public sealed class AccountInputValidatorTests
{
    [Theory]
    [InlineData("", "secret", "请输入电子邮箱。")]
    [InlineData("not-an-email", "secret", "电子邮箱格式不正确。")]
    [InlineData("a@b.cn", "", "请输入密码。")]
    public void SignIn_BadInput_ChineseMessage(string email, string password, string message)
    {
        var result = new SignInInputValidator().Validate(new SignInInput { Email = email, Password = password });

        Assert.Contains(result.Errors, e => e.ErrorMessage == message);
    }

    [Fact]
    public void SignIn_Complete_IsValid()
    {
        Assert.True(new SignInInputValidator().Validate(new SignInInput { Email = "klmy.filer@demo.local", Password = "x" }).IsValid);
    }

    [Theory]
    [InlineData("old-pass-1", "old-pass-1", "old-pass-1", "新密码不能与当前密码相同。")]
    [InlineData("old-pass-1", "new-pass-1", "new-pass-2", "两次输入的新密码不一致。")]
    [InlineData("old-pass-1", "short1", "short1", "新密码至少 8 位。")]
    [InlineData("", "new-pass-1", "new-pass-1", "请输入当前密码。")]
    public void ChangePassword_BadInput_ChineseMessage(string current, string next, string confirm, string message)
    {
        var result = new ChangePasswordInputValidator().Validate(
            new ChangePasswordInput { CurrentPassword = current, NewPassword = next, ConfirmPassword = confirm });

        Assert.Contains(result.Errors, e => e.ErrorMessage == message);
    }
}
