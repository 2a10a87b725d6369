using System.Security.Claims;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace CampaignPortal.Web.Features.Account;

public enum SignInOutcome
{
    Succeeded,
    Failed,
    LockedOut,
    NotAllowed,
}

/// <summary>Sign-in, sign-out and password change, each written to the audit trail.</summary>
public sealed partial class AccountService(
    SignInManager<ApplicationUser> signInManager,
    UserManager<ApplicationUser> userManager,
    AuditLog audit,
    ILogger<AccountService> logger)
{
    public async Task<SignInOutcome> SignInAsync(string email, string password)
    {
        var user = await userManager.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            await audit.WriteAsync(AuditAction.SignInFailed, detail: "账号不存在", actor: new AuditActor(null, email.Trim(), null));
            LogSignInFailed(logger, email);
            return SignInOutcome.Failed;
        }

        var actor = new AuditActor(user.Id, user.Email, user.OrganisationId);
        var result = await signInManager.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditAction.SignIn, nameof(ApplicationUser), user.Id, actor: actor);
            LogSignedIn(logger, user.Id);
            return SignInOutcome.Succeeded;
        }

        if (result.IsLockedOut)
        {
            await audit.WriteAsync(AuditAction.LockedOut, nameof(ApplicationUser), user.Id, "登录失败次数过多，账号锁定", actor);
            LogLockedOut(logger, user.Id);
            return SignInOutcome.LockedOut;
        }

        var outcome = result.IsNotAllowed ? SignInOutcome.NotAllowed : SignInOutcome.Failed;
        await audit.WriteAsync(AuditAction.SignInFailed, nameof(ApplicationUser), user.Id,
            outcome == SignInOutcome.NotAllowed ? "账号不允许登录" : "密码错误", actor);
        LogSignInFailed(logger, email);
        return outcome;
    }

    public async Task SignOutAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated == true)
        {
            await audit.WriteAsync(AuditAction.SignOut, nameof(ApplicationUser), userManager.GetUserId(principal));
        }

        await signInManager.SignOutAsync();
    }

    public async Task<IdentityResult> ChangePasswordAsync(ClaimsPrincipal principal, string currentPassword, string newPassword)
    {
        var user = await userManager.GetUserAsync(principal)
            ?? throw new InvalidOperationException("The signed-in user no longer exists.");
        var result = await userManager.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded)
        {
            return result;
        }

        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            var update = await userManager.UpdateAsync(user);
            if (!update.Succeeded)
            {
                return update;
            }
        }

        await audit.WriteAsync(AuditAction.PasswordChanged, nameof(ApplicationUser), user.Id);
        await signInManager.RefreshSignInAsync(user);
        LogPasswordChanged(logger, user.Id);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} signed in")]
    private static partial void LogSignedIn(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed sign-in for {Email}")]
    private static partial void LogSignInFailed(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId} locked out after repeated failures")]
    private static partial void LogLockedOut(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} changed their password")]
    private static partial void LogPasswordChanged(ILogger logger, string userId);
}
