using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CampaignPortal.Web.Data;

/// <summary>
/// Registers <see cref="AppDbContext"/> for the configured provider, pooled: a request takes a context whose services
/// are already resolved instead of building one (the context holds no state of its own between requests).
/// </summary>
public static class DatabaseSetup
{
    public static IServiceCollection AddPortalDatabase(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(options, configuration, environment);
                services.AddDbContextPool<AppDbContext, SqliteAppDbContext>(o => o.UseSqlite(sqlite, b => b.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)));
                break;
            case DatabaseProvider.SqlServer:
                var sqlServer = configuration.GetConnectionString("SqlServer");
                if (string.IsNullOrWhiteSpace(sqlServer))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is SqlServer but ConnectionStrings:SqlServer is empty (see docs/deployment.md).");
                }

                services.AddDbContextPool<AppDbContext, SqlServerAppDbContext>(o => o.UseSqlServer(sqlServer, ConfigureSqlServer));
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'.");
        }

        return services;
    }

    /// <summary>
    /// Entities with several owned or included collections (a report: sections, figures, media, files) load one query
    /// per collection rather than one cartesian product.
    /// </summary>
    public static void ConfigureSqlServer(SqlServerDbContextOptionsBuilder builder) =>
        builder.UseCompatibilityLevel(DatabaseOptions.SqlServerCompatibilityLevel).UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery);

    /// <summary>
    /// <c>ConnectionStrings:Sqlite</c> if given, else a file in <see cref="DatabaseOptions.DataDirectory"/>.
    /// Microsoft.Data.Sqlite retries a busy database for <c>Default Timeout</c> seconds: that is the busy timeout.
    /// </summary>
    public static string SqliteConnectionString(DatabaseOptions options, IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration.GetConnectionString("Sqlite");
        var builder = string.IsNullOrWhiteSpace(configured)
            ? new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(
                    Path.GetFullPath(options.DataDirectory, environment.ContentRootPath), options.SqliteFileName),
            }
            : new SqliteConnectionStringBuilder(configured);
        builder.DefaultTimeout = options.SqliteBusyTimeoutSeconds;
        builder.Pooling = true;
        return builder.ToString();
    }
}
