using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Features.Activities;
using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Infrastructure.Files;
using CampaignPortal.Web.Security;
using FluentValidation;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CampaignPortal.Web.Features.Reports;

/// <summary>A unit's own summary report (its filers): fill, save, submit, withdraw, media, attachments.</summary>
[Authorize(Policy = Policies.FilerArea)]
public sealed class ReportsController(
    ReportService reports, IValidator<MediaInput> mediaValidator, IAntiforgery antiforgery) : Controller
{
    private const string EditView = "~/Features/Reports/Views/Edit.cshtml";
    private const long UploadLimit = FileTypes.DocumentMaxBytes + 1024 * 1024;

    [HttpGet("/campaigns/{campaignId:int}/report")]
    public async Task<IActionResult> Edit(int campaignId) =>
        await reports.PageAsync(campaignId, null, null, null, HttpContext.RequestAborted) is { } model ? View(EditView, model) : NotFound();

    /// <summary>Sections may be long: values up to 16 MB reach the service, which answers "内容过长" with the page kept.</summary>
    [HttpPost("/campaigns/{campaignId:int}/report")]
    [RequestFormLimits(ValueLengthLimit = 16 * 1024 * 1024)]
    public async Task<IActionResult> Save(int campaignId, ReportInput input, string? submit)
    {
        var ct = HttpContext.RequestAborted;
        // The binder leaves null entries for malformed list indexes: ignore them.
        input.Sections = [.. (input.Sections ?? []).Where(s => s is not null)];
        input.Figures = [.. (input.Figures ?? []).Where(f => f is not null)];
        if (!ModelState.IsValid)
        {
            // A value the form cannot have produced (e.g. a 表述方式 that does not exist): said next to the field, nothing saved.
            return await reports.PageAsync(campaignId, input, null, null, ct) is { } refused ? View(EditView, refused) : NotFound();
        }

        var result = await reports.SaveAsync(campaignId, input, submit is not null, ct);
        switch (result.Outcome)
        {
            case ReportSaveOutcome.NotFound:
                return NotFound();
            case ReportSaveOutcome.Saved:
                TempData[StatusMessage.Key] = "报告已保存。";
                return Redirect($"/campaigns/{campaignId}/report");
            case ReportSaveOutcome.Submitted:
                TempData[StatusMessage.Key] = result.IsLate
                    ? $"报告已提交（第 {result.VersionNumber} 版）。提交时已过报送截止时间，记为逾期。"
                    : $"报告已提交（第 {result.VersionNumber} 版），等待审核。";
                return Redirect($"/campaigns/{campaignId}/report");
            case ReportSaveOutcome.AlreadySubmitted:
                TempData[StatusMessage.Key] = $"报告已提交（第 {result.VersionNumber} 版），无需重复提交。";
                return Redirect($"/campaigns/{campaignId}/report");
            case ReportSaveOutcome.Incomplete:
                // Saved, but not submitted: the page opens again with what is missing next to the fields.
                foreach (var (field, message) in result.Errors)
                {
                    ModelState.AddModelError(field, message);
                }

                ViewData["Incomplete"] = true;
                return await reports.PageAsync(campaignId, null, null, null, ct) is { } saved ? View(EditView, saved) : NotFound();
            case ReportSaveOutcome.Conflict:
                ModelState.AddModelError(string.Empty, "您打开页面后，报告已被他人修改并保存。您的输入仍保留在下方，请核对下表列出的不同之处后再保存。");
                if (await reports.PageAsync(campaignId, input, result.Conflict, null, ct) is not { } conflicted)
                {
                    return NotFound();
                }

                // Saving again from this page overwrites deliberately: it carries the version now stored.
                input.Version = conflicted.Report?.Version ?? input.Version;
                return View(EditView, conflicted);
            default:
                foreach (var (field, message) in result.Errors)
                {
                    ModelState.AddModelError(field, message);
                }

                return await reports.PageAsync(campaignId, input, null, null, ct) is { } invalid ? View(EditView, invalid) : NotFound();
        }
    }

    /// <summary>
    /// 自动保存 from the page's script (X-Requested-With): JSON with the new version and the time, 409 with what to do
    /// when a colleague saved meanwhile, 422 with the first field message. An expired session answers 401 (never the
    /// sign-in page), so the script can tell the person and keep their text.
    /// </summary>
    [HttpPost("/campaigns/{campaignId:int}/report/autosave")]
    [RequestFormLimits(ValueLengthLimit = 16 * 1024 * 1024)]
    public async Task<IActionResult> Autosave(int campaignId, ReportInput input)
    {
        var result = await reports.SaveAsync(campaignId, input, submit: false, HttpContext.RequestAborted);
        return result.Outcome switch
        {
            ReportSaveOutcome.NotFound => NotFound(),
            ReportSaveOutcome.Saved => Json(new
            {
                version = result.Version,
                savedAt = result.SavedAt!.Value.ToChina().ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            }),
            ReportSaveOutcome.Conflict => Conflict(new
            {
                message = $"{result.Conflict!.SavedBy ?? "同事"}于 {result.Conflict.SavedAt.ToChinaDateTime()} 保存了报告，未自动保存。请点击“保存”核对不同之处。",
            }),
            _ => UnprocessableEntity(new { message = result.Errors.Count > 0 ? result.Errors[0].Value : "内容有误，未自动保存。" }),
        };
    }

    [HttpPost("/campaigns/{campaignId:int}/report/withdraw")]
    public async Task<IActionResult> Withdraw(int campaignId) =>
        Done(await reports.WithdrawAsync(campaignId, HttpContext.RequestAborted), campaignId, "报告已撤回，可以修改后重新提交。");

    [HttpPost("/campaigns/{campaignId:int}/report/media")]
    public async Task<IActionResult> AddMedia(int campaignId, MediaInput input)
    {
        var ct = HttpContext.RequestAborted;
        if (await mediaValidator.ValidateIntoAsync(input, ModelState, ct))
        {
            return Done(await reports.AddMediaAsync(campaignId, input, ct), campaignId, "媒体报道已添加。", "#media");
        }

        return await reports.PageAsync(campaignId, null, null, input, ct) is { } model ? View(EditView, model) : NotFound();
    }

    [HttpPost("/campaigns/{campaignId:int}/report/media/{order:int}/remove")]
    public async Task<IActionResult> RemoveMedia(int campaignId, int order) =>
        Done(await reports.RemoveMediaAsync(campaignId, order, HttpContext.RequestAborted), campaignId, "媒体报道已删除。", "#media");

    [HttpPost("/campaigns/{campaignId:int}/report/files")]
    [ReadsFormItself]
    [IgnoreAntiforgeryToken] // Checked below, after the size: reading an oversized form for the token would fail first.
    [DisableRequestSizeLimit]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
    public async Task<IActionResult> AddFile(int campaignId)
    {
        if (Request.ContentLength is null or > UploadLimit)
        {
            TempData[StatusMessage.Key] = $"文件超过 {FileTypes.DocumentMaxBytes / 1024 / 1024} MB 的上限，未上传。请压缩或拆分后再上传。";
            return Redirect($"/campaigns/{campaignId}/report#files");
        }

        if (!Request.HasFormContentType)
        {
            return BadRequest();
        }

        IFormCollection form;
        try
        {
            if (!await antiforgery.IsRequestValidAsync(HttpContext))
            {
                return BadRequest();
            }

            form = await Request.ReadFormAsync(HttpContext.RequestAborted);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or BadHttpRequestException or AntiforgeryValidationException)
        {
            // The upload was cut off half-way: nothing was stored.
            TempData[StatusMessage.Key] = "上传未完成（连接中断），文件没有保存，请重新上传。";
            return Redirect($"/campaigns/{campaignId}/report#files");
        }

        if (FormText.HasRefused(form))
        {
            TempData[StatusMessage.Key] = FormText.RefusalMessage;
            return Redirect($"/campaigns/{campaignId}/report#files");
        }

        var kind = Enum.TryParse<ReportFileKind>(form["kind"].ToString(), out var k) ? k : (ReportFileKind)(-1);
        var result = await reports.AddFileAsync(campaignId, form.Files.GetFile("file"), kind, FormText.Clean(form["caption"].ToString()), FormText.Clean(form["material"].ToString()),
            HttpContext.RequestAborted);
        return Done(result, campaignId, "附件已上传。", "#files");
    }

    [HttpPost("/campaigns/{campaignId:int}/report/files/{fileId:guid}/remove")]
    public async Task<IActionResult> RemoveFile(int campaignId, Guid fileId) =>
        Done(await reports.RemoveFileAsync(campaignId, fileId, HttpContext.RequestAborted), campaignId, "附件已删除。", "#files");

    private IActionResult Done(CommandResult result, int campaignId, string message, string anchor = "")
    {
        if (!result.Found)
        {
            return NotFound();
        }

        TempData[StatusMessage.Key] = result.Succeeded ? message : result.Errors[0].Value;
        return Redirect($"/campaigns/{campaignId}/report{anchor}");
    }
}
