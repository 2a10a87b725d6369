using CampaignPortal.Web.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CampaignPortal.UnitTests.Infrastructure;

public sealed class ChinaTimeTests
{
    [Fact]
    public void EndOfDayUtc_ReportDeadline_IsMidnightAfterTheDayInChina()
    {
        // "6月15日前报送": until the end of 15 June, China time (UTC+8).
        var deadline = ChinaTime.EndOfDayUtc(new DateOnly(2023, 6, 15));

        Assert.Equal(new DateTimeOffset(2023, 6, 15, 16, 0, 0, TimeSpan.Zero), deadline);
    }

    [Fact]
    public void FromChinaLocal_WallClockTime_IsStoredAsUtc()
    {
        var instant = ChinaTime.FromChinaLocal(new DateTime(2022, 5, 30, 10, 0, 0, DateTimeKind.Unspecified));

        Assert.Equal(TimeSpan.Zero, instant.Offset);
        Assert.Equal(new DateTimeOffset(2022, 5, 30, 2, 0, 0, TimeSpan.Zero), instant);
    }

    [Fact]
    public void ToChineseDate_LateEveningUtc_IsNextDayInChina()
    {
        var instant = new DateTimeOffset(2023, 5, 19, 17, 0, 0, TimeSpan.Zero);

        Assert.Equal("2023年5月20日", instant.ToChineseDate());
        Assert.Equal("2023-05-20 01:00", instant.ToChinaDateTime());
    }

    [Fact]
    public void Today_UsesChinaCalendarDay()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 20, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 11, 24), ChinaTime.Today(clock));
    }
}
