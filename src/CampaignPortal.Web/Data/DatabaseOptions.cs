namespace CampaignPortal.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>SQL Server 2019 (150): EF Core 10 must not emit syntax that 2019 lacks.</summary>
    public const int SqlServerCompatibilityLevel = 150;

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder of the SQLite file; relative paths are under the content root.</summary>
    public string DataDirectory { get; set; } = "App_Data";

    public string SqliteFileName { get; set; } = "campaignportal.db";

    /// <summary>
    /// How long a SQLite command waits for the single writer before failing. Short enough that a person whose save
    /// cannot get the database sees the 503 "系统繁忙" page within 10 seconds instead of a hanging browser.
    /// </summary>
    public int SqliteBusyTimeoutSeconds { get; set; } = 5;

    /// <summary>Apply migrations at start-up. Null means: yes for SQLite, no for SQL Server (run the script instead).</summary>
    public bool? MigrateOnStartup { get; set; }

    public bool ShouldMigrateOnStartup => MigrateOnStartup ?? Provider == DatabaseProvider.Sqlite;
}
