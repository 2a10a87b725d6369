using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CampaignPortal.Web.Features.Users;

/// <summary>
/// Accounts of the admin's subtree. One-time passwords are rendered in the response to the POST that made them
/// (never redirected through a cookie or stored in clear), so they are shown exactly once.
/// </summary>
[Authorize(Policy = Policies.AdminArea)]
[Route("admin/users")]
public sealed class UsersController(UserAdminService users, UserExport export, IValidator<UserInput> validator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(UserListQuery query) => View(await users.ListAsync(query, HttpContext.RequestAborted));

    [HttpGet("export")]
    public async Task<IActionResult> Export(UserListQuery query)
    {
        var rows = await users.ExportRowsAsync(query, HttpContext.RequestAborted);
        var bytes = await export.ToXlsxAsync(rows, HttpContext.RequestAborted);
        return File(bytes, UserExport.ContentType, $"账号列表-{DateTimeOffset.UtcNow.ToChina():yyyyMMdd}.xlsx");
    }

    [HttpGet("create")]
    public async Task<IActionResult> Create(int? organisationId) =>
        View("Form", new UserFormViewModel(null, new UserInput { OrganisationId = organisationId, Roles = [Roles.Filer] },
            await users.OrganisationOptionsAsync(HttpContext.RequestAborted), false));

    [HttpPost("create")]
    public async Task<IActionResult> Create(UserInput input)
    {
        var ct = HttpContext.RequestAborted;
        if (await validator.ValidateIntoAsync(input, ModelState, ct))
        {
            var (result, password) = await users.CreateAsync(input, ct);
            if (result.Succeeded)
            {
                return View("Passwords", new OneTimePasswordViewModel("账号已创建", [password!]));
            }

            result.CopyErrorsTo(ModelState);
        }

        return View("Form", new UserFormViewModel(null, input, await users.OrganisationOptionsAsync(ct), false));
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Details(string id) =>
        await users.DetailAsync(id, HttpContext.RequestAborted) is { } model ? View(model) : NotFound();

    [HttpGet("{id}/edit")]
    public async Task<IActionResult> Edit(string id)
    {
        var ct = HttpContext.RequestAborted;
        return await users.InputForAsync(id, ct) is { } input
            ? View("Form", new UserFormViewModel(id, input, await users.OrganisationOptionsAsync(ct, input.OrganisationId), users.IsSelf(id)))
            : NotFound();
    }

    [HttpPost("{id}/edit")]
    public async Task<IActionResult> Edit(string id, UserInput input)
    {
        var ct = HttpContext.RequestAborted;
        var existing = await users.InputForAsync(id, ct);
        if (existing is null)
        {
            return NotFound();
        }

        input.Email = existing.Email; // The e-mail is the sign-in name: not changed here.
        if (await validator.ValidateIntoAsync(input, ModelState, ct))
        {
            var result = await users.UpdateAsync(id, input, ct);
            if (result.Succeeded)
            {
                TempData[StatusMessage.Key] = $"已保存账号 {existing.Email}。";
                return RedirectToAction(nameof(Details), new { id });
            }

            result.CopyErrorsTo(ModelState);
        }

        return View("Form", new UserFormViewModel(id, input, await users.OrganisationOptionsAsync(ct, existing.OrganisationId), users.IsSelf(id)));
    }

    [HttpGet("{id}/confirm/{operation:regex(^(disable|reset-password)$)}")]
    public async Task<IActionResult> Confirm(string id, string operation) =>
        await users.DetailAsync(id, HttpContext.RequestAborted) is { } model
            ? View("Confirm", new UserConfirmViewModel(model.User, operation))
            : NotFound();

    [HttpPost("{id}/disable")]
    public Task<IActionResult> Disable(string id) => Done(users.SetDisabledAsync(id, true, HttpContext.RequestAborted), id, "账号已停用，该账号的登录状态将在一分钟内失效。");

    [HttpPost("{id}/enable")]
    public Task<IActionResult> Enable(string id) => Done(users.SetDisabledAsync(id, false, HttpContext.RequestAborted), id, "账号已启用。");

    [HttpPost("{id}/unlock")]
    public Task<IActionResult> Unlock(string id) => Done(users.UnlockAsync(id, HttpContext.RequestAborted), id, "已解除锁定，该账号可以重新登录。");

    [HttpPost("{id}/reset-password")]
    public async Task<IActionResult> ResetPassword(string id)
    {
        var (result, password) = await users.ResetPasswordAsync(id, HttpContext.RequestAborted);
        return result.Found ? View("Passwords", new OneTimePasswordViewModel("密码已重置", [password!])) : NotFound();
    }

    private async Task<IActionResult> Done(Task<CommandResult> command, string id, string message)
    {
        if (!(await command).Found)
        {
            return NotFound();
        }

        TempData[StatusMessage.Key] = message;
        return RedirectToAction(nameof(Details), new { id });
    }
}

public sealed record UserConfirmViewModel(UserRow User, string Operation);
