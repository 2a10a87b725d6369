using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CampaignPortal.Web.Features.Campaigns;

/// <summary>The organiser's campaigns: create, describe, templates, participants.</summary>
[Authorize(Policy = Policies.OrganiserArea)]
public sealed class CampaignsController(CampaignService campaigns, ForwardingService forwarding, IValidator<CampaignInput> validator) : Controller
{
    [HttpGet("/organiser")]
    public async Task<IActionResult> Index() =>
        View(new CampaignListViewModel(await campaigns.ListAsync(HttpContext.RequestAborted), await forwarding.ParentsAsync(HttpContext.RequestAborted)));

    [HttpGet("/campaigns/{id:int}/forward")]
    public async Task<IActionResult> Forward(int id) =>
        await forwarding.FormAsync(id, null, HttpContext.RequestAborted) is { } model ? View("Forward", model) : NotFound();

    [HttpPost("/campaigns/{id:int}/forward")]
    public async Task<IActionResult> Forward(int id, ForwardInput input)
    {
        var result = await forwarding.ForwardAsync(id, input, HttpContext.RequestAborted);
        if (!result.Found)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            result.CopyErrorsTo(ModelState);
            return View("Forward", await forwarding.FormAsync(id, input, HttpContext.RequestAborted));
        }

        TempData[StatusMessage.Key] = "已转发：本单位的活动和转发通知草稿已建立。请修改通知、选择主送单位后发布。";
        return Redirect($"/notices/{result.Id}/edit");
    }

    [HttpGet("/campaigns/create")]
    public IActionResult Create() => View("Form", new CampaignFormViewModel(null, campaigns.NewInput()));

    [HttpPost("/campaigns/create")]
    public async Task<IActionResult> Create(CampaignInput input)
    {
        if (await validator.ValidateIntoAsync(input, ModelState, HttpContext.RequestAborted))
        {
            var result = await campaigns.CreateAsync(input, HttpContext.RequestAborted);
            TempData[StatusMessage.Key] = "活动已创建。下一步：撰写并发布活动通知。";
            return Redirect($"/campaigns/{result.Id}");
        }

        return View("Form", new CampaignFormViewModel(null, input));
    }

    [HttpGet("/campaigns/{id:int}")]
    public async Task<IActionResult> Show(int id) =>
        await campaigns.PageAsync(id, HttpContext.RequestAborted) is { } model
            ? View(model with { Forwarded = await forwarding.ForwardedAsync(id, HttpContext.RequestAborted) })
            : NotFound();

    [HttpGet("/campaigns/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id) =>
        await campaigns.FindAsync(id, HttpContext.RequestAborted) is { } c ? View("Form", new CampaignFormViewModel(id, CampaignService.InputFor(c))) : NotFound();

    [HttpPost("/campaigns/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CampaignInput input)
    {
        if (await campaigns.FindAsync(id, HttpContext.RequestAborted) is null)
        {
            return NotFound();
        }

        if (await validator.ValidateIntoAsync(input, ModelState, HttpContext.RequestAborted))
        {
            var result = await campaigns.UpdateAsync(id, input, HttpContext.RequestAborted);
            if (result.Succeeded)
            {
                TempData[StatusMessage.Key] = "活动信息已保存。";
                return Redirect($"/campaigns/{id}");
            }

            result.CopyErrorsTo(ModelState);
        }

        return View("Form", new CampaignFormViewModel(id, input));
    }

    [HttpPost("/campaigns/{id:int}/copy")]
    public async Task<IActionResult> Copy(int id)
    {
        var result = await campaigns.CopyForNextYearAsync(id, HttpContext.RequestAborted);
        if (!result.Found)
        {
            return NotFound();
        }

        TempData[StatusMessage.Key] = "已复制为下一年度的活动草稿（日期顺延一年，通知为草稿）。请逐项核对后再发布。";
        return Redirect($"/campaigns/{result.Id}");
    }

    [HttpGet("/campaigns/{id:int}/close")]
    public async Task<IActionResult> ConfirmClose(int id) =>
        await campaigns.FindAsync(id, HttpContext.RequestAborted) is { } c ? View("ConfirmClose", c) : NotFound();

    [HttpPost("/campaigns/{id:int}/close")]
    public async Task<IActionResult> Close(int id)
    {
        if (!(await campaigns.CloseAsync(id, HttpContext.RequestAborted)).Found)
        {
            return NotFound();
        }

        TempData[StatusMessage.Key] = "活动已结束，不能再修改。";
        return Redirect($"/campaigns/{id}");
    }

    [HttpPost("/campaigns/{id:int}/participants")]
    public async Task<IActionResult> AddParticipants(int id, List<int> organisationIds)
    {
        var result = await campaigns.AddParticipantsAsync(id, organisationIds, HttpContext.RequestAborted);
        if (!result.Found)
        {
            return NotFound();
        }

        TempData[StatusMessage.Key] = result.Succeeded ? "已增加填报单位。" : result.Errors[0].Value;
        return Redirect($"/campaigns/{id}#participants");
    }

    [HttpPost("/campaigns/{id:int}/participants/{organisationId:int}/remove")]
    public async Task<IActionResult> RemoveParticipant(int id, int organisationId)
    {
        if (!(await campaigns.RemoveParticipantAsync(id, organisationId, HttpContext.RequestAborted)).Found)
        {
            return NotFound();
        }

        TempData[StatusMessage.Key] = "已移除该填报单位。";
        return Redirect($"/campaigns/{id}#participants");
    }
}

public sealed record CampaignFormViewModel(int? Id, CampaignInput Input);

public sealed record CampaignListViewModel(IReadOnlyList<CampaignRow> Own, IReadOnlyList<ParentCampaignRow> Parents);
