using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignPortal.IntegrationTests.Infrastructure;

/// <summary>
/// The portal in process on a fresh temporary SQLite file with migrations applied and the demo data seeded.
/// With <c>CAMPAIGNPORTAL_TEST_SQLSERVER</c> set to a connection string, it runs on a new SQL Server database instead
/// (created by the migrations, dropped afterwards).
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "test-demo-2026";
    public const string SqlServerVariable = "CAMPAIGNPORTAL_TEST_SQLSERVER";

    private readonly string? _sqlServer;

    public PortalFactory()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "campaignportal-tests", Guid.NewGuid().ToString("N"));
        var configured = Environment.GetEnvironmentVariable(SqlServerVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            _sqlServer = new SqlConnectionStringBuilder(configured)
            {
                InitialCatalog = "CampaignPortalTest_" + Guid.NewGuid().ToString("N")[..12],
            }.ConnectionString;
        }
    }

    public string DataDirectory { get; }

    /// <summary>Every SQL command this instance sends (query-budget tests reset and read it around one request).</summary>
    public CommandCounter Commands { get; } = new();

    public bool IsSqlServer => _sqlServer is not null;

    public string DatabaseFile => Path.Combine(DataDirectory, "campaignportal.db");

    public PortalClient CreatePortalClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task<PortalClient> SignedInAsync(string email, string password = DemoPassword)
    {
        var client = CreatePortalClient();
        var response = await client.SignInAsync(email, password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task<int> OrganisationIdAsync(string name) =>
        WithDbAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    public Task<string> UserIdAsync(string email)
    {
        var normalised = email.ToUpperInvariant();
        return WithDbAsync(db => db.Users.Where(u => u.NormalizedEmail == normalised).Select(u => u.Id).SingleAsync());
    }

    /// <summary>A user with sensible defaults: a filer at 哈密市科协 with the demo password.</summary>
    public async Task<ApplicationUser> CreateUserAsync(
        string email,
        string organisation = "哈密市科学技术协会",
        string[]? roles = null,
        bool mustChangePassword = false,
        string password = DemoPassword)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "测试用户",
            OrganisationId = await db.Organisations.Where(o => o.Name == organisation).Select(o => o.Id).SingleAsync(),
            MustChangePassword = mustChangePassword,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var added = await users.AddToRolesAsync(user, roles ?? ["Filer"]);
        Assert.True(added.Succeeded);
        return user;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:DataDirectory", DataDirectory);
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("Seed:DemoPassword", DemoPassword);
        builder.UseSetting("Logs:File", "false");
        builder.UseSetting("Jobs:Enabled", "false"); // tests run the outbox and reminders themselves
        builder.UseSetting("Site:PublicCacheSeconds", "0"); // query counts are per request; PublicCacheTests turns it on
        builder.UseSetting("Site:FilterListSeconds", "0"); // likewise the notice list's filter choices
        builder.UseSetting("Security:RequireHttps", "false");
        builder.UseSetting("Security:SignInAttemptsPerMinute", "1000");
        builder.UseSetting("Security:ObjectionsPerHour", "1000");
        builder.UseSetting("Security:SessionCheckSeconds", "0");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.ConfigureServices(services =>
        {
            services.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(Commands));
            services.ConfigureDbContext<SqlServerAppDbContext>(o => o.AddInterceptors(Commands));
        });
        if (_sqlServer is not null)
        {
            builder.UseSetting("Database:Provider", "SqlServer");
            builder.UseSetting("Database:MigrateOnStartup", "true");
            builder.UseSetting("ConnectionStrings:SqlServer", _sqlServer);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (_sqlServer is not null)
        {
            try
            {
                await WithDbAsync(db => db.Database.EnsureDeletedAsync());
            }
            catch (InvalidOperationException)
            {
                // The host never started; nothing to drop.
            }
        }

        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
