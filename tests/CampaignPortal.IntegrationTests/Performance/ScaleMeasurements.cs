using System.Net;
using CampaignPortal.IntegrationTests.Infrastructure;

namespace CampaignPortal.IntegrationTests.Performance;

/// <summary>A page measured for issue 13: who asks for it, whether it is a list or a dashboard, and its address (given the Xinjiang campaign's id).</summary>
public sealed record MeasuredPage(string Name, string? User, bool IsList, Func<int, string> Path);

/// <summary>What one request of a page sent to the database and returned.</summary>
public sealed record PageMeasurement(IReadOnlyList<RecordedCommand> Commands, byte[] Html);

/// <summary>The pages measured on one portal: on the demo data, then again after rows are added at provincial scale.</summary>
[CollectionDefinition(Name)]
public sealed class ProvincialScale : ICollectionFixture<ScaleMeasurements>
{
    public const string Name = "Provincial scale";
}

/// <summary>
/// Measures every page on the demo data (tens of rows a table), then adds 300 participating units (the issue's
/// province has 200) with 30,000 activities and 200 reports (half approved), 5,000 notices, 100 campaigns and 6,000
/// notifications, and measures again. Each measurement is the second request of a session (the first may create
/// data-protection keys or compile views).
/// </summary>
public sealed class ScaleMeasurements : IAsyncLifetime
{
    public static readonly MeasuredPage[] Pages =
    [
        new("notice list", null, true, _ => "/notices"),
        new("notice list, signed in", "hami.filer@demo.local", true, _ => "/notices"),
        new("review queue", "xj.reviewer@demo.local", true, _ => "/reviews"),
        new("completion grid", "xj.organiser@demo.local", true, id => $"/campaigns/{id}/progress"),
        new("activity list", "xj.organiser@demo.local", true, id => $"/campaigns/{id}/activities"),
        new("roll-up", "xj.organiser@demo.local", true, id => $"/campaigns/{id}/rollup"),
        new("roll-up with waiting reports", "xj.organiser@demo.local", true, id => $"/campaigns/{id}/rollup?submitted=true"),
        new("organiser home", "xj.organiser@demo.local", false, _ => "/organiser"),
        new("filer home", "hami.filer@demo.local", false, _ => "/filer"),
        new("reviewer home", "xj.reviewer@demo.local", false, _ => "/reviewer"),
        new("dashboard", "xj.organiser@demo.local", false, _ => "/"),
    ];

    public PerformanceFactory Factory { get; } = new();

    public Dictionary<string, PageMeasurement> Small { get; } = [];

    public Dictionary<string, PageMeasurement> Large { get; } = [];

    public async Task InitializeAsync()
    {
        var campaignId = await ReportSteps.CampaignIdAsync(Factory);
        var clients = new Dictionary<string, PortalClient>();
        foreach (var user in Pages.Select(p => p.User ?? string.Empty).Distinct())
        {
            clients[user] = user.Length == 0 ? Factory.CreatePortalClient() : await Factory.SignedInAsync(user);
        }

        try
        {
            await MeasureAsync(clients, campaignId, Small);
            await BudgetData.AddUnitsAsync(Factory, campaignId, units: 300, activitiesPerUnit: 100);
            await BudgetData.AddNoticesAsync(Factory, 5_000);
            await BudgetData.AddCampaignsAsync(Factory, 100);
            await BudgetData.AddNotificationsAsync(Factory, 2_000, "xj.organiser@demo.local", "xj.reviewer@demo.local", "hami.filer@demo.local");
            await MeasureAsync(clients, campaignId, Large);
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }
    }

    private async Task MeasureAsync(Dictionary<string, PortalClient> clients, int campaignId, Dictionary<string, PageMeasurement> into)
    {
        foreach (var page in Pages)
        {
            var client = clients[page.User ?? string.Empty];
            var path = page.Path(campaignId);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
            Factory.Commands.Reset();
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var commands = Factory.Commands.Sent;
            into[page.Name] = new PageMeasurement(commands, await response.Content.ReadAsByteArrayAsync());
        }
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
