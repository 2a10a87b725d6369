using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CampaignPortal.Rush;

/// <summary>A run's figures and verdict: the JSON bench/rush.sh turns into docs/performance.md, and a readable table.</summary>
public sealed record RushSummary(
    int Filers,
    double Minutes,
    double ElapsedSeconds,
    int Finished,
    int SubmissionsAcknowledged,
    int UploadsAcknowledged,
    long MegabytesUploaded,
    double PageP95,
    double SaveP95,
    IReadOnlyList<StepStats> Steps,
    IReadOnlyList<RushError> Errors,
    Reconciliation Reconciliation)
{
    public const double PageGoalMs = 1_000;
    public const double SaveGoalMs = 2_000;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>No error, nothing lost or half-stored, every filer through. The latency goals are reported, not enforced.</summary>
    public bool Passed => Errors.Count == 0 && Reconciliation.Lost.Count == 0 && Reconciliation.HalfStored.Count == 0 && Finished == Filers;

    public static RushSummary From(RushOptions options, RushRecorder recorder, IReadOnlyList<FilerLog> logs, Reconciliation reconciliation, TimeSpan elapsed)
    {
        var uploads = logs.SelectMany(l => l.Uploads).Where(u => u.Acknowledged).ToList();
        return new RushSummary(options.Filers, options.Duration.TotalMinutes, Math.Round(elapsed.TotalSeconds, 1), logs.Count(l => l.Finished),
            logs.Count(l => l.SubmittedVersion is not null), uploads.Count, uploads.Sum(u => u.Size) / (1024 * 1024),
            Math.Round(recorder.PooledP95(RushRecorder.PageSteps), 1), Math.Round(recorder.PooledP95(RushRecorder.SaveSteps), 1),
            [.. recorder.Stats().Select(s => s with { P50 = Math.Round(s.P50, 1), P95 = Math.Round(s.P95, 1), P99 = Math.Round(s.P99, 1), Max = Math.Round(s.Max, 1) })],
            recorder.Errors, reconciliation);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json) is var text ? text : string.Empty;

    public string ToTable()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"Deadline rush: {Filers} filers over {Minutes:0.#} min (took {ElapsedSeconds:F0} s); {Finished} finished, "
            + $"{SubmissionsAcknowledged} submissions and {UploadsAcknowledged} uploads ({MegabytesUploaded:N0} MB) acknowledged");
        text.AppendLine();
        text.AppendLine("| Step | Requests | p50 ms | p95 ms | p99 ms | max ms |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var s in Steps)
        {
            text.AppendLine(c, $"| {s.Step} | {s.Count:N0} | {s.P50:F0} | {s.P95:F0} | {s.P99:F0} | {s.Max:F0} |");
        }

        text.AppendLine();
        text.AppendLine(c, $"Pages p95 {PageP95:F0} ms (goal ≤ {PageGoalMs:F0}) · saves p95 {SaveP95:F0} ms (goal ≤ {SaveGoalMs:F0}) · "
            + $"errors {Errors.Count} · lost {Reconciliation.Lost.Count} · half-stored {Reconciliation.HalfStored.Count} · "
            + $"reconciled {Reconciliation.SubmissionsChecked} submissions, {Reconciliation.FilesChecked} files");
        foreach (var group in Errors.GroupBy(e => (e.Step, e.Status)).OrderByDescending(g => g.Count()))
        {
            text.AppendLine(c, $"  error ×{group.Count()}: {group.Key.Step} → {group.Key.Status}: {group.First().Detail}");
        }

        foreach (var line in Reconciliation.Lost.Concat(Reconciliation.HalfStored).Take(20))
        {
            text.AppendLine("  " + line);
        }

        text.AppendLine(Passed ? "PASSED" : "FAILED");
        return text.ToString();
    }
}
