using System.Text;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;

namespace CampaignPortal.Web.Infrastructure.Files;

public sealed record StoreResult(StoredFile? File, string? Error);

/// <summary>Checks an upload against the allow-list (extension and content), stores it, and records it.</summary>
public sealed partial class FileService(IFileStore store, AppDbContext db, TimeProvider clock, ILogger<FileService> logger)
{
    public const int MaxNameLength = Schema.FileName;

    public async Task<StoreResult> StoreAsync(
        Stream content, string? uploadedName, IReadOnlyList<FileType> types, int organisationId, string? uploadedBy, CancellationToken cancellationToken)
    {
        var name = CleanName(uploadedName);
        if (name.Length == 0)
        {
            return new StoreResult(null, "文件名无效。");
        }

        var extension = Path.GetExtension(name);
        var type = FileTypes.ForExtension(types, extension);
        if (type is null)
        {
            return new StoreResult(null, $"不支持“{name}”这种文件。可以上传：{FileTypes.AllowedList(types)}。");
        }

        var buffered = content.CanSeek ? content : await CopyHeadAsync(content, cancellationToken);
        var head = new byte[16];
        var read = await buffered.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        if (!type.Matches(head.AsMemory(0, read)))
        {
            return new StoreResult(null, $"“{name}”的内容不是{type.Name}，与扩展名不符。请检查文件后重新上传。");
        }

        buffered.Position = 0;
        var id = Guid.NewGuid();
        var now = clock.GetUtcNow();
        var key = $"{now:yyyy}/{now:MM}/{id:N}";
        try
        {
            var (size, sha256) = await store.SaveAsync(key, buffered, type.MaxBytes, cancellationToken);
            var file = new StoredFile(id, name, type.ContentType, size, sha256, key, organisationId, uploadedBy, now);
            db.StoredFiles.Add(file);
            return new StoreResult(file, null);
        }
        catch (FileTooLargeException ex)
        {
            return new StoreResult(null, $"“{name}”超过了{type.Name}的大小上限 {ex.MaxBytes / 1024 / 1024} MB。");
        }
        catch (Exception ex) when (TransientFaults.IsStorageUnavailable(ex))
        {
            // Disk full or read-only: the store removed its partial file, and no row is added, so nothing points at it.
            LogStorageUnavailable(logger, ex, key);
            return new StoreResult(null, TransientFaults.StorageUnavailableMessage);
        }
    }

    public Stream OpenRead(StoredFile file) => store.OpenRead(file.StorageKey);

    /// <summary>Removes the bytes of a file whose row could not be saved (best effort: a file left behind is only wasted space).</summary>
    public async Task DiscardAsync(StoredFile file)
    {
        foreach (var key in new[] { file.StorageKey, file.ThumbnailKey }.OfType<string>())
        {
            try
            {
                await store.DeleteAsync(key, CancellationToken.None);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LogStorageUnavailable(logger, ex, key);
            }
        }
    }

    /// <summary>The preview of a photo stored by <see cref="StorePhotoAsync"/>, else the file itself.</summary>
    public Stream OpenThumbnail(StoredFile file) => store.OpenRead(file.ThumbnailKey ?? file.StorageKey);

    /// <summary>
    /// A photo (JPEG or PNG): checked like any upload, then turned upright by its EXIF orientation and stored without
    /// metadata (no GPS), with a preview. The SHA-256 is of what is stored.
    /// </summary>
    public async Task<StoreResult> StorePhotoAsync(
        Stream content, string? uploadedName, IReadOnlyList<FileType> types, int organisationId, string? uploadedBy, CancellationToken cancellationToken)
    {
        var name = CleanName(uploadedName);
        var type = FileTypes.ForExtension(types, Path.GetExtension(name));
        if (name.Length == 0 || type is null || !type.ContentType.StartsWith("image/", StringComparison.Ordinal))
        {
            return await StoreAsync(content, uploadedName, types, organisationId, uploadedBy, cancellationToken);
        }

        using var buffer = new MemoryStream();
        var limited = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(limited, cancellationToken)) > 0)
        {
            if (buffer.Length + read > type.MaxBytes)
            {
                return new StoreResult(null, $"“{name}”超过了{type.Name}的大小上限 {type.MaxBytes / 1024 / 1024} MB。");
            }

            buffer.Write(limited, 0, read);
        }

        if (!type.Matches(buffer.GetBuffer().AsMemory(0, (int)Math.Min(16, buffer.Length))))
        {
            return new StoreResult(null, $"“{name}”的内容不是{type.Name}，与扩展名不符。请检查文件后重新上传。");
        }

        ProcessedPhoto? photo;
        string? error;
        await PhotoProcessor.Gate.WaitAsync(cancellationToken);
        try
        {
            photo = PhotoProcessor.Process(buffer.ToArray(), out error);
        }
        finally
        {
            PhotoProcessor.Gate.Release();
        }

        if (photo is null)
        {
            return new StoreResult(null, $"“{name}”：{error}");
        }

        using var processed = new MemoryStream(photo.Image);
        var stored = await StoreAsync(processed, name, types, organisationId, uploadedBy, cancellationToken);
        if (stored.File is { } file)
        {
            var thumbnailKey = file.StorageKey + ".thumb";
            using var thumbnail = new MemoryStream(photo.Thumbnail);
            try
            {
                await store.SaveAsync(thumbnailKey, thumbnail, type.MaxBytes, cancellationToken);
            }
            catch (Exception ex) when (TransientFaults.IsStorageUnavailable(ex))
            {
                // The photo was stored but its preview could not be: take both back rather than keep half a photo.
                LogStorageUnavailable(logger, ex, thumbnailKey);
                db.StoredFiles.Remove(file);
                try
                {
                    await store.DeleteAsync(file.StorageKey, cancellationToken);
                }
                catch (Exception cleanup) when (TransientFaults.IsStorageUnavailable(cleanup))
                {
                    // A read-only disk keeps the file; no row points at it, so it is only wasted space.
                }

                return new StoreResult(null, TransientFaults.StorageUnavailableMessage);
            }

            file.SetThumbnail(thumbnailKey);
        }

        return stored;
    }

    /// <summary>
    /// The name as shown and downloaded: no folders (../../x.pdf → x.pdf), no control characters, no trailing dots or
    /// spaces ("x.pdf " → "x.pdf"), at most 255 characters with the extension kept.
    /// </summary>
    public static string CleanName(string? uploaded)
    {
        if (string.IsNullOrWhiteSpace(uploaded))
        {
            return string.Empty;
        }

        var name = uploaded.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            if (!char.IsControl(c) && !FormText.IsRemoved(c) && c is not ('<' or '>' or ':' or '"' or '|' or '?' or '*'))
            {
                builder.Append(c);
            }
        }

        name = builder.ToString().Trim().TrimEnd('.', ' ');
        if (name.Length > MaxNameLength)
        {
            var extension = Path.GetExtension(name);
            name = extension.Length < 16 ? name[..(MaxNameLength - extension.Length)] + extension : name[..MaxNameLength];
        }

        return name is "." or ".." ? string.Empty : name;
    }

    /// <summary>A forward-only stream is copied to memory up to the document limit so its head can be checked.</summary>
    private static async Task<Stream> CopyHeadAsync(Stream content, CancellationToken cancellationToken)
    {
        var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        copy.Position = 0;
        return copy;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "File store refused {Key}: disk full or read-only")]
    private static partial void LogStorageUnavailable(ILogger logger, Exception exception, string key);
}
