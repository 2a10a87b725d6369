using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CampaignPortal.Web.Infrastructure.Mail;

/// <summary>The <c>Mail</c> section. <c>Mode</c> Folder (the default; Development) writes .eml files; Smtp sends.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string Mode { get; set; } = "Folder";

    /// <summary>For Folder mode; relative to the data directory. Default "mail".</summary>
    public string? Folder { get; set; }

    public string FromAddress { get; set; } = "noreply@campaignportal.local";

    public string FromName { get; set; } = "科协活动报送平台";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    /// <summary>Auto (STARTTLS when offered), SslOnConnect, StartTls, None.</summary>
    public string SmtpSecurity { get; set; } = "Auto";

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }
}

/// <summary>Where an e-mail goes: an SMTP server, or a folder.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>SMTP over MailKit; one connection per batch would be kinder, one per message is simpler and enough here.</summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var client = new SmtpClient { Timeout = 30_000 };
        var security = Enum.TryParse<SecureSocketOptions>(o.SmtpSecurity, ignoreCase: true, out var s) ? s : SecureSocketOptions.Auto;
        await client.ConnectAsync(o.SmtpHost ?? throw new InvalidOperationException("Mail:SmtpHost is not set."), o.SmtpPort, security, cancellationToken);
        if (!string.IsNullOrEmpty(o.SmtpUser))
        {
            await client.AuthenticateAsync(o.SmtpUser, o.SmtpPassword ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>Development and tests: each message is written as an .eml file, openable in any mail program.</summary>
public sealed class FolderMailTransport(IOptions<MailOptions> options, DatabaseOptions database, IHostEnvironment environment) : IMailTransport
{
    public string Folder { get; } = Path.GetFullPath(options.Value.Folder ?? Path.Combine(database.DataDirectory, "mail"), environment.ContentRootPath);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
        await message.WriteToAsync(path, cancellationToken);
    }
}

/// <summary>
/// The outbox: messages are added with the change they belong to and sent by <see cref="OutboxWorker"/>. A batch is
/// claimed with a short lock (an UPDATE that only one process wins), so several processes never send one twice.
/// </summary>
public sealed partial class OutboxService(AppDbContext db, IMailTransport transport, IOptions<MailOptions> options, TimeProvider clock, ILogger<OutboxService> logger)
{
    public void Enqueue(string to, string subject, string body, string kind, int? campaignId = null, int? organisationId = null) =>
        db.OutboxMessages.Add(new OutboxMessage(to, subject.Length > Schema.Title ? subject[..Schema.Title] : subject,
            body.Length > Schema.Description ? body[..Schema.Description] : body, kind, campaignId, organisationId, clock.GetUtcNow()));

    /// <summary>Sends what is due; returns how many were sent.</summary>
    public async Task<int> ProcessAsync(string worker, int batch, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(batch).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var until = now.AddMinutes(5);
        await db.OutboxMessages.Where(m => due.Contains(m.Id) && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, worker).SetProperty(m => m.LockedUntil, until), cancellationToken);
        var claimed = await db.OutboxMessages.Where(m => due.Contains(m.Id) && m.LockedBy == worker && m.Status == OutboxStatus.Pending).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var message in claimed)
        {
            try
            {
                var mime = new MimeMessage();
                mime.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
                mime.To.Add(MailboxAddress.Parse(message.To));
                mime.Subject = message.Subject;
                mime.Body = new TextPart("plain") { Text = message.Body };
                await transport.SendAsync(mime, cancellationToken);
                message.MarkSent(clock.GetUtcNow());
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                message.MarkFailed(ex.Message, clock.GetUtcNow());
                LogFailed(logger, message.Id, message.Attempts, ex.Message);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return sent;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} failed (attempt {Attempt}): {Error}")]
    private static partial void LogFailed(ILogger logger, long messageId, int attempt, string error);
}

/// <summary>Sends the outbox every few seconds (<c>Jobs:Enabled</c> turns the background jobs off, e.g. in tests).</summary>
public sealed partial class OutboxWorker(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<OutboxWorker> logger) : BackgroundService
{
    private readonly string _name = $"{Environment.MachineName}-{Environment.ProcessId}-outbox";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Jobs:Enabled", true))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<OutboxService>().ProcessAsync(_name, 20, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogError(logger, ex);
            }

            await Task.Delay(TimeSpan.FromSeconds(10), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox worker failed")]
    private static partial void LogError(ILogger logger, Exception exception);
}
