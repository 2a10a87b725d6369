using CampaignPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CampaignPortal.Web.Features.Reports;

/// <summary>
/// The chunk protocol of video uploads (JSON; antiforgery token in the X-CSRF-TOKEN header): POST starts, GET tells how
/// far it got, PUT ?offset=N sends the next chunk as the raw body, DELETE cancels.
/// </summary>
[Authorize(Policy = Policies.FilerArea)]
public sealed class VideoUploadsController(VideoUploadService uploads) : Controller
{
    [HttpPost("/campaigns/{campaignId:int}/report/videos")]
    public async Task<IActionResult> Start(int campaignId, [FromBody] StartUploadInput? input)
    {
        if (input is null)
        {
            return BadRequest(new { message = "请求内容无效。" });
        }

        var result = await uploads.StartAsync(campaignId, input, HttpContext.RequestAborted);
        return result switch
        {
            null => NotFound(),
            { Error: { } error } => BadRequest(new { message = error }),
            { Status: { } status } => Json(status),
            _ => NotFound(),
        };
    }

    [HttpGet("/uploads/{id:guid}")]
    public async Task<IActionResult> Status(Guid id) =>
        await uploads.StatusAsync(id, HttpContext.RequestAborted) is { } status ? Json(status) : NotFound();

    /// <summary>The raw body is streamed to the file store; chunks are at most a few MB (<see cref="UploadOptions.ChunkBytes"/>).</summary>
    [HttpPut("/uploads/{id:guid}")]
    [RequestSizeLimit(64 * 1024 * 1024)]
    public async Task<IActionResult> Chunk(Guid id, [FromQuery] long offset)
    {
        var result = await uploads.ChunkAsync(id, offset, Request.Body, HttpContext.RequestAborted);
        return result.Outcome switch
        {
            ChunkOutcome.NotFound => NotFound(),
            ChunkOutcome.WrongOffset => Conflict(new { received = result.Status!.Received, message = result.Message }),
            ChunkOutcome.Refused => UnprocessableEntity(new { message = result.Message }),
            ChunkOutcome.StorageUnavailable => StorageUnavailable(result),
            _ => Json(result.Status),
        };
    }

    private ObjectResult StorageUnavailable(ChunkResult result)
    {
        Response.Headers.RetryAfter = "60";
        return StatusCode(StatusCodes.Status503ServiceUnavailable, new { received = result.Status!.Received, message = result.Message });
    }

    [HttpDelete("/uploads/{id:guid}")]
    public async Task<IActionResult> Cancel(Guid id) =>
        await uploads.CancelAsync(id, HttpContext.RequestAborted) ? NoContent() : NotFound();
}
