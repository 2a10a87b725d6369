using CampaignPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CampaignPortal.Web.Features.Selections;

/// <summary>评审专家: any signed-in user; what they see is only the rounds whose panel they sit on (others: 404).</summary>
public sealed class ExpertController(VotingService voting) : Controller
{
    [HttpGet("/expert")]
    public async Task<IActionResult> Index() => View("~/Features/Selections/Views/Expert.cshtml", await voting.MyRoundsAsync(HttpContext.RequestAborted));

    [HttpGet("/selection-rounds/{id:int}/ballot")]
    public async Task<IActionResult> Ballot(int id) =>
        await voting.BallotAsync(id, HttpContext.RequestAborted) is { } model ? View("~/Features/Selections/Views/Ballot.cshtml", model) : NotFound();

    /// <summary>The form sends vote-{nominationId} = yes | no for each candidate the expert decided on.</summary>
    [HttpPost("/selection-rounds/{id:int}/ballot")]
    public async Task<IActionResult> Vote(int id)
    {
        var ballot = new Dictionary<int, bool>();
        foreach (var (key, value) in Request.Form)
        {
            if (key.StartsWith("vote-", StringComparison.Ordinal) && int.TryParse(key.AsSpan(5), System.Globalization.CultureInfo.InvariantCulture, out var nominationId)
                && value.ToString() is "yes" or "no")
            {
                ballot[nominationId] = value.ToString() == "yes";
            }
        }

        var result = await voting.VoteAsync(id, ballot, HttpContext.RequestAborted);
        if (!result.Found)
        {
            return NotFound();
        }

        TempData[StatusMessage.Key] = result.Succeeded ? $"已保存 {ballot.Count} 票。投票截止前可以修改。" : result.Errors[0].Value;
        return Redirect($"/selection-rounds/{id}/ballot");
    }
}
