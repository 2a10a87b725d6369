using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CampaignPortal.Rush;

/// <summary>What a run is told: where the portal and its data are, how many filers over how long, and the bounds.</summary>
public sealed record RushOptions(Uri BaseAddress, string DatabaseFile, string FilesRoot, string Password, int Filers, TimeSpan Duration)
{
    public int MinFileBytes { get; init; } = 1024 * 1024;

    public int MaxFileBytes { get; init; } = 20 * 1024 * 1024;

    public int ThinkMinMs { get; init; } = 1_000;

    public int ThinkMaxMs { get; init; } = 4_000;

    /// <summary>Anonymous visitors reading notices throughout, one request after another with a short pause.</summary>
    public int Readers { get; init; } = 4;

    /// <summary>The share of filers who arrive in the last fifth of the run.</summary>
    public double LateShare { get; init; } = 1.0 / 3;

    public int Seed { get; init; } = 2026;

    /// <summary>How long after the nominal end unfinished journeys may still run before they count as errors.</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromMinutes(2);
}

/// <summary>A finished run: its summary, and what the reconciliation was held to (to check again later).</summary>
public sealed record RushRun(RushSummary Summary, RushSetup Setup, IReadOnlyList<FilerLog> Logs, DateTimeOffset Started);

/// <summary>
/// The deadline rush: seeds N filers (see <see cref="RushSeeder"/>), lets them arrive over the run with a third of them
/// in its last fifth, keeps anonymous readers on the public notice pages meanwhile, then reconciles the database and
/// file store against what each filer was told.
/// </summary>
public static partial class RushDriver
{
    public static async Task<RushRun> RunAsync(RushOptions options, TextWriter? progress = null)
    {
        var setup = RushSeeder.Seed(options.DatabaseFile, options.Filers);
        var recorder = new RushRecorder();
        var files = new UploadContent(options.MaxFileBytes, options.Seed);
        var journey = new FilerJourney(options, recorder, setup.CampaignId, files);
        var started = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(options.Duration + options.Grace);
        using var readersStop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, options.Readers).Select(i => ReadAsync(options, recorder, i, readersStop.Token)).ToList();

        var logs = new ConcurrentBag<FilerLog>();
        var arrivals = Arrivals(options);
        var filers = setup.Filers.Select(async filer =>
        {
            try
            {
                await Task.Delay(arrivals[filer.Index], stop.Token);
            }
            catch (OperationCanceledException)
            {
                recorder.Error("journey", filer.Email, 0, "never started: the run's time limit had passed");
                logs.Add(new FilerLog(filer));
                return;
            }

            logs.Add(await journey.RunAsync(filer, new Random(options.Seed + filer.Index), stop.Token));
        }).ToList();

        var all = Task.WhenAll(filers);
        while (await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(15))) != all)
        {
            progress?.WriteLine($"{watch.Elapsed:mm\\:ss} {logs.Count}/{options.Filers} filers done, {recorder.Errors.Count} errors");
        }

        // The readers run for the whole duration at least, and until the last filer is done.
        var remaining = options.Duration - watch.Elapsed;
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining);
        }

        await readersStop.CancelAsync();
        await Task.WhenAll(readers);
        var elapsed = watch.Elapsed;
        IReadOnlyList<FilerLog> ordered = [.. logs.OrderBy(l => l.Filer.Index)];
        var reconciliation = Reconciler.Check(options, setup, ordered, started);
        return new RushRun(RushSummary.From(options, recorder, ordered, reconciliation, elapsed), setup, ordered, started);
    }

    /// <summary>Arrival offsets: (1 − late share) of the filers evenly over the first four fifths, the rest over the last fifth.</summary>
    public static TimeSpan[] Arrivals(RushOptions options)
    {
        var n = options.Filers;
        var late = (int)Math.Round(n * options.LateShare);
        var early = n - late;
        var d = options.Duration.TotalMilliseconds;
        var offsets = new TimeSpan[n];
        for (var i = 0; i < n; i++)
        {
            offsets[i] = TimeSpan.FromMilliseconds(i < early
                ? d * 0.8 * i / Math.Max(1, early)
                : (d * 0.8) + (d * 0.2 * (i - early) / Math.Max(1, late)));
        }

        return offsets;
    }

    private static async Task ReadAsync(RushOptions options, RushRecorder recorder, int reader, CancellationToken cancellationToken)
    {
        var random = new Random(options.Seed * 31 + reader);
        using var client = new RushClient(options.BaseAddress, recorder, $"reader {reader + 1}");
        var notices = new List<string>();
        while (!cancellationToken.IsCancellationRequested)
        {
            if (notices.Count == 0 || random.Next(3) == 0)
            {
                var list = await client.PageAsync(Steps.NoticeList, "/notices");
                notices = list is null ? notices : [.. NoticeLink().Matches(list).Select(m => m.Value).Distinct()];
            }
            else
            {
                await client.PageAsync(Steps.Notice, notices[random.Next(notices.Count)]);
            }

            try
            {
                await Task.Delay(random.Next(100, 600), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [GeneratedRegex("/notices/\\d+(?=\")")]
    private static partial Regex NoticeLink();
}
