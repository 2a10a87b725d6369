using System.Diagnostics;

namespace CampaignPortal.FaultTests.Infrastructure;

/// <summary>
/// The upload folder, made read-only or full on demand. Where the process may mount (root with CAP_SYS_ADMIN) it is a
/// 8 MB tmpfs, remounted read-only and filled up by a file from the test: the kernel's own EROFS and ENOSPC. Where it
/// may not, the portal is started with <c>Files:FaultInjectionFile</c> and the test writes "read-only" or "full" into
/// that file. <see cref="Mode"/> says which ran.
/// </summary>
public sealed class UploadDisk : IDisposable
{
    private readonly string _mountPoint;
    private readonly string _controlFile;
    private readonly string _filler;

    private UploadDisk(string dataDirectory, bool mounted, string why)
    {
        _mountPoint = Path.Combine(dataDirectory, "disk");
        _controlFile = Path.Combine(dataDirectory, "fault-injection");
        _filler = Path.Combine(_mountPoint, "filler");
        IsMounted = mounted;
        Mode = mounted ? "mount (tmpfs 8 MB, remount ro, filled to ENOSPC)" : $"fault-injecting file store ({why})";
        Settings = mounted
            ? new Dictionary<string, string> { ["Files:Root"] = Path.Combine(_mountPoint, "files") }
            : new Dictionary<string, string> { ["Files:Root"] = Path.Combine(dataDirectory, "files"), ["Files:FaultInjectionFile"] = _controlFile };
    }

    public bool IsMounted { get; }

    public string Mode { get; }

    /// <summary>Configuration for the portal process.</summary>
    public IDictionary<string, string> Settings { get; }

    /// <summary>Mounts a small tmpfs under <paramref name="dataDirectory"/> unless told not to or not allowed.</summary>
    public static UploadDisk Prepare(string dataDirectory, bool forceInjection)
    {
        var mountPoint = Path.Combine(dataDirectory, "disk");
        Directory.CreateDirectory(mountPoint);
        if (forceInjection)
        {
            return new UploadDisk(dataDirectory, false, "chosen by the test");
        }

        if (!OperatingSystem.IsLinux())
        {
            return new UploadDisk(dataDirectory, false, "not Linux");
        }

        var (code, error) = Run("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", mountPoint);
        return code == 0 ? new UploadDisk(dataDirectory, true, string.Empty) : new UploadDisk(dataDirectory, false, $"mount refused: {error.Trim()}");
    }

    public void MakeReadOnly()
    {
        if (IsMounted)
        {
            Must("mount", "-o", "remount,ro", _mountPoint);
        }
        else
        {
            File.WriteAllText(_controlFile, "read-only");
        }
    }

    public void MakeFull()
    {
        if (!IsMounted)
        {
            File.WriteAllText(_controlFile, "full");
            return;
        }

        // Fill every free block: the next write of more than a few bytes fails with ENOSPC.
        using var filler = new FileStream(_filler, FileMode.Create, FileAccess.Write);
        var block = new byte[64 * 1024];
        try
        {
            while (true)
            {
                filler.Write(block);
                filler.Flush();
            }
        }
        catch (IOException)
        {
            // Full.
        }

        var free = new DriveInfo(_mountPoint).AvailableFreeSpace;
        Assert.True(free < 64 * 1024, $"The tmpfs still has {free} bytes free");
    }

    public void Restore()
    {
        if (IsMounted)
        {
            Must("mount", "-o", "remount,rw", _mountPoint);
            File.Delete(_filler);
        }
        else
        {
            File.WriteAllText(_controlFile, string.Empty);
        }
    }

    public void Dispose()
    {
        if (IsMounted)
        {
            Run("umount", "-l", _mountPoint);
        }
    }

    private static void Must(params string[] arguments)
    {
        var (code, error) = Run(arguments);
        Assert.True(code == 0, $"{string.Join(' ', arguments)} failed: {error}");
    }

    private static (int Code, string Error) Run(params string[] arguments)
    {
        var info = new ProcessStartInfo(arguments[0]) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments[1..])
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(info)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, error);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }
}
