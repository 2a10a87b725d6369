using Serilog;
using Serilog.Formatting.Compact;

namespace CampaignPortal.Web.Infrastructure;

/// <summary>
/// Serilog, configured once: levels from the <c>Serilog</c> section, console output, and one rolling JSON file per
/// process (several web processes never share a file). The audit trail lives in the database, not here.
/// </summary>
public static class LoggingSetup
{
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        var directory = Path.GetFullPath(builder.Configuration["Logs:Directory"] ?? "logs", builder.Environment.ContentRootPath);
        var writeFile = builder.Configuration.GetValue("Logs:File", true);
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Enrich.WithProperty("ProcessId", Environment.ProcessId)
                .WriteTo.Console(
                    outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {RequestId}{NewLine}{Exception}",
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            if (writeFile)
            {
                logger.WriteTo.File(
                    new CompactJsonFormatter(),
                    Path.Combine(directory, $"campaignportal-{Environment.ProcessId}-.json"),
                    rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: 31);
            }
        });
        return builder;
    }
}
