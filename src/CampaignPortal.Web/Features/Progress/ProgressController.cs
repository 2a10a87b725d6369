using CampaignPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CampaignPortal.Web.Features.Progress;

/// <summary>报送进度 (the completion grid), 汇总 (roll-up with charts), the Excel file and the JSON feed for the level above.</summary>
[Authorize(Policy = Policies.OrganiserArea)]
public sealed class ProgressController(ProgressService progress, ReminderService reminders) : Controller
{
    /// <summary>催报 from the grid: the ticked units, or (all=true) every unit that has not submitted.</summary>
    [HttpPost("/campaigns/{id:int}/reminders")]
    public async Task<IActionResult> Remind(int id, int[]? units, bool all = false)
    {
        var outcome = await reminders.RemindAsync(id, all ? null : units ?? [], HttpContext.RequestAborted);
        if (outcome is null)
        {
            return NotFound();
        }

        if (!all && outcome.Reminded + outcome.AlreadyReminded + outcome.NotNeeded == 0)
        {
            TempData[Infrastructure.StatusMessage.Key] = "请先勾选要提醒的单位，或点击“提醒全部未提交单位”。";
            return Redirect($"/campaigns/{id}/progress");
        }

        TempData[Infrastructure.StatusMessage.Key] = $"已提醒 {outcome.Reminded} 个单位（站内消息和 {outcome.Emails} 封邮件）。"
            + (outcome.AlreadyReminded > 0 ? $"{outcome.AlreadyReminded} 个单位今天已提醒过，未重复提醒。" : null)
            + (outcome.NotNeeded > 0 ? $"{outcome.NotNeeded} 个单位已提交，无需提醒。" : null);
        return Redirect($"/campaigns/{id}/progress");
    }

    [HttpGet("/campaigns/{id:int}/reminders")]
    public async Task<IActionResult> Reminders(int id) =>
        await reminders.PageAsync(id, HttpContext.RequestAborted) is { } model ? View("~/Features/Progress/Views/Reminders.cshtml", model) : NotFound();

    [HttpPost("/campaigns/{id:int}/reminders/settings")]
    public async Task<IActionResult> ReminderSettings(int id, int? daysBefore, bool whenOverdue, string? subject, string? body)
    {
        var result = await reminders.SaveSettingsAsync(id, daysBefore, whenOverdue, subject, body, HttpContext.RequestAborted);
        if (!result.Found)
        {
            return NotFound();
        }

        TempData[Infrastructure.StatusMessage.Key] = result.Succeeded ? "催报设置已保存。" : result.Errors[0].Value;
        return Redirect($"/campaigns/{id}/reminders");
    }

    [HttpGet("/campaigns/{id:int}/progress")]
    public async Task<IActionResult> Grid(int id, GridQuery query) =>
        await progress.GridAsync(id, query, HttpContext.RequestAborted) is { } model ? View("~/Features/Progress/Views/Grid.cshtml", model) : NotFound();

    [HttpGet("/campaigns/{id:int}/rollup")]
    public async Task<IActionResult> Rollup(int id, bool submitted = false) =>
        await progress.RollupAsync(id, submitted, HttpContext.RequestAborted) is { } model ? View("~/Features/Progress/Views/Rollup.cshtml", model) : NotFound();

    /// <summary>Written to a temporary file first (the spreadsheet writer is synchronous), then streamed.</summary>
    [HttpGet("/campaigns/{id:int}/rollup.xlsx")]
    public async Task<IActionResult> Excel(int id, bool submitted = false)
    {
        var ct = HttpContext.RequestAborted;
        if (await progress.RollupAsync(id, submitted, ct) is not { } rollup)
        {
            return NotFound();
        }

        var grid = await progress.AllRowsAsync(id, ct);
        var activities = progress.Activities(id);
        var path = Path.GetTempFileName();
        var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await ProgressExport.WriteAsync(file, rollup, grid, activities, ct);
        file.Position = 0;
        return File(file, ProgressExport.ContentType, $"{rollup.Campaign.Title}汇总表.xlsx");
    }

    /// <summary>For the level above: the same numbers as the page, as JSON (401 when not signed in).</summary>
    [HttpGet("/api/campaigns/{id:int}/rollup")]
    public async Task<IActionResult> Api(int id, bool submitted = false)
    {
        if (await progress.RollupAsync(id, submitted, HttpContext.RequestAborted) is not { } r)
        {
            return NotFound();
        }

        return Json(new
        {
            campaign = new { r.Campaign.Id, r.Campaign.Title, r.Campaign.Year, owner = r.Campaign.OwnerName, r.Campaign.Deadline },
            basis = r.IncludeSubmitted ? "approved+submitted" : "approved",
            counts = new { participants = r.Counts.Participants, submitted = r.Counts.Submitted, approved = r.Counts.Approved, late = r.Counts.Late },
            indicators = r.Totals.Select(t => new { t.Code, t.Name, t.Unit, t.Group, total = t.Hundredths / 100m, atLeast = t.AtLeast, t.Reports }),
            units = r.Units.Select(u => new
            {
                u.OrganisationId,
                name = u.Unit,
                status = u.Status.ToString(),
                forwardedCampaignId = u.ForwardedCampaignId,
                figures = u.Figures.Values.ToDictionary(f => f.Code, f => new { value = f.Hundredths / 100m, qualifier = f.Qualifier.ToString(), f.Note }),
            }),
        });
    }
}
