using System.Globalization;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Features.Notifications;
using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Infrastructure.Mail;
using CampaignPortal.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CampaignPortal.Web.Features.Progress;

public sealed record ReminderOutcome(int Reminded, int AlreadyReminded, int NotNeeded, int Emails);

public sealed record ReminderRow(string Unit, ReminderOccasion Occasion, DateTimeOffset SentAt, string? SentBy, int Emails);

public sealed record OutboxRow(string To, string Subject, OutboxStatus Status, int Attempts, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);

public sealed record RemindersViewModel(ProgressCampaign Campaign, int? DaysBefore, bool WhenOverdue, string Subject, string Body,
    IReadOnlyList<ReminderRow> Reminders, IReadOnlyList<OutboxRow> Outbox);

/// <summary>
/// 催报: reminds units that have not submitted (no report, a draft, or a returned one) in the portal and by e-mail to
/// their filers. Each (campaign, unit, occasion) is reminded once — a unique key in the database makes that hold even
/// when two processes run the automatic reminders at the same moment.
/// </summary>
public sealed partial class ReminderService(
    AppDbContext db, CurrentUser currentUser, ProgressService progress, NotificationService notifications, OutboxService outbox,
    IOptions<SiteOptions> site, TimeProvider clock, ILogger<ReminderService> logger)
{
    public const string DefaultSubject = "【催报】请报送{活动}总结报告";

    public const string DefaultBody = "{单位}：\n\n{活动}的总结报告报送截止日期为{截止日期}，贵单位尚未提交。请登录平台填报并提交：\n{链接}\n\n如已提交，请忽略本邮件。";

    /// <summary>From the grid: the chosen units, or every unit that has not submitted. At most once a day per unit.</summary>
    public async Task<ReminderOutcome?> RemindAsync(int campaignId, IReadOnlyCollection<int>? units, CancellationToken cancellationToken)
    {
        if (await progress.CampaignAsync(campaignId, cancellationToken) is not { CanManage: true } campaign)
        {
            return null;
        }

        if (units is { Count: 0 })
        {
            return new ReminderOutcome(0, 0, 0, 0); // nothing chosen: the page says so
        }

        if (campaign.Status != CampaignStatus.Published)
        {
            throw new DomainException("活动已结束，不能再催报。");
        }

        var key = "manual-" + ChinaTime.Today(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var outcome = await SendAsync(campaignId, units, ReminderOccasion.Manual, _ => key, currentUser.Principal.DisplayName(), cancellationToken);
        LogReminders(logger, campaignId, "manual", outcome.Reminded);
        return outcome;
    }

    /// <summary>The automatic reminders due today (China time): N days before each unit's deadline, and once it passed.</summary>
    public async Task<int> RunAutomaticAsync(CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(clock);
        var campaigns = await db.Campaigns.AsNoTracking()
            .Where(c => c.Status == CampaignStatus.Published && c.ReportDeadline != null
                && (c.RemindDaysBefore != null || c.RemindWhenOverdue)
                && c.ReportDeadline >= today.AddDays(-60) && c.ReportDeadline <= today.AddDays(60))
            .Include(c => c.Participants)
            .ToListAsync(cancellationToken);
        var total = 0;
        foreach (var c in campaigns)
        {
            DateOnly DeadlineOf(int unit) => c.DeadlineFor(unit)!.Value;
            var units = await NotSubmitted(c.Id).ToListAsync(cancellationToken);

            if (c.RemindDaysBefore is { } days)
            {
                var due = units.Where(u => DeadlineOf(u).AddDays(-days) == today).ToList();
                if (due.Count > 0)
                {
                    total += (await SendAsync(c.Id, due, ReminderOccasion.BeforeDeadline,
                        u => $"before{days}-{DeadlineOf(u):yyyy-MM-dd}", null, cancellationToken)).Reminded;
                }
            }

            if (c.RemindWhenOverdue)
            {
                var overdue = units.Where(u => DeadlineOf(u) < today).ToList();
                if (overdue.Count > 0)
                {
                    total += (await SendAsync(c.Id, overdue, ReminderOccasion.Overdue, u => $"overdue-{DeadlineOf(u):yyyy-MM-dd}", null, cancellationToken)).Reminded;
                }
            }
        }

        LogReminders(logger, 0, "automatic", total);
        return total;
    }

    public async Task<RemindersViewModel?> PageAsync(int campaignId, CancellationToken cancellationToken)
    {
        if (await progress.CampaignAsync(campaignId, cancellationToken) is not { } campaign)
        {
            return null;
        }

        var settings = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId)
            .Select(c => new { c.RemindDaysBefore, c.RemindWhenOverdue, c.ReminderSubject, c.ReminderBody }).SingleAsync(cancellationToken);
        var reminders = await db.Reminders.AsNoTracking().Where(r => r.CampaignId == campaignId).OrderByDescending(r => r.Id).Take(200)
            .Select(r => new ReminderRow(db.Organisations.Where(o => o.Id == r.OrganisationId).Select(o => o.Name).Single(), r.Occasion, r.SentAt, r.SentBy, r.Emails))
            .ToListAsync(cancellationToken);
        var mails = await db.OutboxMessages.AsNoTracking().Where(m => m.CampaignId == campaignId).OrderByDescending(m => m.Id).Take(200)
            .Select(m => new OutboxRow(m.To, m.Subject, m.Status, m.Attempts, m.LastError, m.CreatedAt, m.SentAt))
            .ToListAsync(cancellationToken);
        return new RemindersViewModel(campaign, settings.RemindDaysBefore, settings.RemindWhenOverdue, settings.ReminderSubject ?? DefaultSubject,
            settings.ReminderBody ?? DefaultBody, reminders, mails);
    }

    public async Task<CommandResult> SaveSettingsAsync(int campaignId, int? daysBefore, bool whenOverdue, string? subject, string? body, CancellationToken cancellationToken)
    {
        if (await progress.CampaignAsync(campaignId, cancellationToken) is not { CanManage: true })
        {
            return CommandResult.NotFound;
        }

        if (daysBefore is < 1 or > 30)
        {
            return CommandResult.Invalid("daysBefore", "提前提醒的天数应在 1 到 30 之间；不需要提前提醒请留空。");
        }

        if (subject is { Length: > Schema.Title } || body is { Length: > Schema.Description })
        {
            return CommandResult.Invalid("body", "邮件标题或正文过长。");
        }

        var campaign = await db.Campaigns.SingleAsync(c => c.Id == campaignId, cancellationToken);
        campaign.SetReminders(daysBefore, whenOverdue, subject == DefaultSubject ? null : subject, body?.ReplaceLineEndings("\n") == DefaultBody ? null : body);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok(campaignId);
    }

    /// <summary>Participants without a report waiting for review or approved.</summary>
    private IQueryable<int> NotSubmitted(int campaignId) =>
        db.Participants.Where(p => p.CampaignId == campaignId
                && !db.SummaryReports.Any(r => r.CampaignId == campaignId && r.OrganisationId == p.OrganisationId
                    && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Approved)))
            .Select(p => p.OrganisationId);

    private async Task<ReminderOutcome> SendAsync(
        int campaignId, IReadOnlyCollection<int>? chosen, ReminderOccasion occasion, Func<int, string> keyOf, string? by, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Participants).Include(c => c.Organisation).SingleAsync(c => c.Id == campaignId, cancellationToken);
        var pending = await NotSubmitted(campaignId).ToListAsync(cancellationToken);
        var targets = chosen is null ? pending : [.. pending.Where(chosen.Contains)];
        var notNeeded = chosen is null ? 0 : chosen.Count(u => !pending.Contains(u));
        var names = await db.Organisations.AsNoTracking().Where(o => targets.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var link = site.Value.BaseUrl.TrimEnd('/') + $"/campaigns/{campaignId}/report";
        int reminded = 0, already = 0, emails = 0;
        foreach (var unit in targets)
        {
            var key = keyOf(unit);
            if (await db.Reminders.AnyAsync(r => r.CampaignId == campaignId && r.OrganisationId == unit && r.OccasionKey == key, cancellationToken))
            {
                already++;
                continue;
            }

            var deadline = campaign.DeadlineFor(unit);
            string Fill(string template) => template.Replace("{单位}", names[unit], StringComparison.Ordinal)
                .Replace("{活动}", campaign.Title, StringComparison.Ordinal)
                .Replace("{截止日期}", deadline is { } d ? $"{d.Year}年{d.Month}月{d.Day}日" : "（未规定）", StringComparison.Ordinal)
                .Replace("{链接}", link, StringComparison.Ordinal)
                .Replace("{主办单位}", campaign.Organisation!.Name, StringComparison.Ordinal);
            var addresses = await (
                from u in db.Users
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                where u.OrganisationId == unit && !u.IsDisabled && r.Name == Roles.Filer && u.Email != null
                select u.Email!).Distinct().ToListAsync(cancellationToken);
            foreach (var address in addresses)
            {
                outbox.Enqueue(address, Fill(campaign.ReminderSubject ?? DefaultSubject), Fill(campaign.ReminderBody ?? DefaultBody) + $"\n\n{campaign.Organisation!.Name}",
                    "催报", campaignId, unit);
            }

            await notifications.QueueForRoleAsync(unit, Roles.Filer, NotificationKind.Reminder,
                $"催报：“{campaign.Title}”总结报告尚未提交，截止日期为{(deadline is { } dd ? $"{dd.Year}年{dd.Month}月{dd.Day}日" : "（未规定）")}。",
                $"/campaigns/{campaignId}/report", cancellationToken);
            db.Reminders.Add(new Reminder(campaignId, unit, occasion, key, by, addresses.Count, clock.GetUtcNow()));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                reminded++;
                emails += addresses.Count;
            }
            catch (DbUpdateException)
            {
                // Another process reminded this unit for this occasion a moment ago: its reminder stands, ours is dropped.
                db.ChangeTracker.Clear();
                already++;
            }
        }

        return new ReminderOutcome(reminded, already, notNeeded, emails);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders for campaign {CampaignId} ({Kind}): {Count}")]
    private static partial void LogReminders(ILogger logger, int campaignId, string kind, int count);
}

