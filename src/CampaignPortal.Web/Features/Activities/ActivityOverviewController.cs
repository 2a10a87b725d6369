using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CampaignPortal.Web.Features.Activities;

/// <summary>The organiser's view of its own campaigns' activities and main events; and the opt-in public list.</summary>
[Authorize(Policy = Policies.OrganiserArea)]
public sealed class ActivityOverviewController(ActivityOverviewService overview, IValidator<MainEventInput> validator) : Controller
{
    private const string MainEventFormView = "~/Features/Activities/Views/MainEventForm.cshtml";

    [HttpGet("/campaigns/{campaignId:int}/activities")]
    public async Task<IActionResult> Index(int campaignId, ActivityQuery query)
    {
        if (!ModelState.IsValid)
        {
            query = new ActivityQuery();
        }

        return await overview.ListAsync(campaignId, query, HttpContext.RequestAborted) is { } model ? View("~/Features/Activities/Views/Index.cshtml", model) : NotFound();
    }

    [HttpGet("/campaigns/{campaignId:int}/activities/calendar")]
    public async Task<IActionResult> Calendar(int campaignId) =>
        await overview.CalendarAsync(campaignId, HttpContext.RequestAborted) is { } model ? View("~/Features/Activities/Views/Calendar.cshtml", model) : NotFound();

    [HttpPost("/campaigns/{campaignId:int}/activities/public")]
    public async Task<IActionResult> SetPublic(int campaignId, bool value)
    {
        if (!(await overview.SetPublicAsync(campaignId, value, HttpContext.RequestAborted)).Found)
        {
            return NotFound();
        }

        TempData[StatusMessage.Key] = value ? "已向公众公开本活动中各单位标记为公开的已举办活动。" : "已取消公开。";
        return Redirect($"/campaigns/{campaignId}/activities");
    }

    [HttpGet("/campaigns/{campaignId:int}/main-events/create")]
    public async Task<IActionResult> CreateMainEvent(int campaignId) =>
        await overview.MainEventFormAsync(campaignId, null, null, HttpContext.RequestAborted) is { } model ? View(MainEventFormView, model) : NotFound();

    [HttpPost("/campaigns/{campaignId:int}/main-events/create")]
    public Task<IActionResult> CreateMainEvent(int campaignId, MainEventInput input) => SaveMainEvent(campaignId, null, input);

    [HttpGet("/campaigns/{campaignId:int}/main-events/{id:int}/edit")]
    public async Task<IActionResult> EditMainEvent(int campaignId, int id) =>
        await overview.MainEventFormAsync(campaignId, id, null, HttpContext.RequestAborted) is { } model ? View(MainEventFormView, model) : NotFound();

    [HttpPost("/campaigns/{campaignId:int}/main-events/{id:int}/edit")]
    public Task<IActionResult> EditMainEvent(int campaignId, int id, MainEventInput input) => SaveMainEvent(campaignId, id, input);

    [HttpGet("/main-events/{id:int}")]
    public async Task<IActionResult> MainEvent(int id) =>
        await overview.MainEventAsync(id, HttpContext.RequestAborted) is { } model ? View("~/Features/Activities/Views/MainEvent.cshtml", model) : NotFound();

    [AllowAnonymous]
    [HttpGet("/campaigns/{campaignId:int}/public-activities")]
    public async Task<IActionResult> Public(int campaignId, int page = 1) =>
        await overview.PublicAsync(campaignId, page, HttpContext.RequestAborted) is { } model ? View("~/Features/Activities/Views/Public.cshtml", model) : NotFound();

    private async Task<IActionResult> SaveMainEvent(int campaignId, int? id, MainEventInput input)
    {
        var ct = HttpContext.RequestAborted;
        if (await validator.ValidateIntoAsync(input, ModelState, ct))
        {
            var result = await overview.SaveMainEventAsync(campaignId, id, input, ct);
            if (!result.Found)
            {
                return NotFound();
            }

            TempData[StatusMessage.Key] = "主会场已保存。参与单位可在“活动登记”中为其登记分会场。";
            return Redirect($"/main-events/{result.Id}");
        }

        return await overview.MainEventFormAsync(campaignId, id, input, ct) is { } model ? View(MainEventFormView, model) : NotFound();
    }
}
