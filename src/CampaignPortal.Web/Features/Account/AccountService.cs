using System.Security.Claims;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Security;
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
    private static readonly string TimingDummyHash = new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), "timing-dummy");

    public async Task<SignInOutcome> SignInAsync(string email, string password)
    {
        var user = await userManager.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            // Spend the same hashing time as for a real account, so timing does not tell which e-mails exist.
            userManager.PasswordHasher.VerifyHashedPassword(new ApplicationUser(), TimingDummyHash, password);
            await audit.WriteAsync(AuditAction.SignInFailed, detail: "账号不存在", actor: new AuditActor(null, email.Trim(), null));
            LogSignInFailed(logger, email);
            return SignInOutcome.Failed;
        }

        var actor = new AuditActor(user.Id, user.Email, user.OrganisationId);
        var result = await signInManager.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditAction.SignIn, nameof(ApplicationUser), user.Id, actor: actor, subjectOrganisationId: user.OrganisationId);
            LogSignedIn(logger, user.Id);
            return SignInOutcome.Succeeded;
        }

        if (result.IsLockedOut)
        {
            await audit.WriteAsync(AuditAction.LockedOut, nameof(ApplicationUser), user.Id, "登录失败次数过多，账号锁定", actor, user.OrganisationId);
            LogLockedOut(logger, user.Id);
            return SignInOutcome.LockedOut;
        }

        var outcome = result.IsNotAllowed ? SignInOutcome.NotAllowed : SignInOutcome.Failed;
        await audit.WriteAsync(AuditAction.SignInFailed, nameof(ApplicationUser), user.Id,
            outcome == SignInOutcome.NotAllowed ? "账号已停用" : "密码错误", actor, user.OrganisationId);
        LogSignInFailed(logger, email);
        return outcome;
    }

    public async Task SignOutAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated == true)
        {
            await audit.WriteAsync(AuditAction.SignOut, nameof(ApplicationUser), userManager.GetUserId(principal),
                subjectOrganisationId: principal.OrganisationId());
        }

        await signInManager.SignOutAsync();
    }

    public async Task<IdentityResult> ChangePasswordAsync(ClaimsPrincipal principal, string currentPassword, string newPassword)
    {
        var user = await userManager.GetUserAsync(principal)
            ?? throw new InvalidOperationException("The signed-in user no longer exists.");
        // Cleared before the change so that one update saves the new password and the flag together.
        var wasForced = user.MustChangePassword;
        user.MustChangePassword = false;
        var result = await userManager.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded)
        {
            user.MustChangePassword = wasForced;
            return result;
        }

        await audit.WriteAsync(AuditAction.PasswordChanged, nameof(ApplicationUser), user.Id, subjectOrganisationId: user.OrganisationId);
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
