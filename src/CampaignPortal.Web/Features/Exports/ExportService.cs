using System.IO.Compression;
using System.Text;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Features.Progress;
using CampaignPortal.Web.Features.Reports;
using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Infrastructure.Files;
using CampaignPortal.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CampaignPortal.Web.Features.Exports;

public sealed record ExportJobView(Guid Id, ExportKind Kind, string CampaignTitle, int CampaignId, ExportStatus Status, int Progress, string? FileName, long? Size,
    string? Error, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);

/// <summary>
/// Word documents of reports, and the long exports made in the background: the 汇编 of a campaign's approved reports
/// and the ZIP of all its reports' attachments (each under the unit's folder with its original name, plus a list with
/// SHA-256). Jobs are claimed with a short lock so one process runs each; results are kept for <c>Exports:KeepHours</c>.
/// </summary>
public sealed partial class ExportService(
    AppDbContext db, CurrentUser currentUser, ProgressService progress, ReportReadService reports, IFileStore store, FileService files,
    IOptions<DocumentOptions> fonts, IConfiguration configuration, TimeProvider clock, ILogger<ExportService> logger)
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>One report (its latest or a given version) as a 公文-style document, for whoever may read it.</summary>
    public async Task<(string FileName, byte[] Content)?> ReportDocumentAsync(int reportId, int? number, CancellationToken cancellationToken)
    {
        if (await reports.ShowAsync(reportId, number, null, cancellationToken) is not { Version: { } version } model)
        {
            return null;
        }

        var doc = ToDoc(model.CampaignTitle, model.UnitName, version, model.Indicators);
        using var output = new MemoryStream();
        GongwenDocument.WriteReport(output, doc, fonts.Value);
        return ($"{model.UnitName}-{model.CampaignTitle}总结报告（第{version.Number}版）.docx", output.ToArray());
    }

    public async Task<Guid?> QueueAsync(int campaignId, ExportKind kind, CancellationToken cancellationToken)
    {
        // The owner's organisers only: the level above reads roll-ups (DOMAIN.md), not every report's text and files.
        if (await progress.CampaignAsync(campaignId, cancellationToken) is not { CanManage: true } || !Enum.IsDefined(kind))
        {
            return null;
        }

        var own = await currentUser.GetOrganisationAsync(cancellationToken);
        var job = new ExportJob(Guid.NewGuid(), kind, campaignId, currentUser.UserId!, own.Id, clock.GetUtcNow());
        db.ExportJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        return job.Id;
    }

    public async Task<ExportJobView?> JobAsync(Guid id, CancellationToken cancellationToken)
    {
        var own = (await currentUser.GetOrganisationAsync(cancellationToken)).Id;
        return await db.ExportJobs.AsNoTracking().Where(j => j.Id == id && j.OrganisationId == own)
            .Select(j => new ExportJobView(j.Id, j.Kind, db.Campaigns.Where(c => c.Id == j.CampaignId).Select(c => c.Title).Single(), j.CampaignId, j.Status,
                j.Progress, j.FileName, j.Size, j.Error, j.CreatedAt, j.ExpiresAt))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<(string FileName, Stream Content, string ContentType)?> DownloadAsync(Guid id, CancellationToken cancellationToken)
    {
        var own = (await currentUser.GetOrganisationAsync(cancellationToken)).Id;
        var job = await db.ExportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id && j.OrganisationId == own && j.Status == ExportStatus.Done, cancellationToken);
        return job is null
            ? null
            : (job.FileName!, store.OpenRead(job.StorageKey!), job.Kind == ExportKind.Compilation ? DocxType : "application/zip");
    }

    /// <summary>Runs the queued jobs (and removes expired results); returns how many ran.</summary>
    public async Task<int> ProcessAsync(string worker, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var expired in await db.ExportJobs.Where(j => j.ExpiresAt != null && j.ExpiresAt < now).Take(20).ToListAsync(cancellationToken))
        {
            if (expired.StorageKey is { } key)
            {
                try
                {
                    await store.DeleteAsync(key, cancellationToken);
                }
                catch (IOException)
                {
                }
            }

            db.ExportJobs.Remove(expired);
        }

        await db.SaveChangesAsync(cancellationToken);
        var queued = await db.ExportJobs.Where(j => j.Status == ExportStatus.Queued && (j.LockedUntil == null || j.LockedUntil < now))
            .OrderBy(j => j.CreatedAt).Select(j => j.Id).Take(5).ToListAsync(cancellationToken);
        var ran = 0;
        foreach (var id in queued)
        {
            var until = now.AddMinutes(30);
            var claimed = await db.ExportJobs.Where(j => j.Id == id && j.Status == ExportStatus.Queued && (j.LockedUntil == null || j.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.LockedBy, worker).SetProperty(j => j.LockedUntil, until), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            var job = await db.ExportJobs.SingleAsync(j => j.Id == id, cancellationToken);
            job.Start();
            await db.SaveChangesAsync(cancellationToken);
            try
            {
                await RunAsync(job, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                job.Fail("导出失败：" + ex.Message, clock.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
                LogFailed(logger, job.Id, ex);
            }

            ran++;
        }

        return ran;
    }

    private async Task RunAsync(ExportJob job, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Indicators).SingleAsync(c => c.Id == job.CampaignId, cancellationToken);
        var indicators = campaign.Indicators.OrderBy(i => i.Order).ToList();
        var keep = TimeSpan.FromHours(configuration.GetValue("Exports:KeepHours", 72));
        var now = clock.GetUtcNow();
        var key = $"exports/{now:yyyy}/{now:MM}/{job.Id:N}";
        var temp = Path.GetTempFileName();
        await using (var file = new FileStream(temp, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous))
        {
            string name;
            if (job.Kind == ExportKind.Compilation)
            {
                var approved = await db.SummaryReports.AsNoTracking().Where(r => r.CampaignId == job.CampaignId && r.Status == ReportStatus.Approved)
                    .OrderBy(r => r.Organisation!.Path).Select(r => new { r.Id, r.LatestVersionNumber, Unit = r.Organisation!.Name }).ToListAsync(cancellationToken);
                var docs = new List<DocReport>();
                foreach (var r in approved)
                {
                    var version = await db.ReportVersions.AsNoTracking().SingleAsync(v => v.ReportId == r.Id && v.Number == r.LatestVersionNumber, cancellationToken);
                    docs.Add(ToDoc(campaign.Title, r.Unit, version, indicators));
                    await ProgressAsync(job, docs.Count * 80 / Math.Max(1, approved.Count), cancellationToken);
                }

                GongwenDocument.WriteCompilation(file, $"{campaign.Title}总结报告汇编", $"共 {docs.Count} 份（已审核通过）　{ChinaTime.ToChineseDate(now)}",
                    docs, fonts.Value, p => job.Report(p));
                name = $"{campaign.Title}总结报告汇编.docx";
            }
            else
            {
                await WriteAttachmentsAsync(file, job, cancellationToken);
                name = $"{campaign.Title}报告附件.zip";
            }

            file.Position = 0;
            var (size, _) = await store.SaveAsync(key, file, long.MaxValue, cancellationToken);
            job.Complete(key, name, size, clock.GetUtcNow(), keep);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Every file of the latest submitted version of each report (submitted or approved), under the unit's name, with a list.</summary>
    private async Task WriteAttachmentsAsync(Stream output, ExportJob job, CancellationToken cancellationToken)
    {
        var reportsToZip = await db.SummaryReports.AsNoTracking()
            .Where(r => r.CampaignId == job.CampaignId && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Approved))
            .OrderBy(r => r.Organisation!.Path).Select(r => new { r.Id, r.LatestVersionNumber, Unit = r.Organisation!.Name }).ToListAsync(cancellationToken);
        var list = new StringBuilder("单位\t文件\t类型\t大小（字节）\tSHA-256\n");
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8))
        {
            var done = 0;
            foreach (var r in reportsToZip)
            {
                var attached = await db.ReportVersions.AsNoTracking().Where(v => v.ReportId == r.Id && v.Number == r.LatestVersionNumber)
                    .SelectMany(v => v.Files).ToListAsync(cancellationToken);
                var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var f in attached)
                {
                    var stored = await db.StoredFiles.AsNoTracking().SingleAsync(s => s.Id == f.StoredFileId, cancellationToken);
                    var entryName = $"{Safe(r.Unit)}/{Unique(used, Safe(f.Name))}";
                    var entry = zip.CreateEntry(entryName, CompressionLevel.Fastest);
                    await using (var target = await entry.OpenAsync(cancellationToken))
                    await using (var source = files.OpenRead(stored))
                    {
                        await source.CopyToAsync(target, cancellationToken);
                    }

                    list.Append(r.Unit).Append('\t').Append(f.Name).Append('\t').Append(f.Kind.ToChinese()).Append('\t')
                        .Append(f.Size.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\t').Append(f.Sha256).Append('\n');
                }

                await ProgressAsync(job, ++done * 95 / Math.Max(1, reportsToZip.Count), cancellationToken);
            }

            var manifest = zip.CreateEntry("附件清单.txt");
            await using var writer = new StreamWriter(await manifest.OpenAsync(cancellationToken), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            await writer.WriteAsync(list.ToString());
        }
    }

    /// <summary>Written at once (not with the job's final save), so the page shows it while the job runs; in steps of 5 %.</summary>
    private async Task ProgressAsync(ExportJob job, int percent, CancellationToken cancellationToken)
    {
        if (percent - job.Progress < 5)
        {
            return;
        }

        job.Report(percent);
        await db.ExportJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Progress, percent), cancellationToken);
    }

    private static string Safe(string name) => string.Concat(name.Select(c => c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c));

    private static string Unique(HashSet<string> used, string name)
    {
        var candidate = name;
        for (var i = 2; !used.Add(candidate); i++)
        {
            candidate = $"{Path.GetFileNameWithoutExtension(name)}（{i}）{Path.GetExtension(name)}";
        }

        return candidate;
    }

    private static DocReport ToDoc(string campaignTitle, string unit, ReportVersion version, IReadOnlyList<Indicator> indicators) =>
        new($"{unit}{campaignTitle}总结报告", unit, campaignTitle, $"{ChinaTime.ToChineseDate(version.SubmittedAt)}报送（第 {version.Number} 版）",
            [.. version.Sections.OrderBy(s => s.Order).Select(s => (s.Title, s.Html))],
            [
                .. indicators.Select(i => (i, f: version.Figures.FirstOrDefault(x => string.Equals(x.Code, i.Code, StringComparison.OrdinalIgnoreCase))))
                    .Where(x => x.f is not null)
                    .Select(x => new DocFigure(x.i.Group ?? string.Empty, x.i.Name, x.f!.Display(x.i.Unit), x.f.Note)),
            ],
            [.. version.Media.OrderBy(m => m.Order).Select(m => new DocMedia(m.Outlet, m.Kind.ToChinese(), m.Title, m.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), m.PageOrSlot))],
            version.FilerName is null ? null : $"填报人：{version.FilerName}　联系电话：{version.FilerPhone}　单位负责人：{version.ResponsiblePerson}");

    [LoggerMessage(Level = LogLevel.Error, Message = "Export {JobId} failed")]
    private static partial void LogFailed(ILogger logger, Guid jobId, Exception exception);
}

/// <summary>Runs queued exports every few seconds (off when <c>Jobs:Enabled</c> is false).</summary>
public sealed partial class ExportWorker(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<ExportWorker> logger) : BackgroundService
{
    private readonly string _name = $"{Environment.ProcessId}-{Guid.NewGuid():N}";

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
                await scope.ServiceProvider.GetRequiredService<ExportService>().ProcessAsync(_name, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogError(logger, ex);
            }

            await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Export worker failed")]
    private static partial void LogError(ILogger logger, Exception exception);
}
