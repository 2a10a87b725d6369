using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CampaignPortal.Web.Features.Selections;

/// <summary>The organiser's selection pages: create and edit, experts, eligibility check, rounds and the final result.</summary>
[Authorize(Policy = Policies.OrganiserArea)]
public sealed class SelectionsController(
    SelectionService selections, RoundService rounds, SelectionReadService read, IValidator<SelectionInput> validator, IValidator<RoundInput> roundValidator) : Controller
{
    private const string FormView = "~/Features/Selections/Views/Form.cshtml";
    private const string ShowView = "~/Features/Selections/Views/Show.cshtml";
    private const string RoundFormView = "~/Features/Selections/Views/RoundForm.cshtml";
    private const string RoundView = "~/Features/Selections/Views/Round.cshtml";

    [HttpGet("/selections")]
    public async Task<IActionResult> Index(int? campaignId)
    {
        ViewData["Campaigns"] = await selections.OwnCampaignsAsync(HttpContext.RequestAborted);
        ViewData["CampaignFilter"] = campaignId;
        return View("~/Features/Selections/Views/Index.cshtml", await selections.ListAsync(HttpContext.RequestAborted, campaignId));
    }

    [HttpGet("/campaigns/{campaignId:int}/selections/create")]
    public async Task<IActionResult> Create(int campaignId) =>
        await selections.OwnCampaignTitleAsync(campaignId, HttpContext.RequestAborted) is { } title
            ? View(FormView, new SelectionFormViewModel(campaignId, title, null, new SelectionInput(), [])) : NotFound();

    [HttpPost("/campaigns/{campaignId:int}/selections/create")]
    public async Task<IActionResult> Create(int campaignId, SelectionInput input)
    {
        var ct = HttpContext.RequestAborted;
        if (await selections.OwnCampaignTitleAsync(campaignId, ct) is not { } title)
        {
            return NotFound();
        }

        if (await validator.ValidateIntoAsync(input, ModelState, ct))
        {
            var result = await selections.CreateAsync(campaignId, input, ct);
            TempData[StatusMessage.Key] = "评选已创建。请聘请评审专家；推荐开始后，填报单位即可推荐候选人。";
            return Redirect($"/selections/{result.Id}");
        }

        return View(FormView, new SelectionFormViewModel(campaignId, title, null, input, []));
    }

    [HttpGet("/selections/{id:int}")]
    public async Task<IActionResult> Show(int id) =>
        await selections.OwnAsync(id, HttpContext.RequestAborted) is { } s ? View(ShowView, await read.OverviewAsync(s, null, HttpContext.RequestAborted)) : NotFound();

    [HttpGet("/selections/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id)
    {
        var ct = HttpContext.RequestAborted;
        if (await selections.OwnAsync(id, ct) is not { } s)
        {
            return NotFound();
        }

        var input = new SelectionInput
        {
            Title = s.Title,
            Description = s.Description,
            Eligibility = s.Eligibility,
            NominationOpens = s.NominationOpens,
            NominationCloses = s.NominationCloses,
            QuotaPerUnit = s.QuotaPerUnit,
            Groups = string.Join('\n', s.Groups.OrderBy(g => g.Order).Select(g => g.Name)),
        };
        return View(FormView, new SelectionFormViewModel(s.CampaignId, (await selections.OwnCampaignTitleAsync(s.CampaignId, ct))!, id, input, [.. s.Groups.Select(g => g.Name)]));
    }

    [HttpPost("/selections/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, SelectionInput input)
    {
        var ct = HttpContext.RequestAborted;
        if (await selections.OwnAsync(id, ct) is not { } s)
        {
            return NotFound();
        }

        if (await validator.ValidateIntoAsync(input, ModelState, ct))
        {
            await selections.UpdateAsync(id, input, ct);
            TempData[StatusMessage.Key] = "评选信息已保存。";
            return Redirect($"/selections/{id}");
        }

        return View(FormView, new SelectionFormViewModel(s.CampaignId, (await selections.OwnCampaignTitleAsync(s.CampaignId, ct))!, id, input, [.. s.Groups.Select(g => g.Name)]));
    }

    [HttpPost("/selections/{id:int}/experts")]
    public async Task<IActionResult> GrantExpert(int id, string? email, int? groupId)
    {
        var ct = HttpContext.RequestAborted;
        var result = await selections.GrantExpertAsync(id, email, groupId, ct);
        if (!result.Found)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            TempData[StatusMessage.Key] = "已聘请为本评选的评审专家。";
            return Redirect($"/selections/{id}#experts");
        }

        result.CopyErrorsTo(ModelState);
        return View(ShowView, await read.OverviewAsync((await selections.OwnAsync(id, ct))!, email, ct));
    }

    [HttpPost("/selections/{id:int}/nominations/{nominationId:int}/check")]
    public async Task<IActionResult> Check(int id, int nominationId, bool pass, string? reason)
    {
        var result = await selections.CheckAsync(id, nominationId, pass, reason, HttpContext.RequestAborted);
        if (!result.Found)
        {
            return NotFound();
        }

        TempData[StatusMessage.Key] = result.Succeeded ? (pass ? "资格审查通过。" : "已标记为审查未通过，推荐单位将看到原因。") : result.Errors[0].Value;
        return Redirect($"/selections/{id}#nominations");
    }

    [HttpPost("/selections/{id:int}/result")]
    public async Task<IActionResult> Result(int id, List<int> winners, List<int> putForward)
    {
        var result = await selections.FinishAsync(id, winners.ToHashSet(), putForward.ToHashSet(), HttpContext.RequestAborted);
        if (!result.Found)
        {
            return NotFound();
        }

        TempData[StatusMessage.Key] = result.Succeeded ? "拟当选名单已确定。请发布公示，公示期满并处理异议后再确定最终结果。" : result.Errors[0].Value;
        return Redirect($"/selections/{id}#result");
    }

    [HttpGet("/selections/{id:int}/rounds/create")]
    public async Task<IActionResult> CreateRound(int id) =>
        await RoundFormAsync(id, null) is { } model ? View(RoundFormView, model) : NotFound();

    [HttpPost("/selections/{id:int}/rounds/create")]
    public async Task<IActionResult> CreateRound(int id, RoundInput input)
    {
        var ct = HttpContext.RequestAborted;
        if (await RoundFormAsync(id, input) is not { } model)
        {
            return NotFound();
        }

        if (await roundValidator.ValidateIntoAsync(input, ModelState, ct))
        {
            var result = await rounds.OpenAsync(id, input, ct);
            if (result.Succeeded)
            {
                TempData[StatusMessage.Key] = $"第{model.Number}轮“{input.Name.Trim()}”已开启。";
                return Redirect($"/selection-rounds/{result.Id}");
            }

            result.CopyErrorsTo(ModelState);
        }

        return View(RoundFormView, model);
    }

    [HttpGet("/selection-rounds/{id:int}")]
    public async Task<IActionResult> Round(int id, [FromServices] ScoringReadService scoring) =>
        await rounds.OwnAsync(id, HttpContext.RequestAborted) is not { } r ? NotFound()
        : r.IsScored ? View("~/Features/Selections/Views/ScoreRound.cshtml", await scoring.RoundAsync(r, HttpContext.RequestAborted))
        : View(RoundView, await read.RoundAsync(r, HttpContext.RequestAborted));

    [HttpPost("/selection-rounds/{id:int}/end")]
    public Task<IActionResult> EndVoting(int id, string? reason) =>
        RoundDone(id, rounds.EndVotingAsync(id, reason, HttpContext.RequestAborted), "本轮评审已结束，结果已统计。");

    [HttpPost("/selection-rounds/{id:int}/ties")]
    public Task<IActionResult> ResolveTies(int id, List<int> chosen, bool wholeTies) =>
        RoundDone(id, rounds.ResolveTiesAsync(id, chosen.ToHashSet(), wholeTies, HttpContext.RequestAborted), "并列人选已确定，本轮结束。");

    // POST /selection-rounds/{id}/meeting (with the minutes' upload) is in SelectionUpkeepController.
    private async Task<IActionResult> RoundDone(int id, Task<CommandResult> command, string message)
    {
        var result = await command;
        if (!result.Found)
        {
            return NotFound();
        }

        TempData[StatusMessage.Key] = result.Succeeded ? message : result.Errors[0].Value;
        return Redirect($"/selection-rounds/{id}");
    }

    private async Task<RoundFormViewModel?> RoundFormAsync(int id, RoundInput? input)
    {
        var ct = HttpContext.RequestAborted;
        if (await selections.OwnAsync(id, ct) is not { } s)
        {
            return null;
        }

        var overview = await read.OverviewAsync(s, null, ct);
        var candidates = overview.Rounds.Count > 0 ? overview.Rounds[^1].Advancing : overview.Nominations.Count(n => n.Status == Domain.NominationStatus.Eligible);
        var experts = overview.Experts;
        return new RoundFormViewModel(id, s.Title, overview.Rounds.Count + 1, candidates, s.Groups.Count > 1, experts,
            input ?? new RoundInput { Name = overview.Rounds.Count == 0 ? "初评" : "复评", ExpertIds = [.. experts.Select(e => e.Id)], Numerator = 2, Denominator = 5, Criteria = ScoringDefaults.Criteria() });
    }
}
