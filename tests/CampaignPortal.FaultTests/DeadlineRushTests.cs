using CampaignPortal.FaultTests.Infrastructure;
using CampaignPortal.Rush;
using Xunit.Abstractions;

namespace CampaignPortal.FaultTests;

/// <summary>
/// The deadline rush of issue 14 in CI: 30 filers over one minute against the real portal process (bench/rush.sh runs
/// the 300-filer, 10-minute version). Fails on any error, any lost or half-stored submission or file.
/// </summary>
public sealed class DeadlineRushTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Rush_ThirtyFilersInOneMinute_EverySubmissionAndFileKept()
    {
        await using var portal = new PortalProcess();
        await portal.StartAsync();
        var options = new RushOptions(portal.BaseAddress, portal.DatabaseFile, portal.FilesRoot, PortalProcess.DemoPassword, 30, TimeSpan.FromMinutes(1))
        {
            // Shorter pauses than bench/rush.sh's so the last arrivals finish soon after the minute (CI budget 2 min).
            ThinkMinMs = 300,
            ThinkMaxMs = 1_500,
            Grace = TimeSpan.FromSeconds(45),
        };

        var run = await RushDriver.RunAsync(options);

        var summary = run.Summary;
        output.WriteLine(summary.ToTable());
        FaultLog.Line(output, $"Deadline rush (30 filers, 1 min): {summary.SubmissionsAcknowledged} submitted, {summary.UploadsAcknowledged} files "
            + $"({summary.MegabytesUploaded} MB), page p95 {summary.PageP95:F0} ms, save p95 {summary.SaveP95:F0} ms, {summary.Errors.Count} errors, "
            + $"{summary.Reconciliation.Lost.Count} lost, {summary.Reconciliation.HalfStored.Count} half-stored");
        Assert.True(summary.Passed, summary.ToTable() + portal.LogTail());
        Assert.Equal(30, summary.SubmissionsAcknowledged);
        Assert.Equal(summary.UploadsAcknowledged, summary.Reconciliation.FilesChecked);
        PortalDb.AssertConsistent(portal);

        // The reconciliation sees a loss: one acknowledged file with a byte changed on disk is reported.
        var victim = run.Logs.SelectMany(l => l.Uploads).First(u => u.Acknowledged);
        using (var connection = RushDb.Open(portal.DatabaseFile))
        {
            var key = RushDb.Text(connection, "SELECT StorageKey FROM StoredFiles WHERE Sha256 = $s", ("$s", victim.Sha256));
            await using var file = File.OpenWrite(Path.Combine(portal.FilesRoot, key));
            file.WriteByte((byte)'#');
        }

        var again = Reconciler.Check(options, run.Setup, run.Logs, run.Started);
        Assert.Contains(again.Lost, l => l.Contains(victim.Name, StringComparison.Ordinal));
    }
}
