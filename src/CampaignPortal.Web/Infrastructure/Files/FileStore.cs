namespace CampaignPortal.Web.Infrastructure.Files;

/// <summary>Where file contents live. Local disk by default; another store (object storage, a share) implements this.</summary>
public interface IFileStore
{
    /// <summary>Writes the stream under <paramref name="key"/>, returning the bytes written and their SHA-256 (hex).</summary>
    Task<(long Size, string Sha256)> SaveAsync(string key, Stream content, long maxBytes, CancellationToken cancellationToken);

    Stream OpenRead(string key);

    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Resumable uploads: writes <paramref name="content"/> at <paramref name="offset"/> of the unfinished file
    /// <paramref name="key"/> (anything after the offset — a chunk cut off half-way — is dropped first) and returns
    /// the new length. Only one writer at a time: a second one fails with <see cref="IOException"/>.
    /// </summary>
    Task<long> AppendAsync(string key, long offset, Stream content, long maxBytes, CancellationToken cancellationToken);

    /// <summary>The first bytes of an unfinished upload (for the content check).</summary>
    Task<byte[]> ReadUnfinishedHeadAsync(string key, int count, CancellationToken cancellationToken);

    /// <summary>Turns a complete unfinished upload into the file <paramref name="key"/>, returning its size and SHA-256.</summary>
    Task<(long Size, string Sha256)> CompleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes an unfinished upload.</summary>
    Task AbandonAsync(string key, CancellationToken cancellationToken);
}

/// <summary>The <c>Files</c> section.</summary>
public sealed class FileStoreOptions
{
    public const string Section = "Files";

    /// <summary>Root folder, outside the web root; relative paths are under the content root. Default: "files" in the data folder.</summary>
    public string? Root { get; set; }

    /// <summary>
    /// For the fault suite only, where the disk cannot be remounted: a file whose content ("read-only" or "full") makes
    /// every write fail the way the real disk would (<see cref="FaultInjectingFileStore"/>). Unset in every deployment.
    /// </summary>
    public string? FaultInjectionFile { get; set; }
}

/// <summary>Files on the local disk, under random names in per-month folders, outside the web root.</summary>
public sealed class LocalFileStore(FileStoreOptions options, Data.DatabaseOptions database, IHostEnvironment environment) : IFileStore
{
    private readonly string _root = Path.GetFullPath(
        options.Root ?? Path.Combine(database.DataDirectory, "files"), environment.ContentRootPath);

    public async Task<(long Size, string Sha256)> SaveAsync(string key, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".part";
        try
        {
            long size;
            byte[] hash;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            using (var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                size = 0;
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        throw new FileTooLargeException(maxBytes);
                    }

                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                await file.FlushAsync(cancellationToken);
                hash = sha.GetHashAndReset();
            }

            File.Move(temporary, path);
            return (size, Convert.ToHexStringLower(hash));
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    public Stream OpenRead(string key) => new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public async Task<long> AppendAsync(string key, long offset, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var path = PathOf(key) + ".upload";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (offset > 0 && !File.Exists(path))
        {
            throw new IOException($"The upload {key} has no data to continue.");
        }

        await using var file = new FileStream(path, offset == 0 ? FileMode.OpenOrCreate : FileMode.Open, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        if (file.Length < offset)
        {
            throw new IOException($"The upload has {file.Length} bytes, not {offset}.");
        }

        file.SetLength(offset);
        file.Position = offset;
        var buffer = new byte[81920];
        var length = offset;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            length += read;
            if (length > maxBytes)
            {
                throw new FileTooLargeException(maxBytes);
            }

            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        await file.FlushAsync(cancellationToken);
        return length;
    }

    public async Task<byte[]> ReadUnfinishedHeadAsync(string key, int count, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(PathOf(key) + ".upload", FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
        var head = new byte[count];
        var read = await file.ReadAtLeastAsync(head, count, throwOnEndOfStream: false, cancellationToken);
        return head[..read];
    }

    public async Task<(long Size, string Sha256)> CompleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        var upload = path + ".upload";
        string sha256;
        long size;
        await using (var file = new FileStream(upload, FileMode.Open, FileAccess.Read, FileShare.None, 81920, useAsync: true))
        {
            size = file.Length;
            sha256 = Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(file, cancellationToken));
        }

        File.Move(upload, path);
        return (size, sha256);
    }

    public Task AbandonAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key) + ".upload";
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(_root, key));
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("A storage key must stay inside the store.");
        }

        return path;
    }
}

public sealed class FileTooLargeException(long maxBytes) : Exception($"File larger than {maxBytes} bytes")
{
    public long MaxBytes { get; } = maxBytes;
}
