namespace CampaignPortal.Web.Data.Seeding;

/// <summary>The <c>Seed</c> section.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Seed the demo organisations and accounts. Defaults to true in Development only.</summary>
    public bool Demo { get; set; }

    /// <summary>Password of every demo account; there is no default outside appsettings.Development.json.</summary>
    public string? DemoPassword { get; set; }

    /// <summary>
    /// E-mail of the first administrator (at the root organisation) to create on an empty production database.
    /// Its one-time password is written to the log once and must be changed at first sign-in.
    /// </summary>
    public string? InitialAdminEmail { get; set; }

    public static SeedOptions From(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = new SeedOptions { Demo = environment.IsDevelopment() };
        configuration.GetSection(Section).Bind(options);
        return options;
    }
}
