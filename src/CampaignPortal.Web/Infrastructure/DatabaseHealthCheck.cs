using CampaignPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CampaignPortal.Web.Infrastructure;

/// <summary>
/// Healthy when the schema answers a query. Opening a connection is not enough: SQLite creates an empty file
/// when the database has gone.
/// </summary>
internal sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Organisations.AsNoTracking().Select(o => o.Id).FirstOrDefaultAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
#pragma warning disable CA1031 // Any failure of the database means unhealthy; the exception goes into the report.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("数据库不可用", ex);
        }
    }
}
