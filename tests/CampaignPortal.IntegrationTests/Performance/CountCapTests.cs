using System.Text;
using System.Text.RegularExpressions;
using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.IntegrationTests.Performance;

/// <summary>
/// Counts that only feed a "99+" badge stop at 100, so a big queue costs the layout no more than a small one; the
/// reviewer's workbench still says the exact number.
/// </summary>
[Collection(ProvincialScale.Name)]
public sealed partial class CountCapTests(ScaleMeasurements measured)
{
    [Fact]
    public async Task WaitingBadge_StopsAt99Plus_WorkbenchSaysTheExactNumber()
    {
        var waiting = await measured.Factory.WithDbAsync(db => db.SummaryReports.CountAsync(r =>
            r.Status == ReportStatus.Submitted && db.Organisations.Any(o => o.Id == r.OwnerOrganisationId && o.Name == BudgetData.Xinjiang)));
        Assert.True(waiting > 100, $"the scale data should put more than 100 reports in the queue, not {waiting}");

        var queue = Encoding.UTF8.GetString(measured.Large["review queue"].Html);
        Assert.Matches(Badge(), queue);
        Assert.Equal("100", Badge().Match(queue).Groups[1].Value);

        var home = Encoding.UTF8.GetString(measured.Large["reviewer home"].Html);
        Assert.Contains($"有 <strong>{waiting}</strong> 份总结报告等待审核", home, StringComparison.Ordinal);
    }

    [GeneratedRegex("data-waiting=\"(\\d+)\">99(?:\\+|&#x2B;)")]
    private static partial Regex Badge();
}
