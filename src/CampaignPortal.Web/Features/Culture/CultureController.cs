using CampaignPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace CampaignPortal.Web.Features.Culture;

/// <summary>
/// The language switch is a GET link (no form, so public pages stay cacheable and carry no antiforgery token). It
/// sets a preference cookie only; it changes nothing stored.
/// </summary>
[AllowAnonymous]
public sealed class CultureController : Controller
{
    [HttpGet("/culture/{name}")]
    public IActionResult Set(string name, string? returnUrl)
    {
        if (WebSetup.Cultures.Any(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
        {
            Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(name)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        }

        return !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : Redirect("/");
    }
}
