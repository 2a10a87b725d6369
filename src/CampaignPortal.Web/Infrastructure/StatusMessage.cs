namespace CampaignPortal.Web.Infrastructure;

/// <summary>The TempData key of the one-line message shown after a Post/Redirect/Get.</summary>
public static class StatusMessage
{
    public const string Key = "StatusMessage";
}
