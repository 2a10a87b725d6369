using System.Diagnostics;
using System.Net;
using CampaignPortal.FaultTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace CampaignPortal.FaultTests;

/// <summary>The database held by another connection (<c>BEGIN EXCLUSIVE</c>) while people save.</summary>
public sealed class DatabaseLockTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Save_WhileDatabaseHeldExclusive_Answers503WithinTenSecondsAndRecoversWithoutRestart()
    {
        await using var portal = new PortalProcess();
        await portal.StartAsync();
        var pid = portal.ProcessId;
        var campaignId = PortalDb.CampaignId(portal);
        using var filer = await Browser.SignedInAsync(portal, "hami.filer@demo.local");
        var (token, version) = await ReportForm.OpenAsync(filer, campaignId);
        var saved = await ReportForm.PostAsync(filer, campaignId, ReportForm.Complete(version, "锁前保存"), token, submit: false);
        Assert.True(ReportForm.Acknowledged(saved));
        var beforeLock = PortalDb.ReportSnapshot(portal, PortalDb.Hami);
        (token, version) = await ReportForm.OpenAsync(filer, campaignId);

        TimeSpan saveWait, autosaveWait;
        using (var holder = HoldExclusive(portal))
        {
            // A save: the page says 系统繁忙 within 10 s, asks to retry later, and the form's text was not stored.
            var stopwatch = Stopwatch.StartNew();
            using var refused = await ReportForm.PostAsync(filer, campaignId, ReportForm.Complete(version, "锁定期间的保存"), token, submit: false);
            saveWait = stopwatch.Elapsed;
            var page = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.True(saveWait < TimeSpan.FromSeconds(10), $"The 503 took {saveWait.TotalSeconds:0.0} s");
            Assert.Contains("系统繁忙", page, StringComparison.Ordinal);
            Assert.Contains("没有保存", page, StringComparison.Ordinal);
            Assert.NotNull(refused.Headers.RetryAfter);

            // Autosave from the page's script: JSON with the message, same status.
            stopwatch.Restart();
            using var autosave = await filer.PostAsync(
                $"/campaigns/{campaignId}/report/autosave",
                new FormUrlEncodedContent(new Dictionary<string, string>(ReportForm.Complete(version, "锁定期间的自动保存")) { ["__RequestVerificationToken"] = token }));
            autosaveWait = stopwatch.Elapsed;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, autosave.StatusCode);
            Assert.Contains("系统繁忙", await autosave.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.True(autosaveWait < TimeSpan.FromSeconds(10));

            Execute(holder, "ROLLBACK");
        }

        SqliteConnection.ClearAllPools();
        Assert.Equal(beforeLock, PortalDb.ReportSnapshot(portal, PortalDb.Hami));

        // Released: the same form saves at once, in the same process (no restart), and a new person can sign in.
        var recovered = await ReportForm.PostAsync(filer, campaignId, ReportForm.Complete(version, "解锁后保存"), token, submit: false);
        Assert.True(ReportForm.Acknowledged(recovered), $"After the lock the save answered {(int)recovered.StatusCode}");
        Assert.Equal(pid, portal.ProcessId);
        var after = PortalDb.ReportSnapshot(portal, PortalDb.Hami)!;
        Assert.Contains("解锁后保存", after, StringComparison.Ordinal);
        Assert.DoesNotContain("锁定期间", after, StringComparison.Ordinal);
        using var other = await Browser.SignedInAsync(portal, "klmy.filer@demo.local");
        PortalDb.AssertConsistent(portal);
        FaultLog.Line(output, $"database lock: save refused with 503 after {saveWait.TotalSeconds:0.0} s, autosave after {autosaveWait.TotalSeconds:0.0} s; saved again without restart");
    }

    /// <summary>
    /// An attachment is written to disk before its row: when the row cannot be saved the upload answers 503 and takes
    /// its file back, so no file is left on disk that no row names (the deadline rush found such files).
    /// </summary>
    [Fact]
    public async Task Upload_WhileDatabaseHeldExclusive_Answers503AndLeavesNoFileOnDisk()
    {
        await using var portal = new PortalProcess();
        await portal.StartAsync();
        var campaignId = PortalDb.CampaignId(portal);
        using var filer = await Browser.SignedInAsync(portal, "hami.filer@demo.local");
        var (token, version) = await ReportForm.OpenAsync(filer, campaignId);
        Assert.True(ReportForm.Acknowledged(await ReportForm.PostAsync(filer, campaignId, ReportForm.Complete(version, "上传前保存"), token, submit: false)));
        (token, _) = await ReportForm.OpenAsync(filer, campaignId);
        var before = Directory.EnumerateFiles(portal.FilesRoot, "*", SearchOption.AllDirectories).Order().ToList();

        using (var holder = HoldExclusive(portal))
        {
            using var refused = await filer.PostAsync($"/campaigns/{campaignId}/report/files", Browser.FileForm(token, "活动总结.pdf", TestFiles.Pdf(256 * 1024)));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Execute(holder, "ROLLBACK");
        }

        SqliteConnection.ClearAllPools();
        Assert.Equal(before, Directory.EnumerateFiles(portal.FilesRoot, "*", SearchOption.AllDirectories).Order().ToList());
        Assert.Empty(PortalDb.ReportFiles(portal, PortalDb.Hami));
        PortalDb.AssertConsistent(portal);
    }

    private static SqliteConnection HoldExclusive(PortalProcess portal)
    {
        var holder = PortalDb.Open(portal);
        Execute(holder, "BEGIN EXCLUSIVE");
        return holder;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
