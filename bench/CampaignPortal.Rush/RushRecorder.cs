using System.Collections.Concurrent;

namespace CampaignPortal.Rush;

/// <summary>A request that went wrong: which step, whose, what status (0 = no answer) and the start of the body.</summary>
public sealed record RushError(string Step, string Who, int Status, string Detail);

/// <summary>Latency of one step over the run, in milliseconds.</summary>
public sealed record StepStats(string Step, int Count, double P50, double P95, double P99, double Max);

/// <summary>Every timing and every error of a run, from many tasks at once.</summary>
public sealed class RushRecorder
{
    /// <summary>Steps that are page views: their p95 is held to the page goal (1 s).</summary>
    public static readonly IReadOnlySet<string> PageSteps = new HashSet<string> { Steps.Open, Steps.Page, Steps.Reopen, Steps.NoticeList, Steps.Notice };

    /// <summary>Steps that save a report: their p95 is held to the save goal (2 s).</summary>
    public static readonly IReadOnlySet<string> SaveSteps = new HashSet<string> { Steps.Save, Steps.Autosave, Steps.Submit };

    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _timings = new();
    private readonly ConcurrentQueue<RushError> _errors = new();

    public void Time(string step, TimeSpan elapsed) => _timings.GetOrAdd(step, _ => []).Add(elapsed.TotalMilliseconds);

    public void Error(string step, string who, int status, string detail)
    {
        var flat = detail.ReplaceLineEndings(" ");
        _errors.Enqueue(new RushError(step, who, status, flat.Length > 300 ? flat[..300] : flat));
    }

    public IReadOnlyList<RushError> Errors => [.. _errors];

    public IReadOnlyList<StepStats> Stats() =>
    [
        .. _timings.OrderBy(t => Steps.Order(t.Key)).Select(t =>
        {
            var sorted = t.Value.ToArray();
            Array.Sort(sorted);
            return new StepStats(t.Key, sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99), sorted[^1]);
        }),
    ];

    /// <summary>The p95 over all steps of a kind (every sample pooled, not an average of per-step figures).</summary>
    public double PooledP95(IReadOnlySet<string> steps)
    {
        var all = _timings.Where(t => steps.Contains(t.Key)).SelectMany(t => t.Value).ToArray();
        Array.Sort(all);
        return all.Length == 0 ? 0 : Percentile(all, 0.95);
    }

    /// <summary>Nearest-rank percentile of sorted samples.</summary>
    public static double Percentile(double[] sorted, double p)
    {
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

/// <summary>The names of the measured steps, in the order a filer takes them.</summary>
public static class Steps
{
    public const string SignIn = "sign-in";
    public const string Open = "open report";
    public const string Save = "save (form)";
    public const string Page = "report page (after redirect)";
    public const string Autosave = "save (autosave)";
    public const string Upload = "upload";
    public const string Submit = "submit";
    public const string Reopen = "reopen report";
    public const string NoticeList = "public: notice list";
    public const string Notice = "public: notice page";

    private static readonly string[] All = [SignIn, Open, Save, Page, Autosave, Upload, Submit, Reopen, NoticeList, Notice];

    public static int Order(string step) => Array.IndexOf(All, step) is var i and >= 0 ? i : All.Length;
}
