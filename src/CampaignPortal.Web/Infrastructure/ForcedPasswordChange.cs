using CampaignPortal.Web.Security;

namespace CampaignPortal.Web.Infrastructure;

/// <summary>A user signed in with a one-time password can reach nothing but the change-password page until they change it.</summary>
public static class ForcedPasswordChange
{
    public const string ChangePasswordPath = "/account/change-password";

    private static readonly string[] AllowedPrefixes = [ChangePasswordPath, "/account/sign-out", "/error", "/health", "/culture"];

    public static IApplicationBuilder UseForcedPasswordChange(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true
                && context.User.MustChangePassword()
                && !AllowedPrefixes.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            {
                context.Response.Redirect(ChangePasswordPath);
                return;
            }

            await next(context);
        });
}
