using Microsoft.AspNetCore.Hosting;

namespace CampaignPortal.IntegrationTests.Performance;

/// <summary>
/// The portal as production runs it between session checks: the security stamp is checked once a minute per session
/// (<c>Security:SessionCheckSeconds</c>), not on every request as the other tests do, so a measured request counts
/// what every page view costs.
/// </summary>
public sealed class PerformanceFactory : Infrastructure.PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:SessionCheckSeconds", "3600");
    }
}
