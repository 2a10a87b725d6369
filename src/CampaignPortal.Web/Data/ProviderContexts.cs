using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CampaignPortal.Web.Data;

/// <summary>SQLite: the embedded default. It cannot order or compare DateTimeOffset, so those are stored as sortable integers.</summary>
public sealed class SqliteAppDbContext : AppDbContext
{
    public SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : base(options)
    {
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // SQLite uses an index for LIKE 'prefix%' only on a NOCASE column; paths are lower-case, so nothing changes.
        builder.Entity<Organisation>().Property(o => o.Path).UseCollation("NOCASE");
        builder.Entity<Organisation>().HasIndex(o => o.Name, "IX_Organisations_RootName").IsUnique().HasFilter("\"ParentId\" IS NULL");
    }
}

/// <summary>
/// An instant as its UTC ticks, so SQLite orders and compares instants. (EF's DateTimeOffsetToBinaryConverter keeps
/// the local clock time and the offset, so it orders 09:00+08:00 after 02:00+00:00 although it is earlier.)
/// </summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));

/// <summary>SQL Server 2019 or later: the production database.</summary>
public sealed class SqlServerAppDbContext : AppDbContext
{
    public SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options) : base(options)
    {
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // The (ParentId, Name) index leaves out NULL parents: root names need their own filtered index.
        builder.Entity<Organisation>().HasIndex(o => o.Name, "IX_Organisations_RootName").IsUnique().HasFilter("[ParentId] IS NULL");
    }
}
