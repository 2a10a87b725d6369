using System.Net;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace CampaignPortal.Web.Infrastructure.Forms;

/// <summary>
/// Ties a field to its error message for screen readers (WCAG 3.3.1): the message gets an id derived from the field's
/// name, and the field gets <c>aria-invalid</c> and <c>aria-describedby</c> pointing at it. Done on the server, so it
/// holds without JavaScript and for every view, whether it writes its fields by hand or with <c>asp-for</c>.
/// </summary>
public static class FieldErrors
{
    public static string MessageId(string fieldName) => TagBuilder.CreateSanitizedId(fieldName, "_") + "-error";

    public static bool HasError(ModelStateDictionary modelState, string fieldName) =>
        modelState.TryGetValue(fieldName, out var entry) && entry.Errors.Count > 0;

    public static IServiceCollection AddAccessibleFieldErrors(this IServiceCollection services) =>
        services.AddSingleton<IHtmlGenerator, AccessibleHtmlGenerator>();

    /// <summary>An attribute's value as text: Razor hands over a string or, for a value with code in it, HTML content.</summary>
    internal static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        IHtmlContent html => Render(html),
        var other => other.ToString(),
    };

    private static string Render(IHtmlContent html)
    {
        using var writer = new StringWriter();
        html.WriteTo(writer, HtmlEncoder.Default);
        return WebUtility.HtmlDecode(writer.ToString());
    }
}

/// <summary>MVC's generator, with an id on every error message it writes (<c>Html.ValidationMessage</c>, <c>asp-validation-for</c>).</summary>
public sealed class AccessibleHtmlGenerator(
    IAntiforgery antiforgery,
    IOptions<MvcViewOptions> optionsAccessor,
    IModelMetadataProvider metadataProvider,
    IUrlHelperFactory urlHelperFactory,
    HtmlEncoder htmlEncoder,
    ValidationHtmlAttributeProvider validationAttributeProvider)
    : DefaultHtmlGenerator(antiforgery, optionsAccessor, metadataProvider, urlHelperFactory, htmlEncoder, validationAttributeProvider)
{
    public override TagBuilder GenerateValidationMessage(
        ViewContext viewContext, ModelExplorer? modelExplorer, string? expression, string? message, string? tag, object? htmlAttributes)
    {
        var tagBuilder = base.GenerateValidationMessage(viewContext, modelExplorer, expression, message, tag, htmlAttributes);
        var fieldName = viewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(expression);
        if (tagBuilder is not null && FieldErrors.HasError(viewContext.ViewData.ModelState, fieldName))
        {
            tagBuilder.MergeAttribute("id", FieldErrors.MessageId(fieldName), replaceExisting: false);
        }

        return tagBuilder!;
    }
}
