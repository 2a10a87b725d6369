using CampaignPortal.Web.Data;
using CampaignPortal.Web.Data.Seeding;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Features.Organisations;
using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Users;

/// <summary>Account administration within the signed-in admin's subtree. Accounts outside it are "not found".</summary>
public sealed partial class UserAdminService(
    AppDbContext db,
    UserManager<ApplicationUser> userManager,
    CurrentUser currentUser,
    OrganisationAdminService organisations,
    AuditLog audit,
    TimeProvider clock,
    ILogger<UserAdminService> logger)
{
    public const int PageSize = 20;

    public async Task<UserListViewModel> ListAsync(UserListQuery query, CancellationToken cancellationToken)
    {
        var filtered = await FilteredAsync(query, cancellationToken);
        var total = await filtered.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var rows = await ProjectAsync(filtered.OrderBy(u => u.OrganisationId).ThenBy(u => u.Email).Skip((page - 1) * PageSize).Take(PageSize), cancellationToken);
        return new UserListViewModel(query, rows, total, page, pageCount, await organisations.PickerAsync(cancellationToken));
    }

    /// <summary>Every account the filters select (no paging), for the Excel export.</summary>
    public async Task<IReadOnlyList<UserRow>> ExportRowsAsync(UserListQuery query, CancellationToken cancellationToken) =>
        await ProjectAsync((await FilteredAsync(query, cancellationToken)).OrderBy(u => u.OrganisationId).ThenBy(u => u.Email), cancellationToken);

    public async Task<ApplicationUser?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var scope = await currentUser.GetOrganisationAsync(cancellationToken);
        return await db.Users.WithinSubtree(scope.Path).Include(u => u.Organisation).SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
    }

    public async Task<UserDetailViewModel?> DetailAsync(string id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } user)
        {
            return null;
        }

        var row = (await ProjectAsync(db.Users.Where(u => u.Id == user.Id), cancellationToken)).Single();
        return new UserDetailViewModel(row, user.Id == currentUser.UserId, user.LockoutEnd > clock.GetUtcNow() ? user.LockoutEnd : null);
    }

    public async Task<(CommandResult Result, IssuedPassword? Password)> CreateAsync(UserInput input, CancellationToken cancellationToken)
    {
        if (await ResolveOrganisationAsync(input.OrganisationId, cancellationToken) is not { } organisation)
        {
            return (CommandResult.Invalid(nameof(input.OrganisationId), "请选择您管理范围内、处于启用状态的单位。"), null);
        }

        var email = input.Email.Trim();
        if (await userManager.FindByEmailAsync(email) is not null)
        {
            return (CommandResult.Invalid(nameof(input.Email), $"电子邮箱“{email}”已有账号。"), null);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (user, password, errors) = await CreateUserAsync(email, input.DisplayName, input.Phone, organisation, input.Roles);
        if (user is null)
        {
            return (CommandResult.Invalid(errors.Select(e => new KeyValuePair<string, string>(nameof(input.Email), e))), null);
        }

        await transaction.CommitAsync(cancellationToken);
        return (CommandResult.Ok(), new IssuedPassword(email, user.DisplayName, organisation.Name, password));
    }

    /// <summary>
    /// Creates one account with a one-time password inside the caller's transaction. A random password can, rarely,
    /// contain the e-mail name; then another is drawn.
    /// </summary>
    internal async Task<(ApplicationUser? User, string Password, IReadOnlyList<string> Errors)> CreateUserAsync(
        string email, string displayName, string? phone, Organisation organisation, IEnumerable<string> roles)
    {
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName.Trim(),
            PhoneNumber = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim(),
            OrganisationId = organisation.Id,
            MustChangePassword = true,
            CreatedAt = clock.GetUtcNow(),
        };
        IdentityResult created = IdentityResult.Failed();
        var password = string.Empty;
        for (var attempt = 0; attempt < 5 && !created.Succeeded; attempt++)
        {
            password = OneTimePassword.Generate();
            created = await userManager.CreateAsync(user, password);
            if (!created.Succeeded && created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" or "InvalidUserName"))
            {
                break;
            }
        }

        if (!created.Succeeded)
        {
            return (null, string.Empty, created.Errors.Select(e => e.Description).Distinct().ToList());
        }

        var roleList = roles.Where(r => Roles.All.Contains(r)).Distinct().ToList();
        if (roleList.Count > 0)
        {
            await userManager.AddToRolesAsync(user, roleList);
        }

        audit.Record(AuditAction.UserCreated, nameof(ApplicationUser), user.Id,
            $"新建账号 {email}（{organisation.Name}），角色：{RoleNames(roleList)}", subjectOrganisationId: organisation.Id);
        await db.SaveChangesAsync();
        LogUserChange(logger, "created", user.Id);
        return (user, password, []);
    }

    public async Task<CommandResult> UpdateAsync(string id, UserInput input, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } user)
        {
            return CommandResult.NotFound;
        }

        if (await ResolveOrganisationAsync(input.OrganisationId, cancellationToken, allowInactive: user.OrganisationId) is not { } organisation)
        {
            return CommandResult.Invalid(nameof(input.OrganisationId), "请选择您管理范围内、处于启用状态的单位。");
        }

        var isSelf = user.Id == currentUser.UserId;
        await RefusePeerAdministratorAsync(user, cancellationToken);
        var current = await userManager.GetRolesAsync(user);
        var wanted = input.Roles.Where(r => Roles.All.Contains(r)).Distinct().ToList();
        if (isSelf && current.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin))
        {
            return CommandResult.Invalid(nameof(input.Roles), "不能取消自己的系统管理员角色，以免无人管理本单位。");
        }

        if (isSelf && organisation.Id != user.OrganisationId)
        {
            return CommandResult.Invalid(nameof(input.OrganisationId), "不能更改自己的所属单位。");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user.DisplayName = input.DisplayName.Trim();
        user.PhoneNumber = string.IsNullOrWhiteSpace(input.Phone) ? null : input.Phone.Trim();
        user.OrganisationId = organisation.Id;
        var removed = current.Except(wanted).ToList();
        var added = wanted.Except(current).ToList();
        var steps = new List<Func<Task<IdentityResult>>> { () => userManager.UpdateAsync(user) };
        if (removed.Count > 0)
        {
            steps.Add(() => userManager.RemoveFromRolesAsync(user, removed));
        }

        if (added.Count > 0)
        {
            steps.Add(() => userManager.AddToRolesAsync(user, added));
        }

        if (removed.Count + added.Count > 0)
        {
            // The roles live in the sign-in cookie: a new stamp makes open sessions pick up the change.
            steps.Add(() => userManager.UpdateSecurityStampAsync(user));
        }

        foreach (var step in steps)
        {
            var result = await step();
            if (!result.Succeeded)
            {
                // Not committed: the transaction rolls back when disposed.
                return CommandResult.Invalid(result.Errors.Select(e => new KeyValuePair<string, string>(string.Empty, e.Description)));
            }
        }

        audit.Record(AuditAction.UserUpdated, nameof(ApplicationUser), user.Id,
            $"修改账号 {user.Email}：单位 {organisation.Name}，角色 {RoleNames(wanted)}", subjectOrganisationId: organisation.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogUserChange(logger, "updated", user.Id);
        return CommandResult.Ok();
    }

    public async Task<CommandResult> SetDisabledAsync(string id, bool disabled, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } user)
        {
            return CommandResult.NotFound;
        }

        if (disabled && user.Id == currentUser.UserId)
        {
            throw new DomainException("不能停用自己的账号。");
        }

        await RefusePeerAdministratorAsync(user, cancellationToken);

        if (disabled)
        {
            user.Disable();
        }
        else
        {
            user.Enable();
        }

        audit.Record(disabled ? AuditAction.UserDisabled : AuditAction.UserEnabled, nameof(ApplicationUser), user.Id,
            $"{(disabled ? "停用" : "启用")}账号 {user.Email}", subjectOrganisationId: user.OrganisationId);

        // A new stamp ends the account's open sessions at their next check (within a minute).
        await userManager.UpdateSecurityStampAsync(user);
        LogUserChange(logger, disabled ? "disabled" : "enabled", user.Id);
        return CommandResult.Ok();
    }

    public async Task<CommandResult> UnlockAsync(string id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } user)
        {
            return CommandResult.NotFound;
        }

        if (user.LockoutEnd is null || user.LockoutEnd <= clock.GetUtcNow())
        {
            throw new DomainException("该账号没有被锁定。");
        }

        audit.Record(AuditAction.UserUnlocked, nameof(ApplicationUser), user.Id, $"解除账号 {user.Email} 的锁定", subjectOrganisationId: user.OrganisationId);
        await userManager.SetLockoutEndDateAsync(user, null);
        await userManager.ResetAccessFailedCountAsync(user);
        LogUserChange(logger, "unlocked", user.Id);
        return CommandResult.Ok();
    }

    public async Task<(CommandResult Result, IssuedPassword? Password)> ResetPasswordAsync(string id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } user)
        {
            return (CommandResult.NotFound, null);
        }

        await RefusePeerAdministratorAsync(user, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var token = await userManager.GeneratePasswordResetTokenAsync(user);
        IdentityResult result = IdentityResult.Failed();
        var password = string.Empty;
        for (var attempt = 0; attempt < 5 && !result.Succeeded; attempt++)
        {
            password = OneTimePassword.Generate();
            user.MustChangePassword = true;
            result = await userManager.ResetPasswordAsync(user, token, password);
        }

        if (!result.Succeeded)
        {
            throw new InvalidOperationException("No one-time password satisfied the policy: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }

        await userManager.SetLockoutEndDateAsync(user, null);
        audit.Record(AuditAction.UserPasswordReset, nameof(ApplicationUser), user.Id, $"重置账号 {user.Email} 的密码", subjectOrganisationId: user.OrganisationId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogUserChange(logger, "password reset", user.Id);
        return (CommandResult.Ok(), new IssuedPassword(user.Email!, user.DisplayName, user.Organisation!.Name, password));
    }

    public async Task<UserInput?> InputForAsync(string id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } user)
        {
            return null;
        }

        return new UserInput
        {
            Email = user.Email!,
            DisplayName = user.DisplayName,
            Phone = user.PhoneNumber,
            OrganisationId = user.OrganisationId,
            Roles = [.. await userManager.GetRolesAsync(user)],
        };
    }

    public bool IsSelf(string id) => id == currentUser.UserId;

    public Task<IReadOnlyList<OrganisationOption>> OrganisationOptionsAsync(CancellationToken cancellationToken, int? alsoInclude = null) =>
        organisations.PickerAsync(cancellationToken, alsoInclude: alsoInclude);

    /// <summary>
    /// Administrators of the same organisation must not reset, disable or re-role each other: whoever could would take
    /// over the other's account. The administrator above them does it.
    /// </summary>
    private async Task RefusePeerAdministratorAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var scope = await currentUser.GetOrganisationAsync(cancellationToken);
        if (user.Id != currentUser.UserId && user.OrganisationId == scope.Id && await userManager.IsInRoleAsync(user, Roles.Admin))
        {
            throw new DomainException("本单位其他系统管理员的账号，请由上级单位的管理员重置密码、停用或修改角色。");
        }
    }

    internal static string RoleNames(IEnumerable<string> roles)
    {
        var names = roles.Select(Roles.ToChinese).ToList();
        return names.Count == 0 ? "无" : string.Join("、", names);
    }

    private async Task<Organisation?> ResolveOrganisationAsync(int? id, CancellationToken cancellationToken, int? allowInactive = null) =>
        id is { } organisationId && await organisations.FindAsync(organisationId, cancellationToken) is { } o && (o.IsActive || o.Id == allowInactive) ? o : null;

    private async Task<IQueryable<ApplicationUser>> FilteredAsync(UserListQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentUser.GetOrganisationAsync(cancellationToken);
        var users = db.Users.AsNoTracking().WithinSubtree(scope.Path);
        if (query.OrganisationId is { } organisationId)
        {
            var path = await db.Organisations.WithinSubtree(scope.Path).Where(o => o.Id == organisationId).Select(o => o.Path).SingleOrDefaultAsync(cancellationToken);
            users = path is null ? users.Where(_ => false) : users.WithinSubtree(path);
        }

        if (!string.IsNullOrWhiteSpace(query.Role) && Roles.All.Contains(query.Role))
        {
            var role = query.Role;
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        }

        users = query.Status switch
        {
            "active" => users.Where(u => !u.IsDisabled),
            "disabled" => users.Where(u => u.IsDisabled),
            _ => users,
        };
        if (query.Locked)
        {
            var now = clock.GetUtcNow();
            users = users.Where(u => u.LockoutEnd != null && u.LockoutEnd > now);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            var upper = q.ToUpperInvariant();
            users = users.Where(u => u.NormalizedEmail!.Contains(upper) || u.DisplayName.Contains(q));
        }

        return users;
    }

    private async Task<IReadOnlyList<UserRow>> ProjectAsync(IQueryable<ApplicationUser> users, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await users.Select(u => new
        {
            u.Id,
            u.Email,
            u.DisplayName,
            u.PhoneNumber,
            Organisation = u.Organisation!.Name,
            u.IsDisabled,
            IsLocked = u.LockoutEnd != null && u.LockoutEnd > now,
            u.MustChangePassword,
            u.CreatedAt,
        }).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var roles = (await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(x => x.UserId, x => x.Name!);
        return rows.Select(r => new UserRow(r.Id, r.Email!, r.DisplayName, r.PhoneNumber, r.Organisation,
            Roles.All.Where(roles[r.Id].Contains).ToList(), r.IsDisabled, r.IsLocked, r.MustChangePassword, r.CreatedAt)).ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} {Change}")]
    private static partial void LogUserChange(ILogger logger, string change, string userId);
}
