namespace CampaignPortal.Web.Infrastructure;

/// <summary>
/// Text for a spreadsheet cell. The exports write text cells (never formulas), but a sheet re-saved as CSV and opened
/// again reads "=…", "@…" (and a leading tab or CR) as a formula, so such text gets a leading apostrophe (OWASP CSV
/// injection). "+" and "-" start formulas too, but also phone numbers (+86…): a column of them says so.
/// </summary>
public static class SpreadsheetText
{
    public static string Safe(string? value, bool mayStartWithSign = false)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var risky = mayStartWithSign ? "=@\t\r" : "=+-@\t\r";
        return risky.Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
    }
}
