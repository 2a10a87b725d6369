namespace CampaignPortal.Web.Data;

/// <summary>Maximum lengths, in one place for validators and entity configurations.</summary>
public static class Schema
{
    public const int OrganisationName = 100;
    public const int OrganisationShortName = 50;
    public const int OrganisationPath = 400;
    public const int Phone = 100;
    public const int Address = 200;
    public const int PersonName = 50;
    public const int Email = 256;
    public const int EnumName = 40;
    public const int EntityType = 60;
    public const int EntityId = 64;
    public const int AuditDetail = 1000;
    public const int IpAddress = 45;
    public const int RequestId = 64;
    public const int Password = 128;
    public const int Title = 200;
    public const int Theme = 200;
    public const int ShortText = 50;
    public const int MediumText = 200;
    public const int LongText = 1000;
    public const int RecipientsText = 2000;
    public const int DocumentNumber = 100;
    public const int IndicatorCode = 40;
    public const int Unit = 20;
    public const int Postcode = 20;
    public const int SearchText = 2000;
    public const int FileName = 255;
    public const int ContentType = 100;
    public const int Sha256 = 64;
    public const int Notification = 400;
    public const int Link = 400;
    public const int Description = 4000;

    /// <summary>Rich text (body, requirements) after sanitising: 200 KB of HTML.</summary>
    public const int RichTextBytes = 200 * 1024;
}
