using CampaignPortal.Web.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Data;

/// <summary>
/// The one context of the portal: Identity, the domain, and the data-protection key ring. It is abstract because every
/// provider has its own subclass and migrations (see docs/decisions/0002-two-providers.md).
/// </summary>
public abstract class AppDbContext : IdentityDbContext<ApplicationUser>, IDataProtectionKeyContext
{
    protected AppDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<Participant> Participants => Set<Participant>();

    public DbSet<Notice> Notices => Set<Notice>();

    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();

    public DbSet<NoticeReceipt> NoticeReceipts => Set<NoticeReceipt>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<Activity> Activities => Set<Activity>();

    public DbSet<MainEvent> MainEvents => Set<MainEvent>();

    public DbSet<SubVenue> SubVenues => Set<SubVenue>();

    public DbSet<SummaryReport> SummaryReports => Set<SummaryReport>();

    public DbSet<ReportVersion> ReportVersions => Set<ReportVersion>();

    public DbSet<ReportEvent> ReportEvents => Set<ReportEvent>();

    public DbSet<UploadSession> UploadSessions => Set<UploadSession>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<Reminder> Reminders => Set<Reminder>();

    public DbSet<JobLease> JobLeases => Set<JobLease>();

    public DbSet<ExportJob> ExportJobs => Set<ExportJob>();

    public DbSet<Selection> Selections => Set<Selection>();

    public DbSet<SelectionExpert> SelectionExperts => Set<SelectionExpert>();

    public DbSet<Nomination> Nominations => Set<Nomination>();

    public DbSet<SelectionRound> SelectionRounds => Set<SelectionRound>();

    public DbSet<RoundCandidate> RoundCandidates => Set<RoundCandidate>();

    public DbSet<SelectionVote> SelectionVotes => Set<SelectionVote>();

    public DbSet<SelectionScore> SelectionScores => Set<SelectionScore>();

    public DbSet<SelectionRecusal> SelectionRecusals => Set<SelectionRecusal>();

    public DbSet<Announcement> Announcements => Set<Announcement>();

    public DbSet<AnnouncementEntry> AnnouncementEntries => Set<AnnouncementEntry>();

    public DbSet<Objection> Objections => Set<Objection>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ActivityTally> ActivityTallies => Set<ActivityTally>();

    /// <summary>Saves; when activities changed, also recounts their tallies in the same transaction (<see cref="ActivityTallyKeeper"/>).</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (ActivityTallyKeeper.Before(ChangeTracker) is not { } tallies)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await tallies.AfterAsync(this, cancellationToken);
        await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return saved;
    }

    /// <summary>Synchronous saves (the data-protection key ring uses them) may not touch activities: only the asynchronous save keeps the tallies.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) => ActivityTallyKeeper.Before(ChangeTracker) is null
        ? base.SaveChanges(acceptAllChangesOnSuccess)
        : throw new NotSupportedException("Save activity changes with SaveChangesAsync: it keeps the activity tallies.");

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(Schema.EnumName);
    }
}
