using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CampaignPortal.Web.Infrastructure.Forms;

/// <summary>
/// Marks a field whose value was refused: <c>aria-invalid="true"</c> and <c>aria-describedby</c> naming its error
/// message (see <see cref="FieldErrors"/>). Runs after MVC's own input, select and textarea tag helpers, so it sees the
/// name they write for <c>asp-for</c> as well as a name written by hand.
/// </summary>
[HtmlTargetElement("input", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("select")]
[HtmlTargetElement("textarea")]
public sealed class FieldErrorTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override int Order => 100;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!output.Attributes.TryGetAttribute("name", out var nameAttribute)
            || FieldErrors.Text(nameAttribute.Value) is not { Length: > 0 } name
            || !FieldErrors.HasError(ViewContext.ViewData.ModelState, name)
            || (output.Attributes.TryGetAttribute("type", out var type) && FieldErrors.Text(type.Value) == "hidden"))
        {
            return;
        }

        var described = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? FieldErrors.Text(existing.Value) : null;
        output.Attributes.SetAttribute("aria-invalid", "true");
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrWhiteSpace(described)
            ? FieldErrors.MessageId(name)
            : FieldErrors.MessageId(name) + " " + described);
    }
}
