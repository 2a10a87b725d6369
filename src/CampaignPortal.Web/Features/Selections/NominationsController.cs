using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Selections;

/// <summary>A participating unit's nominations (its filers).</summary>
[Authorize(Policy = Policies.FilerArea)]
public sealed class NominationsController(NominationService nominations, AppDbContext db, IValidator<NominationInput> validator, TimeProvider clock) : Controller
{
    private const string FormView = "~/Features/Selections/Views/Nominate.cshtml";

    [HttpGet("/my-selections")]
    public async Task<IActionResult> Index() => View("~/Features/Selections/Views/Mine.cshtml", await nominations.OpenToUnitAsync(HttpContext.RequestAborted));

    [HttpGet("/selections/{id:int}/my-nominations")]
    public async Task<IActionResult> Mine(int id)
    {
        var ct = HttpContext.RequestAborted;
        if (await nominations.UnitSelectionAsync(id, ct) is not { } s)
        {
            return NotFound();
        }

        var unit = User.OrganisationId() ?? 0;
        var rows = await SelectionReadService.NominationsAsync(db.Nominations.Where(n => n.SelectionId == id && n.OrganisationId == unit), ct);
        return View("~/Features/Selections/Views/MyNominations.cshtml", new MyNominationsViewModel(id, s.Title, s.Eligibility, s.NominationOpens, s.NominationCloses,
            s.IsNominationOpen(ChinaTime.Today(clock)), s.QuotaPerUnit, rows.Count(r => r.Status != NominationStatus.Draft), rows));
    }

    [HttpGet("/selections/{id:int}/my-nominations/create")]
    public async Task<IActionResult> Create(int id) =>
        await FormAsync(id, null, new NominationInput()) is { } model ? View(FormView, model) : NotFound();

    [HttpPost("/selections/{id:int}/my-nominations/create")]
    public Task<IActionResult> Create(int id, NominationInput input, bool submit) => Save(id, null, input, submit);

    [HttpGet("/nominations/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id)
    {
        var ct = HttpContext.RequestAborted;
        if (await nominations.OwnAsync(id, ct) is not { } n)
        {
            return NotFound();
        }

        var input = new NominationInput
        {
            Name = n.Name,
            Gender = n.Gender,
            BirthYear = n.BirthYear,
            CandidateOrganisation = n.CandidateOrganisation,
            Title = n.Title,
            GroupId = n.GroupId,
            Achievements = n.Achievements,
            UnitOpinion = n.UnitOpinion,
        };
        return View(FormView, (await FormAsync(n.SelectionId, n, input))!);
    }

    [HttpPost("/nominations/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, NominationInput input, bool submit) =>
        await nominations.OwnAsync(id, HttpContext.RequestAborted) is { } n ? await Save(n.SelectionId, n, input, submit) : NotFound();

    [HttpPost("/nominations/{id:int}/withdraw")]
    public async Task<IActionResult> Withdraw(int id)
    {
        var ct = HttpContext.RequestAborted;
        if (await nominations.OwnAsync(id, ct) is not { } n)
        {
            return NotFound();
        }

        await nominations.WithdrawAsync(id, ct);
        TempData[StatusMessage.Key] = $"已撤回对{n.Name}的推荐，可修改后重新提交。";
        return Redirect($"/nominations/{id}/edit");
    }

    private async Task<IActionResult> Save(int selectionId, Nomination? existing, NominationInput input, bool submit)
    {
        var ct = HttpContext.RequestAborted;
        if (await FormAsync(selectionId, existing, input) is not { } model)
        {
            return NotFound();
        }

        if (await validator.ValidateIntoAsync(input, ModelState, ct))
        {
            var result = await nominations.SaveAsync(selectionId, existing?.Id, input, submit, ct);
            if (result.Succeeded)
            {
                TempData[StatusMessage.Key] = submit ? $"已提交对{input.Name.Trim()}的推荐，等待资格审查。" : "推荐表已保存为草稿。";
                return Redirect($"/selections/{selectionId}/my-nominations");
            }

            result.CopyErrorsTo(ModelState);
        }

        return View(FormView, model);
    }

    private async Task<NominationFormViewModel?> FormAsync(int selectionId, Nomination? existing, NominationInput input)
    {
        if (await nominations.UnitSelectionAsync(selectionId, HttpContext.RequestAborted) is not { } s)
        {
            return null;
        }

        var files = existing is null ? [] : await NominationFileService.ListAsync(db.Set<NominationFile>().Where(f => f.NominationId == existing.Id), HttpContext.RequestAborted);
        return new NominationFormViewModel(selectionId, s.Title, existing?.Id, existing?.Status ?? NominationStatus.Draft, s.IsNominationOpen(ChinaTime.Today(clock)),
            [.. s.Groups.OrderBy(g => g.Order).Select(g => new GroupRow(g.Id, g.Name))], input, existing?.RejectionReason, files);
    }
}
