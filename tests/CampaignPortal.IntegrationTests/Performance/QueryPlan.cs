using CampaignPortal.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CampaignPortal.IntegrationTests.Performance;

/// <summary>SQLite's <c>EXPLAIN QUERY PLAN</c> for a command the portal sent, with the parameter values it was sent with.</summary>
public static class QueryPlan
{
    public static async Task<IReadOnlyList<string>> ExplainAsync(string databaseFile, RecordedCommand command)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
#pragma warning disable CA2100 // the text is a command the portal itself sent, replayed read-only
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Text;
#pragma warning restore CA2100
        foreach (var (name, value) in command.Parameters)
        {
            explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var details = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            details.Add(reader.GetString(3)); // id, parent, notused, detail
        }

        return details;
    }
}
