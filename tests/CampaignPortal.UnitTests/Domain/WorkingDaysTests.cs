using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure;

namespace CampaignPortal.UnitTests.Domain;

/// <summary>公示期 in working days: weekends skipped (public holidays are not known to the portal, see WorkingDays).</summary>
public sealed class WorkingDaysTests
{
    [Theory]
    [InlineData("2026-12-07", 5, "2026-12-11")] // Monday → Friday
    [InlineData("2026-12-08", 5, "2026-12-14")] // Tuesday → next Monday, over a weekend
    [InlineData("2026-12-10", 5, "2026-12-16")] // Thursday → next Wednesday
    [InlineData("2026-12-11", 5, "2026-12-17")] // Friday → next Thursday
    [InlineData("2026-12-05", 5, "2026-12-11")] // Saturday: counting starts on Monday
    [InlineData("2026-12-06", 5, "2026-12-11")] // Sunday: likewise
    [InlineData("2026-12-11", 1, "2026-12-11")] // Friday, one day
    [InlineData("2026-12-12", 1, "2026-12-14")] // Saturday, one day → Monday
    [InlineData("2026-12-07", 10, "2026-12-18")] // two weeks
    [InlineData("2026-12-28", 5, "2027-01-01")] // New Year's Day is counted: holidays are not known
    public void End_SkipsWeekends(string start, int days, string end) =>
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), WorkingDays.End(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), days));

    [Fact]
    public void End_NeverFallsOnAWeekend()
    {
        for (var start = new DateOnly(2026, 1, 1); start < new DateOnly(2027, 1, 1); start = start.AddDays(1))
        {
            for (var days = 1; days <= 12; days++)
            {
                var end = WorkingDays.End(start, days);
                Assert.True(WorkingDays.IsWorkingDay(end));
                var counted = 0;
                for (var d = start; d <= end; d = d.AddDays(1))
                {
                    counted += WorkingDays.IsWorkingDay(d) ? 1 : 0;
                }

                Assert.Equal(days, counted);
            }
        }
    }

    [Fact]
    public void End_ZeroDays_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => WorkingDays.End(new DateOnly(2026, 12, 7), 0));

    [Theory]
    [InlineData("2026-12-07", "2026-12-11", "2026年12月7日至12月11日")]
    [InlineData("2026-12-28", "2027-01-01", "2026年12月28日至2027年1月1日")]
    public void PeriodText_RepeatsTheYearOnlyAcrossNewYear(string start, string end, string expected) =>
        Assert.Equal(expected, WorkingDays.PeriodText(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Announcement_EndsAtTheEndOfTheLastDayInChina_AndFinalisesOnlyAfterItWithEveryObjectionHandled()
    {
        var now = ChinaTime.FromChinaLocal(new DateTime(2026, 12, 5, 10, 0, 0, DateTimeKind.Unspecified));
        var announcement = new Announcement(1, 1, new AnnouncementDetails("公示", "正文", new DateOnly(2026, 12, 7), 5, "张三", "0991-1234567"),
            [new AnnouncementEntry(10, true, false, null), new AnnouncementEntry(11, true, true, null)], now);
        Assert.Equal(new DateOnly(2026, 12, 11), announcement.EndsOn);
        Assert.Equal(ChinaTime.FromChinaLocal(new DateTime(2026, 12, 12, 0, 0, 0, DateTimeKind.Unspecified)), announcement.EndsAt);
        Assert.Equal("2026年12月7日至12月11日", announcement.PeriodText);

        var lastMinute = announcement.EndsAt.AddMinutes(-1);
        Assert.True(announcement.AcceptsObjections(lastMinute));
        Assert.False(announcement.AcceptsObjections(announcement.EndsAt));
        Assert.False(announcement.AcceptsObjections(now)); // before the start

        Assert.Contains("尚未结束", Assert.Throws<DomainException>(() => announcement.Finalise(0, new HashSet<int>(), lastMinute)).Message, StringComparison.Ordinal);
        Assert.Contains("1 条异议尚未处理", Assert.Throws<DomainException>(() => announcement.Finalise(1, new HashSet<int>(), announcement.EndsAt)).Message, StringComparison.Ordinal);
        announcement.Finalise(0, new HashSet<int> { 11 }, announcement.EndsAt);
        Assert.Equal([false, true], announcement.Entries.Select(e => e.Removed));
    }

    [Fact]
    public void Objection_AgainstTheWholeResult_CannotRemoveACandidate_AndNeedsAHandlingText()
    {
        var whole = new Objection(1, "YYABCDEFGH", new ObjectionDetails("李四", "某单位", "13812345678", null, "理由"), null, DateTimeOffset.UtcNow);
        Assert.Throws<DomainException>(() => whole.Handle(ObjectionOutcome.Upheld, "核实属实", null, DateTimeOffset.UtcNow));
        Assert.Throws<DomainException>(() => whole.Handle(ObjectionOutcome.Other, " ", null, DateTimeOffset.UtcNow));
        whole.Handle(ObjectionOutcome.Other, "已向反映人说明情况。", "组织者", DateTimeOffset.UtcNow);
        Assert.Equal(ObjectionOutcome.Other, whole.Outcome);
    }
}
