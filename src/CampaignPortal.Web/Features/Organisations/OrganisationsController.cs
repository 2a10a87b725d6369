using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CampaignPortal.Web.Features.Organisations;

[Authorize(Policy = Policies.AdminArea)]
[Route("admin/organisations")]
public sealed class OrganisationsController(OrganisationAdminService organisations, IValidator<OrganisationInput> validator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, bool inactive = false) =>
        View(await organisations.TreeAsync(q, inactive, HttpContext.RequestAborted));

    [HttpGet("create")]
    public async Task<IActionResult> Create(int? parentId) =>
        View("Form", new OrganisationFormViewModel(null, new OrganisationInput { ParentId = parentId }, await organisations.PickerAsync(HttpContext.RequestAborted), false));

    [HttpPost("create")]
    public async Task<IActionResult> Create(OrganisationInput input)
    {
        var ct = HttpContext.RequestAborted;
        if (await validator.ValidateIntoAsync(input, ModelState, ct))
        {
            var result = await organisations.CreateAsync(input, ct);
            if (result.Succeeded)
            {
                TempData[StatusMessage.Key] = $"已新建单位“{input.Name.Trim()}”。";
                return RedirectToAction(nameof(Index));
            }

            result.CopyErrorsTo(ModelState);
        }

        return View("Form", new OrganisationFormViewModel(null, input, await organisations.PickerAsync(ct), false));
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id)
    {
        var ct = HttpContext.RequestAborted;
        if (await organisations.FindAsync(id, ct) is not { } o)
        {
            return NotFound();
        }

        var input = new OrganisationInput { ParentId = o.ParentId, Name = o.Name, ShortName = o.ShortName, Kind = o.Kind, Phone = o.Phone, Address = o.Address };
        return View("Form", new OrganisationFormViewModel(id, input, [], await organisations.IsScopeRootAsync(id, ct)));
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, OrganisationInput input)
    {
        var ct = HttpContext.RequestAborted;
        if (await validator.ValidateIntoAsync(input, ModelState, ct))
        {
            var result = await organisations.UpdateAsync(id, input, ct);
            if (!result.Found)
            {
                return NotFound();
            }

            if (result.Succeeded)
            {
                TempData[StatusMessage.Key] = $"已保存“{input.Name.Trim()}”的单位信息。";
                return RedirectToAction(nameof(Index));
            }

            result.CopyErrorsTo(ModelState);
        }
        else if (await organisations.FindAsync(id, ct) is null)
        {
            return NotFound();
        }

        return View("Form", new OrganisationFormViewModel(id, input, [], await organisations.IsScopeRootAsync(id, ct)));
    }

    [HttpGet("{id:int}/move")]
    public async Task<IActionResult> Move(int id) => await MoveView(id, new MoveOrganisationInput());

    [HttpPost("{id:int}/move")]
    public async Task<IActionResult> Move(int id, MoveOrganisationInput input)
    {
        var result = await organisations.MoveAsync(id, input.NewParentId, HttpContext.RequestAborted);
        if (!result.Found)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            TempData[StatusMessage.Key] = "已调整上级单位。";
            return RedirectToAction(nameof(Index));
        }

        result.CopyErrorsTo(ModelState);
        return await MoveView(id, input);
    }

    [HttpGet("{id:int}/deactivate")]
    public Task<IActionResult> ConfirmDeactivate(int id) => ConfirmView(id, activate: false);

    [HttpGet("{id:int}/activate")]
    public Task<IActionResult> ConfirmActivate(int id) => ConfirmView(id, activate: true);

    [HttpPost("{id:int}/deactivate")]
    public Task<IActionResult> Deactivate(int id) => SetActive(id, activate: false);

    [HttpPost("{id:int}/activate")]
    public Task<IActionResult> Activate(int id) => SetActive(id, activate: true);

    private async Task<IActionResult> SetActive(int id, bool activate)
    {
        var result = await organisations.SetActiveAsync(id, activate, HttpContext.RequestAborted);
        if (!result.Found)
        {
            return NotFound();
        }

        TempData[StatusMessage.Key] = activate ? "已启用该单位。" : "已停用该单位，它不再出现在单位选择列表中。";
        return RedirectToAction(nameof(Index), new { inactive = true });
    }

    private async Task<IActionResult> ConfirmView(int id, bool activate) =>
        await organisations.ConfirmActiveAsync(id, activate, HttpContext.RequestAborted) is { } model ? View("ConfirmActive", model) : NotFound();

    private async Task<IActionResult> MoveView(int id, MoveOrganisationInput input)
    {
        var ct = HttpContext.RequestAborted;
        if (await organisations.FindAsync(id, ct) is not { } o)
        {
            return NotFound();
        }

        var parent = o.ParentId is { } p ? (await organisations.FindAsync(p, ct))?.Name : null;
        return View("Move", new MoveOrganisationViewModel(id, o.Name, parent, input, await organisations.PickerAsync(ct, excludeSubtreeOf: id)));
    }
}
