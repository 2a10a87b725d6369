using CampaignPortal.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CampaignPortal.Web.Features.Account;

[Route("account")]
public sealed class AccountController(
    AccountService accounts,
    PasswordHelpService passwordHelp,
    PasswordResetService passwordReset,
    IValidator<SignInInput> signInValidator,
    IValidator<ChangePasswordInput> changePasswordValidator) : Controller
{
    [AllowAnonymous]
    [HttpGet("sign-in")]
    public IActionResult SignIn(string? returnUrl)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return RedirectToLocal(returnUrl);
        }

        return View(new SignInInput { ReturnUrl = returnUrl });
    }

    [AllowAnonymous]
    [HttpPost("sign-in")]
    [EnableRateLimiting(WebSetup.SignInRateLimit)]
    public async Task<IActionResult> SignIn(SignInInput input)
    {
        if (!await signInValidator.ValidateIntoAsync(input, ModelState, HttpContext.RequestAborted))
        {
            return View(input);
        }

        var outcome = await accounts.SignInAsync(input.Email, input.Password);
        switch (outcome)
        {
            case SignInOutcome.Succeeded:
                return RedirectToLocal(input.ReturnUrl);
            case SignInOutcome.LockedOut:
                ModelState.AddModelError(string.Empty, "登录失败次数过多，账号已被锁定 15 分钟，请稍后再试或联系本单位管理员。");
                break;
            case SignInOutcome.NotAllowed:
                ModelState.AddModelError(string.Empty, "该账号已停用，不能登录。如需恢复，请联系本单位管理员。");
                break;
            default:
                ModelState.AddModelError(string.Empty, "电子邮箱或密码不正确。连续 5 次错误将锁定账号 15 分钟。");
                break;
        }

        input.Password = string.Empty;
        return View(input);
    }

    [HttpPost("sign-out")]
    public async Task<IActionResult> SignOutUser()
    {
        await accounts.SignOutAsync(User);
        TempData[StatusMessage.Key] = "您已安全退出。";
        return RedirectToAction("Index", "Home");
    }

    [HttpGet("change-password")]
    public IActionResult ChangePassword() => View(new ChangePasswordInput());

    [HttpPost("change-password")]
    public async Task<IActionResult> ChangePassword(ChangePasswordInput input)
    {
        if (await changePasswordValidator.ValidateIntoAsync(input, ModelState, HttpContext.RequestAborted))
        {
            var result = await accounts.ChangePasswordAsync(User, input.CurrentPassword, input.NewPassword);
            if (result.Succeeded)
            {
                TempData[StatusMessage.Key] = "密码已修改。";
                return RedirectToAction("Index", "Home");
            }

            foreach (var error in result.Errors)
            {
                var field = error.Code == "PasswordMismatch" ? nameof(input.CurrentPassword) : nameof(input.NewPassword);
                ModelState.AddModelError(field, error.Description);
            }
        }

        return View(new ChangePasswordInput());
    }

    [AllowAnonymous]
    [HttpGet("forgot-password")]
    [EnableRateLimiting(WebSetup.SignInRateLimit)]
    public async Task<IActionResult> ForgotPassword(string? q) =>
        View(await passwordHelp.SearchAsync(q, HttpContext.RequestAborted));

    [AllowAnonymous]
    [HttpGet("forgot-password/{organisationId:int}")]
    [EnableRateLimiting(WebSetup.SignInRateLimit)]
    public async Task<IActionResult> ForgotPasswordFor(int organisationId) =>
        await passwordHelp.ForOrganisationAsync(organisationId, HttpContext.RequestAborted) is { } model
            ? View("ForgotPassword", model)
            : NotFound();

    /// <summary>Always the same answer, whether or not the address belongs to an account.</summary>
    [AllowAnonymous]
    [HttpPost("forgot-password/email")]
    [EnableRateLimiting(WebSetup.SignInRateLimit)]
    public async Task<IActionResult> ForgotPasswordByEmail(string? email)
    {
        await passwordReset.RequestAsync(email, HttpContext.RequestAborted);
        TempData[StatusMessage.Key] = "如果该邮箱已在平台登记，重置密码的链接已发往该邮箱，1 小时内有效。没有收到请查看垃圾邮件，或联系本单位管理员。";
        return Redirect("/account/forgot-password");
    }

    [AllowAnonymous]
    [HttpGet("reset-password")]
    public IActionResult ResetPassword(string? user, string? token) => View(new ResetPasswordInput { User = user, Token = token });

    [AllowAnonymous]
    [HttpPost("reset-password")]
    [EnableRateLimiting(WebSetup.SignInRateLimit)]
    public async Task<IActionResult> ResetPassword(ResetPasswordInput input)
    {
        if (string.IsNullOrEmpty(input.NewPassword) || input.NewPassword.Length < 8 || input.NewPassword.Length > Data.Schema.Password)
        {
            ModelState.AddModelError(nameof(input.NewPassword), "新密码应为 8 到 128 位。");
        }
        else if (input.NewPassword != input.ConfirmPassword)
        {
            ModelState.AddModelError(nameof(input.ConfirmPassword), "两次输入的新密码不一致。");
        }
        else
        {
            var errors = await passwordReset.ResetAsync(input.User, input.Token, input.NewPassword, HttpContext.RequestAborted);
            if (errors.Count == 0)
            {
                TempData[StatusMessage.Key] = "密码已重置，请用新密码登录。";
                return Redirect("/account/sign-in");
            }

            foreach (var error in errors)
            {
                ModelState.AddModelError(nameof(input.NewPassword), error);
            }
        }

        return View(new ResetPasswordInput { User = input.User, Token = input.Token });
    }

    private IActionResult RedirectToLocal(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl)
            ? LocalRedirect(returnUrl)
            : RedirectToAction("Index", "Home");
}
