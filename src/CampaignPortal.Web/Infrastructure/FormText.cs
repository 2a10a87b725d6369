using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;

namespace CampaignPortal.Web.Infrastructure;

/// <summary>
/// One rule for every text a person sends (form fields, multipart fields and query strings), applied before model
/// binding: control characters (NUL, bell, escape, C1 controls — anything but tab and line breaks) are refused, since
/// typing never produces them and they break exports and other systems downstream; bidirectional embedding, override
/// and isolate characters are removed (they make "王芳" display as something else, or a file name end in a false
/// extension); a value of only whitespace becomes empty. Passwords are checked but never changed.
/// </summary>
public static class FormText
{
    public const string RefusalMessage = "提交的内容中含有不可见的控制字符（常见于从其他软件复制粘贴的文字），系统没有保存。请返回上一页，删除或重新输入这些文字后再提交。";

    /// <summary>Controls other than tab, line feed and carriage return.</summary>
    public static bool IsRefused(char c) => char.IsControl(c) && c is not ('\t' or '\n' or '\r');

    /// <summary>Embeddings, overrides and isolates (U+202A–202E, U+2066–2069); the plain direction marks stay, as Uyghur text uses them.</summary>
    public static bool IsRemoved(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    public static bool HasRefused(string? value) => value is not null && value.Any(IsRefused);

    /// <summary>The value with direction overrides removed; whitespace only becomes empty.</summary>
    public static string Clean(string value)
    {
        if (value.Length == 0)
        {
            return value;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        if (!value.Any(IsRemoved))
        {
            return value;
        }

        var kept = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (!IsRemoved(c))
            {
                kept.Append(c);
            }
        }

        return string.IsNullOrWhiteSpace(kept.ToString()) ? string.Empty : kept.ToString();
    }

    public static bool HasRefused(IEnumerable<KeyValuePair<string, StringValues>> values) =>
        values.Any(p => HasRefused(p.Key) || p.Value.Any(HasRefused));

    /// <summary>The cleaned copy, or null when nothing needed cleaning.</summary>
    public static Dictionary<string, StringValues>? Cleaned(IEnumerable<KeyValuePair<string, StringValues>> values)
    {
        Dictionary<string, StringValues>? copy = null;
        var all = values.ToList();
        foreach (var (key, value) in all)
        {
            if (key.Contains("Password", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var cleaned = value.Select(v => v is null ? v : Clean(v)).ToArray();
            if (!cleaned.SequenceEqual(value.ToArray(), StringComparer.Ordinal))
            {
                copy ??= all.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
                copy[key] = new StringValues(cleaned);
            }
        }

        return copy;
    }
}

/// <summary>The action reads its (large, multipart) form itself after checking the size; it applies <see cref="FormText"/> there.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class ReadsFormItselfAttribute : Attribute;

/// <summary>
/// Applies <see cref="FormText"/> to the query string and form of every request to an endpoint, before MVC: the
/// antiforgery check reads the form too, and the framework's form reader itself fails on an encoded NUL (%00).
/// </summary>
public static partial class FormTextMiddleware
{
    /// <summary>Set in <see cref="HttpContext.Items"/> when a request was refused, for the error page to say why.</summary>
    public const string RefusedKey = "cp.form-text-refused";

    public static IApplicationBuilder UseFormText(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint() is not { } endpoint || endpoint.Metadata.GetMetadata<ReadsFormItselfAttribute>() is not null)
        {
            await next(context);
            return;
        }

        var request = context.Request;
        if (FormText.HasRefused(request.Query))
        {
            await RefuseAsync(context, "query");
            return;
        }

        if (FormText.Cleaned(request.Query) is { } query)
        {
            request.Query = new QueryCollection(query);
        }

        if (request.HasFormContentType)
        {
            // The action's own limits (e.g. 16 MB report sections) apply to this first read of the form, as MVC would
            // apply them; without this the defaults (4 MB a value) refused what the action allows.
            if (endpoint.Metadata.GetMetadata<RequestFormLimitsAttribute>() is { } limits && context.Features.Get<IFormFeature>()?.Form is null)
            {
                context.Features.Set<IFormFeature>(new FormFeature(request, OptionsOf(limits)));
            }

            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException ex) when (ex.ToString().Contains("null characters", StringComparison.Ordinal))
            {
                await RefuseAsync(context, "form");
                return;
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
            {
                // Over a limit or cut off: MVC meets the same failure and answers as it always has.
                await next(context);
                return;
            }

            if (FormText.HasRefused(form))
            {
                await RefuseAsync(context, "form");
                return;
            }

            if (FormText.Cleaned(form) is { } cleaned)
            {
                context.Features.Set<IFormFeature>(new FormFeature(new FormCollection(cleaned, form.Files)));
            }
        }

        await next(context);
    });

    private static FormOptions OptionsOf(RequestFormLimitsAttribute limits) => new()
    {
        BufferBody = limits.BufferBody,
        MemoryBufferThreshold = limits.MemoryBufferThreshold,
        BufferBodyLengthLimit = limits.BufferBodyLengthLimit,
        ValueCountLimit = limits.ValueCountLimit,
        KeyLengthLimit = limits.KeyLengthLimit,
        ValueLengthLimit = limits.ValueLengthLimit,
        MultipartBoundaryLengthLimit = limits.MultipartBoundaryLengthLimit,
        MultipartHeadersCountLimit = limits.MultipartHeadersCountLimit,
        MultipartHeadersLengthLimit = limits.MultipartHeadersLengthLimit,
        MultipartBodyLengthLimit = limits.MultipartBodyLengthLimit,
    };

    private static async Task RefuseAsync(HttpContext context, string where)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FormTextMiddleware));
        LogRefused(logger, where, context.Request.Method, context.Request.Path);
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        if (string.Equals(context.Request.Headers.XRequestedWith, "XMLHttpRequest", StringComparison.Ordinal))
        {
            await context.Response.WriteAsJsonAsync(new { message = FormText.RefusalMessage, requestId = context.TraceIdentifier });
            return;
        }

        context.Items[RefusedKey] = true; // the status-code page (/error/400) then says what was wrong
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a request with control characters in its {Where}: {Method} {Path}")]
    private static partial void LogRefused(ILogger logger, string where, string method, PathString path);
}
