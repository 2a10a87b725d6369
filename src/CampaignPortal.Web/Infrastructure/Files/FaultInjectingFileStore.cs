namespace CampaignPortal.Web.Infrastructure.Files;

/// <summary>
/// The local store with writes that fail like a read-only or full disk, switched by the content of
/// <see cref="FileStoreOptions.FaultInjectionFile"/> ("read-only", "full", anything else: no fault). The fault suite
/// uses it where it may not mount a read-only or tiny file system; it throws the same exceptions the kernel's EROFS and
/// ENOSPC become in .NET, so the code under test takes the same path. Reads are never faulted.
/// </summary>
public sealed class FaultInjectingFileStore(IFileStore inner, string controlFile) : IFileStore
{
    /// <summary>A full disk accepts this much of a file before refusing the rest (a partial file is left to clean up).</summary>
    public const int BytesBeforeFull = 64 * 1024;

    /// <summary>The registration: the local store, wrapped only when a control file is configured.</summary>
    public static IFileStore LocalOrFaulty(IServiceProvider services)
    {
        var local = ActivatorUtilities.CreateInstance<LocalFileStore>(services);
        var controlFile = services.GetRequiredService<FileStoreOptions>().FaultInjectionFile;
        return string.IsNullOrWhiteSpace(controlFile) ? local : new FaultInjectingFileStore(local, controlFile);
    }

    public Task<(long Size, string Sha256)> SaveAsync(string key, Stream content, long maxBytes, CancellationToken cancellationToken) =>
        inner.SaveAsync(key, Faulted(content), maxBytes, cancellationToken);

    public Stream OpenRead(string key) => inner.OpenRead(key);

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        ThrowIfReadOnly();
        return inner.DeleteAsync(key, cancellationToken);
    }

    public Task<long> AppendAsync(string key, long offset, Stream content, long maxBytes, CancellationToken cancellationToken) =>
        inner.AppendAsync(key, offset, Faulted(content), maxBytes, cancellationToken);

    public Task<byte[]> ReadUnfinishedHeadAsync(string key, int count, CancellationToken cancellationToken) =>
        inner.ReadUnfinishedHeadAsync(key, count, cancellationToken);

    public Task<(long Size, string Sha256)> CompleteAsync(string key, CancellationToken cancellationToken)
    {
        ThrowIfReadOnly();
        return inner.CompleteAsync(key, cancellationToken);
    }

    public Task AbandonAsync(string key, CancellationToken cancellationToken) => inner.AbandonAsync(key, cancellationToken);

    private string Mode() => File.Exists(controlFile) ? File.ReadAllText(controlFile).Trim() : string.Empty;

    private void ThrowIfReadOnly()
    {
        if (Mode() == "read-only")
        {
            throw new IOException("Read-only file system (injected)", 30);
        }
    }

    private Stream Faulted(Stream content)
    {
        ThrowIfReadOnly();
        return Mode() == "full" ? new FullDiskStream(content) : content;
    }

    /// <summary>Hands the first <see cref="BytesBeforeFull"/> bytes to the writer, then fails as ENOSPC would.</summary>
    private sealed class FullDiskStream(Stream inner) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > BytesBeforeFull ? throw new IOException("No space left on device (injected)", 28) : read;
        }
    }
}
