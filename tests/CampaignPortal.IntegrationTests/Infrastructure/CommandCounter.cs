using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CampaignPortal.IntegrationTests.Infrastructure;

/// <summary>A command as sent: its SQL and its parameters' names and values.</summary>
public sealed record RecordedCommand(string Text, IReadOnlyList<KeyValuePair<string, object?>> Parameters);

/// <summary>Counts (and keeps) the SQL commands one portal instance sends, for query-budget and query-plan tests.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private readonly ConcurrentQueue<RecordedCommand> _commands = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>The commands sent since the last <see cref="Reset"/>, in order (for failure messages and query plans).</summary>
    public IReadOnlyList<RecordedCommand> Sent => [.. _commands];

    public IReadOnlyList<string> Texts => [.. _commands.Select(c => c.Text)];

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        _commands.Clear();
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        Interlocked.Increment(ref _count);
        _commands.Enqueue(new RecordedCommand(command.CommandText,
            [.. command.Parameters.Cast<DbParameter>().Select(p => new KeyValuePair<string, object?>(p.ParameterName, p.Value))]));
    }
}
