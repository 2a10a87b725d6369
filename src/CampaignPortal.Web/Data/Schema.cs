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
}
