using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace CampaignPortal.IntegrationTests.Performance;

/// <summary>
/// The list pages' commands at scale, replayed with <c>EXPLAIN QUERY PLAN</c>: no table is read in full except
/// <c>Organisations</c> — one row per association (hundreds in a province), read whole by the notice list's issuer
/// filter, which asks "has this organisation issued a public notice?" of each: cheaper than reading every issuer row
/// of every notice to answer the same.
/// </summary>
[Collection(ProvincialScale.Name)]
public sealed partial class ListPlanTests(ScaleMeasurements measured, ITestOutputHelper output)
{
    public static TheoryData<string> ListPages => [.. ScaleMeasurements.Pages.Where(p => p.IsList).Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(ListPages))]
    public async Task ListPage_QueryPlans_NoFullScanOfALargeTable(string name)
    {
        var offending = new List<string>();
        foreach (var command in measured.Large[name].Commands)
        {
            var plan = await QueryPlan.ExplainAsync(measured.Factory.DatabaseFile, command);
            foreach (var step in plan.Where(step => RollupPlanTests.IsFullScan(step, plan)))
            {
                var table = TableOf(command.Text, step["SCAN ".Length..].Split(' ')[0]);
                output.WriteLine($"{name}: {step} ({table})");
                if (table != "Organisations")
                {
                    offending.Add($"{step} ({table})\n  in: {command.Text}");
                }
            }
        }

        Assert.True(offending.Count == 0, $"{name}, full scans:\n" + string.Join("\n\n", offending));
    }

    /// <summary>The table EF aliased as <paramref name="alias"/> (<c>FROM "Organisations" AS "o"</c>).</summary>
    private static string TableOf(string sql, string alias) =>
        Alias().Matches(sql).FirstOrDefault(m => m.Groups["alias"].Value == alias)?.Groups["table"].Value ?? alias;

    [GeneratedRegex("\"(?<table>\\w+)\" AS \"(?<alias>\\w+)\"")]
    private static partial Regex Alias();
}