/// <summary>Runs the automatic reminders every few minutes; of several processes, the one holding the lease does.</summary>
public sealed partial class ReminderWorker(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<ReminderWorker> logger) : BackgroundService
{
    public const string LeaseName = "reminders";

    private readonly string _holder = $"{Environment.ProcessId}-{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Jobs:Enabled", true))
        {
            return;
        }

        // Fractions allowed (0.1 = every 6 s): the two-process test makes both workers run within seconds.
        var every = TimeSpan.FromMinutes(configuration.GetValue("Jobs:ReminderMinutes", 10.0));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                if (await JobLeases.TryClaimAsync(db, LeaseName, _holder, every, clock, stoppingToken))
                {
                    await scope.ServiceProvider.GetRequiredService<ReminderService>().RunAutomaticAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogError(logger, ex);
            }

            await Task.Delay(every, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminder worker failed")]
    private static partial void LogError(ILogger logger, Exception exception);
}

public static class JobLeases
{
    /// <summary>Takes (or renews) the named lease for <paramref name="length"/>; false when another holder has it.</summary>
    public static async Task<bool> TryClaimAsync(AppDbContext db, string name, string holder, TimeSpan length, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now + length - TimeSpan.FromSeconds(5);
        var taken = await db.JobLeases.Where(l => l.Name == name && (l.ExpiresAt < now || l.Holder == holder))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), cancellationToken);
        if (taken == 1)
        {
            return true;
        }

        if (await db.JobLeases.AnyAsync(l => l.Name == name, cancellationToken))
        {
            return false;
        }

        db.JobLeases.Add(new JobLease(name, holder, until));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Gives the lease up at once (when the holder still has it), so another holder need not wait for it to run out.</summary>
    public static Task ReleaseAsync(AppDbContext db, string name, string holder, CancellationToken cancellationToken) =>
        db.JobLeases.Where(l => l.Name == name && l.Holder == holder).ExecuteDeleteAsync(cancellationToken);
}
