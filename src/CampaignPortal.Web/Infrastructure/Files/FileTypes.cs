namespace CampaignPortal.Web.Infrastructure.Files;

/// <summary>An accepted kind of file: its extensions, content type, signatures and size limit.</summary>
public sealed record FileType(string Name, string[] Extensions, string ContentType, long MaxBytes, Func<ReadOnlyMemory<byte>, bool> Matches);

/// <summary>
/// The allow-list: a file is accepted only when its extension and its first bytes agree. Office's OOXML (docx, xlsx)
/// and OFD are ZIP files; doc, xls, wps and et are OLE compound files.
/// </summary>
public static class FileTypes
{
    public const long DocumentMaxBytes = 50L * 1024 * 1024;
    public const long ImageMaxBytes = 20L * 1024 * 1024;

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static readonly IReadOnlyList<FileType> Documents =
    [
        new("PDF 文档", [".pdf"], "application/pdf", DocumentMaxBytes, b => StartsWith(b, Pdf)),
        new("Word 文档", [".docx"], "application/vnd.openxmlformats-officedocument.wordprocessingml.document", DocumentMaxBytes, b => StartsWith(b, Zip)),
        new("Word 97-2003 文档", [".doc"], "application/msword", DocumentMaxBytes, b => StartsWith(b, Ole)),
        new("Excel 工作簿", [".xlsx"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", DocumentMaxBytes, b => StartsWith(b, Zip)),
        new("Excel 97-2003 工作簿", [".xls"], "application/vnd.ms-excel", DocumentMaxBytes, b => StartsWith(b, Ole)),
        new("WPS 文字", [".wps"], "application/vnd.ms-works", DocumentMaxBytes, b => StartsWith(b, Ole) || StartsWith(b, Zip)),
        new("WPS 表格", [".et"], "application/vnd.ms-excel", DocumentMaxBytes, b => StartsWith(b, Ole) || StartsWith(b, Zip)),
        new("OFD 版式文档", [".ofd"], "application/ofd", DocumentMaxBytes, b => StartsWith(b, Zip)),
        new("ZIP 压缩包", [".zip"], "application/zip", DocumentMaxBytes, b => StartsWith(b, Zip)),
        new("JPEG 图片", [".jpg", ".jpeg"], "image/jpeg", ImageMaxBytes, b => StartsWith(b, Jpeg)),
        new("PNG 图片", [".png"], "image/png", ImageMaxBytes, b => StartsWith(b, Png)),
    ];

    /// <summary>Photos (of activities, later of reports): JPEG and PNG only.</summary>
    public static readonly IReadOnlyList<FileType> Photos = [.. Documents.Where(t => t.ContentType.StartsWith("image/", StringComparison.Ordinal))];

    /// <summary>Report photos: JPEG and PNG, up to 50 MB like every report attachment.</summary>
    public static readonly IReadOnlyList<FileType> ReportPhotos = [.. Photos.Select(t => t with { MaxBytes = DocumentMaxBytes })];

    /// <summary>Report documents: pdf, doc, docx, xls, xlsx, wps, et, ofd.</summary>
    public static readonly IReadOnlyList<FileType> ReportDocuments =
        [.. Documents.Where(t => !t.ContentType.StartsWith("image/", StringComparison.Ordinal) && t.Extensions[0] != ".zip")];

    /// <summary>盖章扫描件: a scan as PDF, OFD or an image.</summary>
    public static readonly IReadOnlyList<FileType> StampedScans =
        [.. ReportDocuments.Where(t => t.Extensions[0] is ".pdf" or ".ofd"), .. ReportPhotos];

    public const long PlainVideoMaxBytes = DocumentMaxBytes;

    /// <summary>
    /// Videos: MP4 and MOV (ISO base media: a box type such as "ftyp", "moov", "mdat", "free", "wide" at byte 4) and MPEG
    /// program or elementary streams (00 00 01 BA / B3). Sent in chunks up to <c>Uploads:MaxVideoBytes</c>; a plain
    /// upload without script is limited to <see cref="PlainVideoMaxBytes"/>.
    /// </summary>
    public static readonly IReadOnlyList<FileType> Videos =
    [
        new("MP4 视频", [".mp4"], "video/mp4", PlainVideoMaxBytes, IsIsoMedia),
        new("MOV 视频", [".mov"], "video/quicktime", PlainVideoMaxBytes, IsIsoMedia),
        new("MPEG 视频", [".mpg", ".mpeg"], "video/mpeg", PlainVideoMaxBytes,
            b => StartsWith(b, [0x00, 0x00, 0x01, 0xBA]) || StartsWith(b, [0x00, 0x00, 0x01, 0xB3])),
    ];

    private static bool IsIsoMedia(ReadOnlyMemory<byte> bytes)
    {
        if (bytes.Length < 8)
        {
            return false;
        }

        var box = System.Text.Encoding.ASCII.GetString(bytes.Span[4..8]);
        return box is "ftyp" or "moov" or "mdat" or "free" or "wide" or "skip" or "pnot";
    }

    public static string AllowedList(IEnumerable<FileType> types) =>
        string.Join("、", types.SelectMany(t => t.Extensions).Select(e => e.TrimStart('.')));

    public static FileType? ForExtension(IEnumerable<FileType> types, string extension) =>
        types.FirstOrDefault(t => t.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase));

    private static bool StartsWith(ReadOnlyMemory<byte> bytes, byte[] signature) =>
        bytes.Length >= signature.Length && bytes.Span[..signature.Length].SequenceEqual(signature);
}
