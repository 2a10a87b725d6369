using System.Diagnostics;
using CampaignPortal.FaultTests.Infrastructure;
using Microsoft.Playwright;

namespace CampaignPortal.BrowserTests.TwoProcesses;

/// <summary>
/// Two web processes, A and B, launched at the same moment on one fresh SQLite file (empty DataProtectionKeys), one file
/// store and one mail folder, as two servers behind a load balancer would share them; their background jobs run, the
/// automatic reminders every 6 s. Plus Debian's Chromium. Both are the built portal (<see cref="PortalProcess"/>).
/// </summary>
public sealed class TwoPortals : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Jobs:Enabled"] = "true",
        ["Jobs:ReminderMinutes"] = "0.1",
        // Each automatic run is logged, so the test can tell which process ran it.
        ["Serilog:MinimumLevel:Override:CampaignPortal.Web.Features.Progress"] = "Information",
    };

    private IPlaywright? _playwright;

    public TwoPortals()
    {
        A = new PortalProcess(Settings);
        B = new PortalProcess(Settings, A.DataDirectory);
    }

    public PortalProcess A { get; }

    public PortalProcess B { get; }

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>From launching both to both answering /health.</summary>
    public TimeSpan StartDuration { get; private set; }

    public string MailFolder => Path.Combine(A.DataDirectory, "mail");

    public async Task InitializeAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(A.StartAsync(), B.StartAsync());
        StartDuration = stopwatch.Elapsed;
        Directory.CreateDirectory(BrowserFixture.ScreenshotDirectory);
        _playwright = await Playwright.CreateAsync();
        Browser = await BrowserFixture.LaunchChromiumAsync(_playwright);
    }

    /// <summary>A new browser (own cookies) whose relative addresses go to <paramref name="home"/>.</summary>
    public async Task<IPage> NewPageAsync(PortalProcess home)
    {
        var context = await Browser.NewContextAsync(BrowserFixture.ContextOptions(home.BaseAddress));
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await B.DisposeAsync();
        await A.DisposeAsync();
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TwoProcessGroup : ICollectionFixture<TwoPortals>
{
    public const string Name = "two web processes";
}
