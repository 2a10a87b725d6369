using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace CampaignPortal.FaultTests.Infrastructure;

/// <summary>
/// The built portal (<c>dotnet CampaignPortal.Web.dll</c>) as a child process in Production on 127.0.0.1, with its
/// own temporary SQLite file and upload folder and the demo data seeded. <see cref="Kill"/> sends SIGKILL (no shutdown
/// code runs); <see cref="StartAsync"/> starts it again on the same port, data and keys.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    public const string DemoPassword = "Demo2026kx";

    private readonly Dictionary<string, string> _settings;
    private readonly StringBuilder _log = new();
    private Process? _process;
    private int _starts;

    /// <param name="settings">Settings on top of the defaults below.</param>
    /// <param name="dataDirectory">Another process's <see cref="DataDirectory"/>, for a second web process on the same database and files.</param>
    public PortalProcess(IDictionary<string, string>? settings = null, string? dataDirectory = null)
    {
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "campaignportal-faults", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        Port = FreePort();
        _settings = new Dictionary<string, string>
        {
            ["Database:DataDirectory"] = DataDirectory,
            ["Seed:Demo"] = "true",
            ["Seed:DemoPassword"] = DemoPassword,
            ["Jobs:Enabled"] = "false",
            ["Logs:File"] = "false",
            ["Security:RequireHttps"] = "false",
            ["Security:SignInAttemptsPerMinute"] = "1000",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            _settings[key] = value;
        }
    }

    public string DataDirectory { get; }

    /// <summary>A setting for the next start (e.g. an upload folder prepared inside <see cref="DataDirectory"/>).</summary>
    public void Set(string key, string value) => _settings[key] = value;

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public string DatabaseFile => Path.Combine(DataDirectory, "campaignportal.db");

    /// <summary>The upload folder: <c>Files:Root</c> if set, else the default under the data folder.</summary>
    public string FilesRoot => _settings.TryGetValue("Files:Root", out var root) ? root : Path.Combine(DataDirectory, "files");

    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("Not started.");

    /// <summary>How long the last start took, from launch to a healthy answer.</summary>
    public TimeSpan LastStartDuration { get; private set; }

    /// <summary>
    /// The web project's build output, in the configuration this test assembly was built in; or the assembly named by
    /// <c>CAMPAIGNPORTAL_WEB_DLL</c> (a published build, or a deliberately broken one to see the suite fail).
    /// </summary>
    public static string WebAssemblyPath()
    {
        if (Environment.GetEnvironmentVariable("CAMPAIGNPORTAL_WEB_DLL") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : throw new FileNotFoundException("CAMPAIGNPORTAL_WEB_DLL does not exist.", configured);
        }

        var root = RepositoryRoot() ?? throw new InvalidOperationException("CampaignPortal.sln not found above " + AppContext.BaseDirectory);
        var configuration = typeof(PortalProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var path = Path.Combine(root, "src", "CampaignPortal.Web", "bin", configuration, "net10.0", "CampaignPortal.Web.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the web project first.", path);
    }

    public async Task StartAsync()
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("Already running.");
        }

        var dll = WebAssemblyPath();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add($"--urls=http://127.0.0.1:{Port}");
        if (!Directory.Exists(Path.Combine(info.WorkingDirectory, "wwwroot")) && RepositoryRoot() is { } repository)
        {
            // A build output has no wwwroot (a published one has): the project's, so pages keep their styles.
            info.ArgumentList.Add($"--webroot={Path.Combine(repository, "src", "CampaignPortal.Web", "wwwroot")}");
        }

        foreach (var (key, value) in _settings)
        {
            info.ArgumentList.Add($"--{key}={value}");
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_NOLOGO"] = "1";
        var run = ++_starts;
        var stopwatch = Stopwatch.StartNew();
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(run, e.Data);
        process.ErrorDataReceived += (_, e) => Append(run, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with {process.ExitCode} while starting:\n{LogTail()}");
            }

            try
            {
                using var response = await probe.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    LastStartDuration = stopwatch.Elapsed;
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The portal did not become healthy in 90 s:\n{LogTail()}");
    }

    /// <summary>SIGKILL: the process gets no chance to finish a request, flush or dispose anything.</summary>
    public void Kill()
    {
        var process = _process ?? throw new InvalidOperationException("Not started.");
        process.Kill(entireProcessTree: false);
        process.WaitForExit();
        Append(_starts, "=== killed (SIGKILL) ===");
    }

    public string LogTail(int characters = 6000)
    {
        lock (_log)
        {
            var text = _log.ToString();
            return text.Length <= characters ? text : text[^characters..];
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A mount still inside (the disk tests unmount first), or a second process on this folder deleted it
            // already; the temp folder is cleaned by the system.
        }
    }

    private void Append(int run, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.Append(CultureInfo.InvariantCulture, $"[run {run}] ").AppendLine(line);
        }
    }

    private static string? RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CampaignPortal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
