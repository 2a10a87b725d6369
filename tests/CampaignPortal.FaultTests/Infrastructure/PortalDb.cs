using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace CampaignPortal.FaultTests.Infrastructure;

/// <summary>A stored report file as the database lists it.</summary>
public sealed record StoredFileRow(string Name, long Size, string Sha256, string StorageKey);

/// <summary>
/// Reads what the portal stored, straight from its SQLite file (WAL: reading does not block the running process), and
/// checks the "nothing lost" invariants that do not depend on the scenario.
/// </summary>
public static class PortalDb
{
    public const string Campaign = "2022年自治区全国科技工作者日";
    public const string Hami = "哈密市科学技术协会";
    public const string Karamay = "克拉玛依市科学技术协会";

    public static SqliteConnection Open(PortalProcess portal, bool pooling = false)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = portal.DatabaseFile, Pooling = pooling, DefaultTimeout = 30 }.ToString());
        connection.Open();
        return connection;
    }

    public static long Scalar(PortalProcess portal, string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Open(portal);
        using var command = Command(connection, sql, parameters);
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
    }

    public static long CampaignId(PortalProcess portal) => Scalar(portal, "SELECT Id FROM Campaigns WHERE Title = $t", ("$t", Campaign));

    /// <summary>
    /// The unit's working copy as one comparable text: state, version, people, sections and figures in order; null when
    /// the unit has no report. Two equal snapshots mean identical fields.
    /// </summary>
    public static string? ReportSnapshot(PortalProcess portal, string unit)
    {
        using var connection = Open(portal);
        using var head = Command(connection, """
            SELECT r.Id, r.Status, r.FilerName, r.FilerPhone, r.ResponsiblePerson FROM SummaryReports r
            JOIN Organisations o ON o.Id = r.OrganisationId JOIN Campaigns c ON c.Id = r.CampaignId
            WHERE o.Name = $unit AND c.Title = $campaign
            """, ("$unit", unit), ("$campaign", Campaign));
        using var reader = head.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var id = reader.GetInt64(0);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"status={reader.GetString(1)} filer={Text(reader, 2)} phone={Text(reader, 3)} responsible={Text(reader, 4)}");
        AppendRows(connection, text, "SELECT \"Order\", Title, Html FROM SummaryReportSections WHERE SummaryReportId = $id ORDER BY \"Order\"", id);
        AppendRows(connection, text, "SELECT Code, Hundredths, Qualifier, COALESCE(Note, '') FROM SummaryReportFigures WHERE SummaryReportId = $id ORDER BY Code", id);
        return text.ToString();
    }

    /// <summary>The sections and figures of the report's submitted version <paramref name="number"/>, in the snapshot's form (without state).</summary>
    public static string VersionContent(PortalProcess portal, string unit, int number)
    {
        using var connection = Open(portal);
        var id = VersionId(connection, unit, number);
        var text = new StringBuilder();
        AppendRows(connection, text, "SELECT \"Order\", Title, Html FROM ReportVersionSections WHERE ReportVersionId = $id ORDER BY \"Order\"", id);
        AppendRows(connection, text, "SELECT Code, Hundredths, Qualifier, COALESCE(Note, '') FROM ReportVersionFigures WHERE ReportVersionId = $id ORDER BY Code", id);
        return text.ToString();
    }

    public static long VersionCount(PortalProcess portal, string unit) => Scalar(portal, """
        SELECT COUNT(*) FROM ReportVersions v JOIN SummaryReports r ON r.Id = v.ReportId
        JOIN Organisations o ON o.Id = r.OrganisationId JOIN Campaigns c ON c.Id = r.CampaignId
        WHERE o.Name = $unit AND c.Title = $campaign
        """, ("$unit", unit), ("$campaign", Campaign));

    /// <summary>The files of the unit's working copy, by name.</summary>
    public static IReadOnlyList<StoredFileRow> ReportFiles(PortalProcess portal, string unit)
    {
        using var connection = Open(portal);
        using var command = Command(connection, """
            SELECT f.Name, s.Size, s.Sha256, s.StorageKey FROM SummaryReportFiles f
            JOIN StoredFiles s ON s.Id = f.StoredFileId JOIN SummaryReports r ON r.Id = f.SummaryReportId
            JOIN Organisations o ON o.Id = r.OrganisationId JOIN Campaigns c ON c.Id = r.CampaignId
            WHERE o.Name = $unit AND c.Title = $campaign ORDER BY f.Name
            """, ("$unit", unit), ("$campaign", Campaign));
        using var reader = command.ExecuteReader();
        var rows = new List<StoredFileRow>();
        while (reader.Read())
        {
            rows.Add(new StoredFileRow(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3)));
        }

        return rows;
    }

    /// <summary>
    /// The invariants after any fault: the database file is sound, every stored-file row (and preview) has its file on
    /// disk with the recorded size and SHA-256, and every report file points at a stored-file row.
    /// </summary>
    public static void AssertConsistent(PortalProcess portal)
    {
        using var connection = Open(portal);
        using (var check = Command(connection, "PRAGMA integrity_check"))
        {
            Assert.Equal("ok", check.ExecuteScalar() as string);
        }

        using (var foreignKeys = Command(connection, "PRAGMA foreign_key_check"))
        using (var reader = foreignKeys.ExecuteReader())
        {
            Assert.False(reader.Read(), "A row points at a missing row (PRAGMA foreign_key_check)");
        }

        using var files = Command(connection, "SELECT OriginalName, Size, Sha256, StorageKey, ThumbnailKey FROM StoredFiles");
        using var rows = files.ExecuteReader();
        var root = portal.FilesRoot;
        while (rows.Read())
        {
            var path = Path.Combine(root, rows.GetString(3));
            Assert.True(File.Exists(path), $"The row of “{rows.GetString(0)}” points at a missing file {path}");
            Assert.Equal(rows.GetInt64(1), new FileInfo(path).Length);
            Assert.Equal(rows.GetString(2), Sha256OfFile(path));
            if (!rows.IsDBNull(4))
            {
                Assert.True(File.Exists(Path.Combine(root, rows.GetString(4))), $"The preview of “{rows.GetString(0)}” is missing");
            }
        }
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string Sha256OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static long VersionId(SqliteConnection connection, string unit, int number)
    {
        using var command = Command(connection, """
            SELECT v.Id FROM ReportVersions v JOIN SummaryReports r ON r.Id = v.ReportId
            JOIN Organisations o ON o.Id = r.OrganisationId JOIN Campaigns c ON c.Id = r.CampaignId
            WHERE o.Name = $unit AND c.Title = $campaign AND v.Number = $number
            """, ("$unit", unit), ("$campaign", Campaign), ("$number", number));
        return command.ExecuteScalar() is long id ? id : throw new InvalidOperationException($"{unit} has no version {number}");
    }

    private static void AppendRows(SqliteConnection connection, StringBuilder text, string sql, long id)
    {
        using var command = Command(connection, sql, ("$id", id));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                text.Append(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append(" | ");
            }

            text.AppendLine();
        }
    }

    private static string Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? string.Empty : reader.GetString(ordinal);

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
