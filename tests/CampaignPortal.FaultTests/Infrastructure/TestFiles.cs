namespace CampaignPortal.FaultTests.Infrastructure;

/// <summary>Uploads that pass the portal's content check, filled with random bytes so every SHA-256 differs.</summary>
public static class TestFiles
{
    public static byte[] Pdf(int size) => WithHead("%PDF-1.4\n"u8, size);

    /// <summary>An ISO media file: a box size, then "ftyp".</summary>
    public static byte[] Mp4(int size) => WithHead([0, 0, 0, 0x18, .. "ftypisom"u8], size);

    private static byte[] WithHead(ReadOnlySpan<byte> head, int size)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        head.CopyTo(bytes);
        return bytes;
    }
}
