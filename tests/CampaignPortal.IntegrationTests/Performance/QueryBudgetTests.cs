using Xunit.Abstractions;

namespace CampaignPortal.IntegrationTests.Performance;

/// <summary>
/// Issue 13: the SQL commands of one request (layout included) are the same with the demo's rows as at provincial
/// scale, and within budget — list pages ≤ 5, dashboards ≤ 8. Measured as production runs (no session check on the
/// request, see <see cref="PerformanceFactory"/>).
/// </summary>
[Collection(ProvincialScale.Name)]
public sealed class QueryBudgetTests(ScaleMeasurements measured, ITestOutputHelper output)
{
    public const int ListBudget = 5;
    public const int DashboardBudget = 8;

    public static TheoryData<string> Pages => [.. ScaleMeasurements.Pages.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Pages))]
    public void Page_QueryCount_SameAtBothSizesAndWithinBudget(string name)
    {
        var budget = ScaleMeasurements.Pages.Single(p => p.Name == name).IsList ? ListBudget : DashboardBudget;
        var small = measured.Small[name].Commands;
        var large = measured.Large[name].Commands;
        output.WriteLine($"{name}: {small.Count} commands with the demo data, {large.Count} at scale");

        Assert.True(small.Count == large.Count, $"{name}: {small.Count} commands small, {large.Count} large\n{Describe(large)}");
        Assert.True(large.Count <= budget, $"{name}: {large.Count} commands, budget {budget}\n{Describe(large)}");
    }

    private static string Describe(IReadOnlyList<Infrastructure.RecordedCommand> commands) => string.Join("\n---\n", commands.Select(c => c.Text));
}
