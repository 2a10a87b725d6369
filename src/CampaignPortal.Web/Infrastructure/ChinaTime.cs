using System.Globalization;

namespace CampaignPortal.Web.Infrastructure;

/// <summary>
/// Times are stored in UTC and entered and shown in China time (Asia/Shanghai). "6月15日前报送" means until the end
/// of 15 June in China, which <see cref="EndOfDayUtc"/> turns into an instant.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateTimeOffset ToChina(this DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>A wall-clock time typed by a user in China, as an instant.</summary>
    public static DateTimeOffset FromChinaLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    /// <summary>The first instant after the given China calendar day: a deadline "on or before" that day.</summary>
    public static DateTimeOffset EndOfDayUtc(DateOnly day) => FromChinaLocal(day.AddDays(1).ToDateTime(TimeOnly.MinValue));

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToChina().DateTime);

    /// <summary>2023年5月20日.</summary>
    public static string ToChineseDate(this DateTimeOffset instant)
    {
        var local = instant.ToChina();
        return string.Create(CultureInfo.InvariantCulture, $"{local.Year}年{local.Month}月{local.Day}日");
    }

    /// <summary>2023-05-20 14:30, for dense tables.</summary>
    public static string ToChinaDateTime(this DateTimeOffset instant) =>
        instant.ToChina().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
