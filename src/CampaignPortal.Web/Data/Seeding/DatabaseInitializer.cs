using System.Security.Cryptography;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Security;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CampaignPortal.Web.Data.Seeding;

/// <summary>
/// Brings the database up to date at start-up: migrations (when configured), then, under the <see cref="StartupLock"/>,
/// the first data-protection key, roles and reference organisations always, demo organisations and accounts only when
/// <see cref="SeedOptions.Demo"/> is on. Idempotent, and safe when several processes start at once.
/// </summary>
public sealed partial class DatabaseInitializer(
    AppDbContext db,
    DemoCampaigns demoCampaigns,
    DatabaseOptions databaseOptions,
    RoleManager<IdentityRole> roleManager,
    UserManager<ApplicationUser> userManager,
    TimeProvider clock,
    IKeyManager dataProtectionKeys,
    IOptions<KeyManagementOptions> keyManagement,
    IHostEnvironment environment,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitialiseAsync(SeedOptions seed, CancellationToken cancellationToken = default)
    {
        if (databaseOptions.ShouldMigrateOnStartup)
        {
            // EF Core takes its own database lock around migrations: two processes migrating at once apply each once.
            await MigrateAsync(cancellationToken);
        }

        await using var startup = await StartupLock.AcquireAsync(db, clock, cancellationToken);
        StartupLock.EnsureDataProtectionKey(dataProtectionKeys, keyManagement.Value.NewKeyLifetime, clock.GetUtcNow());
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                EnsureSucceeded(await roleManager.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }

        var root = await EnsureTreeAsync(OrganisationSeeds.Reference, null, cancellationToken);
        if (seed.Demo)
        {
            await SeedDemoAsync(seed, root, cancellationToken);
        }
        else if (!string.IsNullOrWhiteSpace(seed.InitialAdminEmail))
        {
            await EnsureInitialAdminAsync(seed.InitialAdminEmail, root, cancellationToken);
        }
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var isSqlite = db.Database.IsSqlite();
        if (isSqlite)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        await db.Database.MigrateAsync(cancellationToken);
        if (isSqlite)
        {
            // Readers do not block the writer and the writer does not block readers; the setting stays in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        LogMigrated(logger, databaseOptions.Provider);
    }

    private async Task<Organisation> EnsureTreeAsync(OrganisationSeed seed, Organisation? parent, CancellationToken cancellationToken)
    {
        var parentId = parent?.Id;
        var organisation = await db.Organisations.FirstOrDefaultAsync(
            o => o.ParentId == parentId && o.Name == seed.Name, cancellationToken);
        if (organisation is null)
        {
            organisation = new Organisation(seed.Name, seed.ShortName, seed.Kind, parent, clock.GetUtcNow());
            organisation.SetContact(seed.Phone, seed.Address);
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync(cancellationToken);
        }

        foreach (var child in seed.ChildrenOrEmpty)
        {
            await EnsureTreeAsync(child, organisation, cancellationToken);
        }

        return organisation;
    }

    private async Task SeedDemoAsync(SeedOptions seed, Organisation root, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(seed.DemoPassword))
        {
            throw new InvalidOperationException("Seed:Demo is on but Seed:DemoPassword is empty: set it in configuration.");
        }

        foreach (var (parentName, children) in OrganisationSeeds.Demo)
        {
            var parent = await db.Organisations.SingleAsync(o => o.ParentId == root.Id && o.Name == parentName, cancellationToken);
            foreach (var child in children)
            {
                await EnsureTreeAsync(child, parent, cancellationToken);
            }
        }

        foreach (var account in DemoAccounts.All)
        {
            await EnsureDemoAccountAsync(account, seed.DemoPassword);
        }

        await demoCampaigns.SeedAsync(cancellationToken);

        var shown = environment.IsDevelopment() ? seed.DemoPassword : "（见配置项 Seed:DemoPassword）";
        LogDemoHeader(logger, shown);
        foreach (var account in DemoAccounts.All)
        {
            var roles = account.Roles.Count == 0 ? "评审专家（按评选授权）" : string.Join("、", account.Roles.Select(Roles.ToChinese));
            LogDemoAccount(logger, account.Email, account.Organisation, roles);
        }
    }

    private async Task EnsureDemoAccountAsync(DemoAccount account, string password)
    {
        var organisationId = await db.Organisations.Where(o => o.Name == account.Organisation).Select(o => o.Id).SingleAsync();
        var user = await userManager.FindByEmailAsync(account.Email);
        if (user is null)
        {
            user = new ApplicationUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.DisplayName,
                OrganisationId = organisationId,
                CreatedAt = clock.GetUtcNow(),
            };
            EnsureSucceeded(await userManager.CreateAsync(user, password), account.Email);
        }

        var missing = account.Roles.Except(await userManager.GetRolesAsync(user)).ToList();
        if (missing.Count > 0)
        {
            EnsureSucceeded(await userManager.AddToRolesAsync(user, missing), account.Email);
        }
    }

    private async Task EnsureInitialAdminAsync(string email, Organisation root, CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var password = OneTimePassword.Generate();
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "系统管理员",
            OrganisationId = root.Id,
            MustChangePassword = true,
            CreatedAt = clock.GetUtcNow(),
        };
        EnsureSucceeded(await userManager.CreateAsync(user, password), email);
        EnsureSucceeded(await userManager.AddToRoleAsync(user, Roles.Admin), email);

        // On the console only: the log files are kept for weeks and must not hold a password.
        Console.WriteLine($"初始管理员 {email} 的一次性密码：{password}（首次登录后必须修改）");
        LogInitialAdmin(logger, email);
    }

    private static void EnsureSucceeded(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated ({Provider})")]
    private static partial void LogMigrated(ILogger logger, DatabaseProvider provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "演示账号（密码：{Password}）：")]
    private static partial void LogDemoHeader(ILogger logger, string password);

    [LoggerMessage(Level = LogLevel.Information, Message = "  {Email,-28} {Organisation} · {Roles}")]
    private static partial void LogDemoAccount(ILogger logger, string email, string organisation, string roles);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Created the initial administrator {Email}; the one-time password was printed on the console")]
    private static partial void LogInitialAdmin(ILogger logger, string email);
}

/// <summary>Random passwords that satisfy the portal's password policy.</summary>
public static class OneTimePassword
{
    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";

    public static string Generate() =>
        RandomNumberGenerator.GetString(Lower, 5) + RandomNumberGenerator.GetString(Upper, 3)
        + RandomNumberGenerator.GetString(Digits, 4);
}
