using Xunit.Abstractions;

namespace CampaignPortal.FaultTests.Infrastructure;

/// <summary>
/// Figures and the disk mode that ran, written to the test output and appended to <c>artifacts/fault-suite.log</c>,
/// which scripts/test.sh prints (xunit shows test output only for failures).
/// </summary>
public static class FaultLog
{
    private static readonly Lock Gate = new();

    public static void Line(ITestOutputHelper output, string line)
    {
        output.WriteLine(line);
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CampaignPortal.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            return;
        }

        var artifacts = Path.Combine(directory.FullName, "artifacts");
        lock (Gate)
        {
            Directory.CreateDirectory(artifacts);
            File.AppendAllText(Path.Combine(artifacts, "fault-suite.log"), $"{DateTime.UtcNow:HH:mm:ss} {line}{Environment.NewLine}");
        }
    }
}
