using System.Net;
using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Features.Progress;
using CampaignPortal.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static CampaignPortal.IntegrationTests.Infrastructure.ReportSteps;

namespace CampaignPortal.IntegrationTests.Progress;

public sealed class ReminderTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<HashSet<int>> SubmittedAsync(int campaignId) => factory.WithDbAsync(async db => (await db.SummaryReports
        .Where(r => r.CampaignId == campaignId && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Approved))
        .Select(r => r.OrganisationId).ToListAsync()).ToHashSet());

    [Fact]
    public async Task RemindAll_ReachesOnlyNonSubmitters_PortalAndMail_NeverTwiceTheSameDay()
    {
        var campaignId = await CampaignIdAsync(factory);
        var submitted = await SubmittedAsync(campaignId);
        var participants = await factory.WithDbAsync(db => db.Participants.Where(p => p.CampaignId == campaignId).Select(p => p.OrganisationId).ToListAsync());
        using var organiser = await factory.SignedInAsync("xj.organiser@demo.local");

        var first = await organiser.PostFormAsync($"/campaigns/{campaignId}/reminders", new Dictionary<string, string> { ["all"] = "true" }, $"/campaigns/{campaignId}/progress");
        var again = await organiser.PostFormAsync($"/campaigns/{campaignId}/reminders", new Dictionary<string, string> { ["all"] = "true" }, $"/campaigns/{campaignId}/progress");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var reminded = await factory.WithDbAsync(db => db.Reminders.Where(r => r.CampaignId == campaignId).Select(r => r.OrganisationId).ToListAsync());
        Assert.Equal(participants.Where(p => !submitted.Contains(p)).Order(), reminded.Order()); // each non-submitter once, no submitter
        Assert.Contains("今天已提醒过，未重复提醒", await organiser.GetStringAsync($"/campaigns/{campaignId}/progress"), StringComparison.Ordinal);
        var hami = await factory.OrganisationIdAsync("哈密市科学技术协会");
        var hamiFiler = await factory.UserIdAsync("hami.filer@demo.local");
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == hamiFiler && n.Kind == NotificationKind.Reminder)));
        var mail = await factory.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.CampaignId == campaignId && m.OrganisationId == hami));
        Assert.Equal("hami.filer@demo.local", mail.To);
        Assert.Contains("哈密市科学技术协会", mail.Body, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:5080/campaigns/", mail.Body, StringComparison.Ordinal); // built from Site:BaseUrl, not the request
        Assert.Contains("已提醒 1 次", await organiser.GetStringAsync($"/campaigns/{campaignId}/progress"), StringComparison.Ordinal);

        // Sending: written as .eml in the mail folder (Development/test transport), marked sent.
        using (var scope = factory.Services.CreateScope())
        {
            var sent = await scope.ServiceProvider.GetRequiredService<OutboxService>().ProcessAsync("test", 100, CancellationToken.None);
            Assert.True(sent >= 1);
        }

        Assert.Equal(OutboxStatus.Sent, await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == mail.Id).Select(m => m.Status).SingleAsync()));
        var eml = Directory.GetFiles(Path.Combine(factory.DataDirectory, "mail"), "*.eml").Select(f => MimeMessage.Load(f)).ToList();
        Assert.Contains(eml, m => m.To.Mailboxes.Any(b => b.Address == "hami.filer@demo.local") && (m.Subject ?? string.Empty).Contains("总结报告", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.SignedInAsync("hami.filer@demo.local")).PostFormAsync($"/campaigns/{campaignId}/reminders",
            new Dictionary<string, string> { ["all"] = "true" }, "/filer")).StatusCode);
    }

    [Fact]
    public async Task AutomaticReminders_TwoRunnersRacing_EachUnitOnce()
    {
        var campaignId = await CampaignIdAsync(factory, "2023年自治区科技活动周");
        var today = CampaignPortal.Web.Infrastructure.ChinaTime.Today(TimeProvider.System);
        await factory.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaignId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReportDeadline, today.AddDays(3)).SetProperty(c => c.RemindDaysBefore, 3)));
        var submitted = await SubmittedAsync(campaignId);
        var expected = await factory.WithDbAsync(db => db.Participants.CountAsync(p => p.CampaignId == campaignId)) - submitted.Count;

        async Task<int> RunAsync()
        {
            using var scope = factory.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<ReminderService>().RunAutomaticAsync(CancellationToken.None);
        }

        var results = await Task.WhenAll(RunAsync(), RunAsync());
        var again = await RunAsync();

        var rows = await factory.WithDbAsync(db => db.Reminders.Where(r => r.CampaignId == campaignId).ToListAsync());
        Assert.Equal(expected, rows.Count);
        Assert.Equal(expected, results.Sum());
        Assert.Equal(0, again);
        Assert.All(rows, r => Assert.Equal(ReminderOccasion.BeforeDeadline, r.Occasion));
        Assert.Equal(rows.Count, rows.Select(r => r.OrganisationId).Distinct().Count());
    }

    [Fact]
    public async Task Outbox_RefusingServer_RetriesWithBackOff_RecordsTheError_GivesUpAfterSixTries()
    {
        await using var failing = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IMailTransport, RefusingTransport>()));
        var id = await factory.WithDbAsync(async db =>
        {
            var message = new OutboxMessage("someone@test.local", "测试", "正文", "测试", null, null, DateTimeOffset.UtcNow.AddDays(-1));
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });

        for (var attempt = 1; attempt <= OutboxMessage.MaxAttempts; attempt++)
        {
            using var scope = failing.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, DateTimeOffset.UtcNow.AddDays(-1)));
            await scope.ServiceProvider.GetRequiredService<OutboxService>().ProcessAsync("test", 10, CancellationToken.None);
            var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
            Assert.Equal(attempt, message.Attempts);
            Assert.Equal("550 relay not permitted", message.LastError);
            Assert.Equal(attempt < OutboxMessage.MaxAttempts ? OutboxStatus.Pending : OutboxStatus.Failed, message.Status);
            if (attempt < OutboxMessage.MaxAttempts)
            {
                Assert.True(message.NextAttemptAt > DateTimeOffset.UtcNow, "the next try waits");
            }
        }
    }

    /// <summary>The real SMTP client (MailKit) against a server that greets, then refuses every recipient with 550.</summary>
    [Fact]
    public async Task SmtpTransport_ServerRefuses_TheErrorIsWhatTheServerSaid()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var server = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream);
            await using var writer = new StreamWriter(stream) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 test ESMTP");
            while (await reader.ReadLineAsync() is { } line)
            {
                var command = line.Split(' ')[0].ToUpperInvariant();
                await writer.WriteLineAsync(command switch
                {
                    "EHLO" or "HELO" => "250 test",
                    "MAIL" => "250 ok",
                    "RCPT" => "550 5.7.1 relay not permitted",
                    "QUIT" => "221 bye",
                    _ => "250 ok",
                });
                if (command == "QUIT")
                {
                    break;
                }
            }
        });
        var transport = new SmtpMailTransport(Microsoft.Extensions.Options.Options.Create(new MailOptions { SmtpHost = "127.0.0.1", SmtpPort = port, SmtpSecurity = "None" }));
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("noreply@test.local"));
        message.To.Add(MailboxAddress.Parse("someone@test.local"));
        message.Subject = "测试";
        message.Body = new TextPart("plain") { Text = "正文" };

        var error = await Assert.ThrowsAnyAsync<Exception>(() => transport.SendAsync(message, CancellationToken.None));

        Assert.Contains("relay not permitted", error.Message, StringComparison.Ordinal);
        listener.Stop();
        await Task.WhenAny(server, Task.Delay(2000));
    }

    private sealed class RefusingTransport : IMailTransport
    {
        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) => throw new InvalidOperationException("550 relay not permitted");
    }
}
