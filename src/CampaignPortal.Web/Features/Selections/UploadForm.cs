using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Infrastructure.Files;
using Microsoft.AspNetCore.Antiforgery;

namespace CampaignPortal.Web.Features.Selections;

/// <summary>
/// Reads an upload form the way the notice and report uploads do (<see cref="ReadsFormItselfAttribute"/>): the size
/// first (so an oversized body gets a sentence, not "choose a file"), then the antiforgery token, then the form,
/// refusing control characters. Either the form or the message to show.
/// </summary>
internal static class UploadForm
{
    public const long Limit = FileTypes.DocumentMaxBytes + 1024 * 1024;

    public sealed record Read(IFormCollection? Form, string? Message, bool BadRequest);

    public static async Task<Read> ReadAsync(HttpContext context, IAntiforgery antiforgery)
    {
        var request = context.Request;
        if (request.ContentLength is null or > Limit)
        {
            return new Read(null, $"文件超过 {FileTypes.DocumentMaxBytes / 1024 / 1024} MB 的上限，未上传。请压缩或拆分后再上传。", false);
        }

        if (!request.HasFormContentType)
        {
            return new Read(null, null, true);
        }

        try
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return new Read(null, null, true);
            }

            var form = await request.ReadFormAsync(context.RequestAborted);
            return FormText.HasRefused(form) ? new Read(null, FormText.RefusalMessage, false) : new Read(form, null, false);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or BadHttpRequestException or AntiforgeryValidationException)
        {
            // Cut off half-way: nothing was stored.
            return new Read(null, "上传未完成（连接中断），文件没有保存，请重新上传。", false);
        }
    }
}
