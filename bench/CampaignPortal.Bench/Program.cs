using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignPortal.Bench;

/// <summary>Review-queue benchmark: the portal in process on a fresh SQLite file with the demo data, N submitted reports to
/// campaigns of 自治区科协, then timed requests as its reviewer. Usage: dotnet run -c Release --project bench/CampaignPortal.Bench -- [reports]</summary>
internal static class ReviewQueueBench
{
    public static async Task Main(string[] args)
    {
        SetContentRoot();
        if (args is ["seed", var directory, var size])
        {
            await Seeder.RunAsync(directory, int.Parse(size, CultureInfo.InvariantCulture));
            return;
        }

        var reports = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        const int Runs = 50;

        using var portal = new BenchPortal();
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var (campaignId, reportId) = await portal.SeedReportsAsync(reports);
        await SignInAsync(client, "xj.reviewer@demo.local");

        string[] pages =
        [
            "/reviews",
            "/reviews?page=500",
            "/reviews?status=&sort=Unit&page=250",
            $"/reviews?late=true&campaign={campaignId}&sort=Newest",
            $"/reports/{reportId}",
        ];

        Console.WriteLine($"Review queue, {reports:N0} reports, SQLite, in-process (TestServer), {Runs} requests per page after 5 warm-up requests");
        Console.WriteLine();
        Console.WriteLine("| Page | p50 ms | p95 ms | max ms |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var page in pages)
        {
            for (var i = 0; i < 5; i++)
            {
                await GetAsync(client, page);
            }

            var times = new List<double>();
            for (var i = 0; i < Runs; i++)
            {
                var watch = Stopwatch.StartNew();
                await GetAsync(client, page);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| `{page}` | {times[Runs / 2]:F1} | {times[(int)(Runs * 0.95)]:F1} | {times[^1]:F1} |"));
        }
    }

    /// <summary>The web project's folder as content root (views, wwwroot), found from the solution file above this program.</summary>
    private static void SetContentRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CampaignPortal.sln")))
        {
            root = root.Parent;
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CAMPAIGNPORTAL_WEB",
            Path.Combine(root?.FullName ?? throw new InvalidOperationException("CampaignPortal.sln not found."), "src", "CampaignPortal.Web"));
    }

    private static async Task GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{path}: {(int)response.StatusCode}");
        }

        await response.Content.ReadAsStringAsync();
    }

    private static async Task SignInAsync(HttpClient client, string email)
    {
        var form = await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = BenchPortal.Password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        });
        using var response = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), content);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException("Sign-in failed.");
        }
    }
}

internal sealed class BenchPortal : WebApplicationFactory<Program>
{
    public const string Password = "bench-demo-2026";

    private readonly string _data;
    private readonly bool _keep;

    public BenchPortal(string? directory = null, bool keep = false)
    {
        _data = directory ?? Path.Combine(Path.GetTempPath(), "campaignportal-bench", Guid.NewGuid().ToString("N"));
        _keep = keep;
    }

    public async Task<(int CampaignId, int ReportId)> SeedReportsAsync(int count)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var xinjiang = await db.Organisations.Where(o => o.Name == "新疆维吾尔自治区科学技术协会").Select(o => o.Id).SingleAsync();
        var units = await db.Organisations.Where(o => o.ParentId == xinjiang).OrderBy(o => o.Id).Select(o => o.Id).ToListAsync();
        var campaigns = Enumerable.Range(0, (count / units.Count) + 1).Select(i =>
        {
            var c = new Campaign(xinjiang, 2026, $"性能测试活动{i}", DateTimeOffset.UtcNow);
            c.Describe(2026, c.Title, null, new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31), null, new DateOnly(2026, 6, 15));
            c.Publish();
            return c;
        }).ToList();
        db.Campaigns.AddRange(campaigns);
        await db.SaveChangesAsync();
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        var due = DateTimeOffset.UtcNow.AddDays(-15);
        SummaryReport? last = null;
        for (var i = 0; i < count; i++)
        {
            var report = new SummaryReport(campaigns[i / units.Count].Id, units[i % units.Count], xinjiang, start, "填报员");
            report.Save(new ReportContent([new SectionText(1, "基本情况", $"<p>第 {i} 份报告。</p>")],
                [new FigureValue("activities", (i % 20) * 100, FigureQualifier.Exact, null, FigureSource.Manual)], "填报员", "0991-0000000", "负责人"), 0, start, "填报员");
            var version = report.Submit(report.Version, due, start.AddMinutes(i), "填报员");
            db.SummaryReports.Add(report);
            db.ReportVersions.Add(version);
            last = report;
            if (i % 2_000 == 1_999)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync();
        return (campaigns[0].Id, last!.Id);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:DataDirectory", _data);
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("Seed:DemoPassword", Password);
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("Logs:File", "false");
        builder.UseSetting("Security:RequireHttps", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (_keep)
        {
            return;
        }

        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
