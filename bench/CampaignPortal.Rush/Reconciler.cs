using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace CampaignPortal.Rush;

/// <summary>
/// The outcome of holding the database and file store to the driver's log. Lost: a submission or file the portal
/// acknowledged that is not stored as acknowledged. Half-stored: a row without its file (or with other bytes), a stored
/// file no report holds, a file on disk no row names. Unacknowledged: kept although the filer was not told so (allowed
/// after an error, listed for the record).
/// </summary>
public sealed record Reconciliation(int SubmissionsChecked, int FilesChecked, IReadOnlyList<string> Lost, IReadOnlyList<string> HalfStored, IReadOnlyList<string> Unacknowledged);

public static class Reconciler
{
    public static Reconciliation Check(RushOptions options, RushSetup setup, IReadOnlyList<FilerLog> logs, DateTimeOffset started)
    {
        var lost = new List<string>();
        var half = new List<string>();
        var unacknowledged = new List<string>();
        var filesChecked = 0;
        using var connection = RushDb.Open(options.DatabaseFile);
        foreach (var log in logs)
        {
            var who = log.Filer.Email;
            var report = RushDb.Rows(connection, "SELECT Id, Status, LatestVersionNumber FROM SummaryReports WHERE CampaignId = $c AND OrganisationId = $o",
                ("$c", setup.CampaignId), ("$o", log.Filer.OrganisationId)).SingleOrDefault();
            var stored = report is null ? [] : Files(connection, "SummaryReportFiles", "SummaryReportId", (long)report[0]);
            var acknowledged = log.Uploads.Where(u => u.Acknowledged).Select(u => u.Sha256).Order().ToList();
            foreach (var missing in acknowledged.Except(stored.Select(f => f.Sha256)))
            {
                lost.Add($"{who}: acknowledged upload {missing[..12]} is not on the report");
            }

            foreach (var extra in stored.Where(f => !log.Uploads.Any(u => u.Sha256 == f.Sha256)))
            {
                half.Add($"{who}: the report holds “{extra.Name}”, which the driver never sent");
            }

            foreach (var kept in stored.Where(f => log.Uploads.Any(u => u.Sha256 == f.Sha256 && !u.Acknowledged)))
            {
                unacknowledged.Add($"{who}: “{kept.Name}” was kept although its upload was not acknowledged");
            }

            if (log.SubmittedVersion is { } number)
            {
                if (report is null || (string)report[1] != "Submitted" || (long)report[2] != number)
                {
                    lost.Add($"{who}: acknowledged submission (version {number}) is stored as {(report is null ? "nothing" : $"{report[1]} version {report[2]}")}");
                }
                else
                {
                    var versionId = RushDb.Scalar(connection, "SELECT Id FROM ReportVersions WHERE ReportId = $r AND Number = $n", ("$r", report[0]), ("$n", number));
                    var submitted = Files(connection, "ReportVersionFiles", "ReportVersionId", versionId).Select(f => f.Sha256).Order().ToList();
                    if (!submitted.SequenceEqual(acknowledged))
                    {
                        lost.Add($"{who}: submitted version {number} holds {submitted.Count} files, the driver had {acknowledged.Count} acknowledged");
                    }
                }
            }
            else if (report is not null && (string)report[1] == "Submitted")
            {
                unacknowledged.Add($"{who}: submitted although the driver was not told so");
            }

            foreach (var file in stored)
            {
                filesChecked++;
                if (OnDisk(options.FilesRoot, file) is { } problem)
                {
                    (acknowledged.Contains(file.Sha256) ? lost : half).Add($"{who}: “{file.Name}” {problem}");
                }
            }
        }

        Orphans(connection, options, setup, started, half);
        return new Reconciliation(logs.Count(l => l.SubmittedVersion is not null), filesChecked, lost, half, unacknowledged);
    }

    /// <summary>Stored files of the rush's units that no report or version holds, and files written during the run that no row names.</summary>
    private static void Orphans(SqliteConnection connection, RushOptions options, RushSetup setup, DateTimeOffset started, List<string> half)
    {
        var units = string.Join(",", setup.Filers.Select(f => f.OrganisationId.ToString(CultureInfo.InvariantCulture)));
        foreach (var row in RushDb.Rows(connection, $"""
            SELECT s.OriginalName FROM StoredFiles s WHERE s.OrganisationId IN ({units})
            AND NOT EXISTS (SELECT 1 FROM SummaryReportFiles f WHERE f.StoredFileId = s.Id)
            AND NOT EXISTS (SELECT 1 FROM ReportVersionFiles v WHERE v.StoredFileId = s.Id)
            """))
        {
            half.Add($"stored file “{row[0]}” belongs to no report");
        }

        if (!Directory.Exists(options.FilesRoot))
        {
            return;
        }

        var keys = RushDb.Rows(connection, "SELECT StorageKey, ThumbnailKey FROM StoredFiles")
            .SelectMany(r => r).OfType<string>().Select(k => Path.GetFullPath(Path.Combine(options.FilesRoot, k))).ToHashSet();
        foreach (var path in Directory.EnumerateFiles(options.FilesRoot, "*", SearchOption.AllDirectories))
        {
            if (File.GetLastWriteTimeUtc(path) >= started.UtcDateTime.AddSeconds(-1) && !keys.Contains(Path.GetFullPath(path)))
            {
                half.Add($"file {Path.GetRelativePath(options.FilesRoot, path)} on disk is named by no row");
            }
        }
    }

    private sealed record FileRow(string Name, long Size, string Sha256, string Key);

    private static List<FileRow> Files(SqliteConnection connection, string table, string owner, long id) =>
    [
        .. RushDb.Rows(connection, $"""
            SELECT f.Name, s.Size, s.Sha256, s.StorageKey FROM {table} f JOIN StoredFiles s ON s.Id = f.StoredFileId WHERE f.{owner} = $id
            """, ("$id", id)).Select(r => new FileRow((string)r[0], (long)r[1], (string)r[2], (string)r[3])),
    ];

    private static string? OnDisk(string root, FileRow file)
    {
        var path = Path.Combine(root, file.Key);
        if (!File.Exists(path))
        {
            return $"is missing on disk ({file.Key})";
        }

        if (new FileInfo(path).Length != file.Size)
        {
            return $"has {new FileInfo(path).Length} bytes on disk, the row says {file.Size}";
        }

        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream)) == file.Sha256 ? null : "has other bytes on disk than its SHA-256 says";
    }
}
