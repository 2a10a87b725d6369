using System.Globalization;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CampaignPortal.Web.Features.Account;

/// <summary>
/// 通过邮箱重置密码: a link valid one hour and usable once (the token carries the security stamp, which the reset
/// changes), built from <c>Site:BaseUrl</c> — never from the request's Host header. Whether an account exists is never
/// revealed; at most one e-mail per address every five minutes.
/// </summary>
public sealed class PasswordResetService(
    UserManager<ApplicationUser> users, AppDbContext db, OutboxService outbox, IOptions<SiteOptions> site, AuditLog audit, TimeProvider clock)
{
    public const string Kind = "密码重置";

    public async Task RequestAsync(string? email, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > Schema.Email)
        {
            return;
        }

        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || user.IsDisabled || string.IsNullOrEmpty(user.Email))
        {
            return;
        }

        var recent = clock.GetUtcNow().AddMinutes(-5);
        if (await db.OutboxMessages.AnyAsync(m => m.Kind == Kind && m.To == user.Email && m.CreatedAt > recent, cancellationToken))
        {
            return;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = site.Value.BaseUrl.TrimEnd('/') + "/account/reset-password?user=" + Uri.EscapeDataString(user.Id) + "&token=" + Uri.EscapeDataString(token);
        var siteName = site.Value.Name;
        outbox.Enqueue(user.Email, $"{siteName}：重置密码", string.Create(CultureInfo.InvariantCulture,
            $"{user.DisplayName}：\n\n有人（可能是您本人）申请重置您在{siteName}的密码。请在 1 小时内打开下面的链接设置新密码，链接只能使用一次：\n{link}\n\n如果不是您本人申请，请忽略本邮件，您的密码不会改变。"),
            Kind, null, user.OrganisationId);
        audit.Record(AuditAction.UserPasswordReset, nameof(ApplicationUser), user.Id, "申请通过邮箱重置密码（已发送链接）", subjectOrganisationId: user.OrganisationId);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Errors as messages; none when the password was set.</summary>
    public async Task<IReadOnlyList<string>> ResetAsync(string? userId, string? token, string password, CancellationToken cancellationToken)
    {
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        if (user is null || user.IsDisabled || string.IsNullOrEmpty(token))
        {
            return ["链接无效或已失效，请重新申请重置密码。"];
        }

        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            return [.. result.Errors.Select(e => e.Code == "InvalidToken" ? "链接已过期或已使用过，请重新申请重置密码。" : e.Description)];
        }

        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await audit.WriteAsync(AuditAction.PasswordChanged, nameof(ApplicationUser), user.Id, "通过邮件链接重置密码", subjectOrganisationId: user.OrganisationId,
            cancellationToken: cancellationToken);
        return [];
    }
}
