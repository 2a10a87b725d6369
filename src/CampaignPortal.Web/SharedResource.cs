namespace CampaignPortal.Web;

/// <summary>
/// Marker for the shell's strings. Keys are the Chinese texts themselves (zh-CN needs no resource file);
/// Resources/SharedResource.en.resx translates the shell and public pages into English.
/// </summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<T>; it is never instantiated.
public sealed class SharedResource
#pragma warning restore CA1052
{
}
