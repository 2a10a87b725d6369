using CampaignPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CampaignPortal.Web.Features.Selections;

/// <summary>评审专家 in scoring and ranking rounds, and recusals in any online round: only rounds whose panel they sit on (others: 404).</summary>
public sealed class ScoringController(ScoringService scoring, RecusalService recusals) : Controller
{
    private const string SheetView = "~/Features/Selections/Views/ScoreSheet.cshtml";
    private const string RecuseView = "~/Features/Selections/Views/Recuse.cshtml";

    [HttpGet("/selection-rounds/{id:int}/scores")]
    public async Task<IActionResult> Sheet(int id) =>
        await scoring.SheetAsync(id, null, HttpContext.RequestAborted) is { } model ? View(SheetView, model) : NotFound();

    /// <summary>The form sends score-{nominationId}-{criterionId} (scoring) or rank-{nominationId} (ranking) for each candidate.</summary>
    [HttpPost("/selection-rounds/{id:int}/scores")]
    public async Task<IActionResult> Save(int id)
    {
        var ct = HttpContext.RequestAborted;
        var form = Request.Form.Where(f => f.Key.StartsWith("score-", StringComparison.Ordinal) || f.Key.StartsWith("rank-", StringComparison.Ordinal))
            .ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        var result = await scoring.SaveAsync(id, form, ct);
        if (!result.Found)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            TempData[StatusMessage.Key] = "评审意见已保存。截止前可以修改，修改会留有记录。";
            return Redirect($"/selection-rounds/{id}/scores");
        }

        result.CopyErrorsTo(ModelState);
        return View(SheetView, (await scoring.SheetAsync(id, form, ct))!);
    }

    [HttpGet("/selection-rounds/{id:int}/recusals/{nominationId:int}")]
    public async Task<IActionResult> Recuse(int id, int nominationId) =>
        await recusals.FormAsync(id, nominationId, new RecusalInput(), HttpContext.RequestAborted) is { } model ? View(RecuseView, model) : NotFound();

    [HttpPost("/selection-rounds/{id:int}/recusals/{nominationId:int}")]
    public async Task<IActionResult> Recuse(int id, int nominationId, RecusalInput input)
    {
        var ct = HttpContext.RequestAborted;
        if (await recusals.FormAsync(id, nominationId, input, ct) is not { } model)
        {
            return NotFound();
        }

        ModelState.Clear();
        var result = await recusals.DeclareAsync(id, nominationId, input, ct);
        if (result.Succeeded)
        {
            TempData[StatusMessage.Key] = $"已声明回避{model.Candidate}。本评选中您不再评审该候选人。";
            return Redirect($"/selection-rounds/{id}/{(model.Kind == Domain.RoundKind.Vote ? "ballot" : "scores")}");
        }

        result.CopyErrorsTo(ModelState);
        return View(RecuseView, model);
    }
}
