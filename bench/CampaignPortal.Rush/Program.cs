using System.Globalization;
using CampaignPortal.Rush;

// The deadline-rush driver (issue 14). Usage:
//   CampaignPortal.Rush seed <database file> <filers>
//   CampaignPortal.Rush run <base url> <database file> <files root> <password> <filers> <minutes> [summary.json]
// Exit code 0 only when no request failed, nothing was lost or half-stored and every filer got through.
switch (args)
{
    case ["seed", var database, var filers]:
        var setup = RushSeeder.Seed(database, int.Parse(filers, CultureInfo.InvariantCulture));
        Console.WriteLine($"campaign {setup.CampaignId}, {setup.Filers.Count} filers");
        return 0;
    case ["run", var url, var database, var files, var password, var filers, var minutes, .. var rest]:
        var options = new RushOptions(new Uri(url), database, files, password, int.Parse(filers, CultureInfo.InvariantCulture),
            TimeSpan.FromMinutes(double.Parse(minutes, CultureInfo.InvariantCulture)));
        var summary = (await RushDriver.RunAsync(options, Console.Out)).Summary;
        if (rest is [var json])
        {
            await File.WriteAllTextAsync(json, summary.ToJson());
        }

        Console.WriteLine(summary.ToTable());
        return summary.Passed ? 0 : 1;
    default:
        await Console.Error.WriteLineAsync("usage: seed <db> <filers> | run <url> <db> <files root> <password> <filers> <minutes> [summary.json]");
        return 2;
}
