using System.Globalization;

namespace CampaignPortal.Web.Domain;

/// <summary>
/// 公示期 in working days (工作日). Only Saturdays and Sundays are skipped: the portal does not know China's public
/// holidays nor the weekend days moved to make up for them (调休), which the State Council announces each year; the
/// organiser checks the end date when a period crosses a holiday and chooses more days if need be.
/// </summary>
public static class WorkingDays
{
    public const int DefaultPeriod = 5;

    public static bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The last day of a period of <paramref name="days"/> working days starting on <paramref name="start"/> (a weekend start counts from the Monday).</summary>
    public static DateOnly End(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        var day = start;
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        for (var counted = 1; counted < days; counted++)
        {
            day = day.AddDays(1);
            while (!IsWorkingDay(day))
            {
                day = day.AddDays(1);
            }
        }

        return day;
    }

    /// <summary>"2026年12月7日至12月11日"; the year is repeated only when the period crosses into the next.</summary>
    public static string PeriodText(DateOnly start, DateOnly end) =>
        string.Create(CultureInfo.InvariantCulture, $"{start.Year}年{start.Month}月{start.Day}日至")
        + (end.Year == start.Year ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"{end.Year}年"))
        + string.Create(CultureInfo.InvariantCulture, $"{end.Month}月{end.Day}日");
}
