using System.Buffers.Binary;
using CampaignPortal.Web.Infrastructure.Files;
using SkiaSharp;

namespace CampaignPortal.UnitTests.Infrastructure;

public sealed class PhotoProcessorTests
{
    /// <summary>A 40×20 JPEG, red on the left and blue on the right, with EXIF orientation 6 (shot with the phone turned) and a GPS block.</summary>
    private static byte[] SidewaysPhotoWithGps()
    {
        using var bitmap = new SKBitmap(40, 20);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Blue);
            using var red = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(0, 0, 20, 20, red);
        }

        using var image = SKImage.FromBitmap(bitmap);
        var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 95).ToArray();

        var tiff = new byte[52];
        "II"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(8), 2); // IFD0: two entries
        Entry(tiff, 10, 0x0112, 3, 1, 6); // Orientation = 6 (RightTop)
        Entry(tiff, 22, 0x8825, 4, 1, 38); // GPS IFD at 38
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(38), 1);
        Entry(tiff, 40, 0x0001, 2, 2, 'N'); // GPSLatitudeRef = "N"
        var app1 = new List<byte> { 0xFF, 0xE1 };
        var length = (ushort)(2 + 6 + tiff.Length);
        app1.Add((byte)(length >> 8));
        app1.Add((byte)length);
        app1.AddRange("Exif\0\0"u8.ToArray());
        app1.AddRange(tiff);
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }

    private static void Entry(byte[] tiff, int at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), tag);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at + 2), type);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 4), count);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 8), value);
    }

    [Fact]
    public void Process_SidewaysPhoto_TurnedUpright_MetadataAndGpsGone_PreviewMade()
    {
        var original = SidewaysPhotoWithGps();
        using (var codec = SKCodec.Create(SKData.CreateCopy(original)))
        {
            Assert.Equal(SKEncodedOrigin.RightTop, codec.EncodedOrigin); // the test photo really carries the orientation
        }

        var photo = PhotoProcessor.Process(original, out var error);

        Assert.Null(error);
        Assert.NotNull(photo);
        Assert.Equal((20, 40), (photo.Width, photo.Height));
        using var upright = SKBitmap.Decode(photo.Image);
        Assert.Equal((20, 40), (upright.Width, upright.Height));
        Assert.True(upright.GetPixel(10, 5).Red > 200 && upright.GetPixel(10, 5).Blue < 60, "the red left half is now on top");
        Assert.True(upright.GetPixel(10, 35).Blue > 200 && upright.GetPixel(10, 35).Red < 60, "the blue right half is now at the bottom");
        Assert.Equal(-1, photo.Image.AsSpan().IndexOf("Exif"u8));
        using (var codec = SKCodec.Create(SKData.CreateCopy(photo.Image)))
        {
            Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);
        }

        using var preview = SKBitmap.Decode(photo.Thumbnail);
        Assert.Equal((20, 40), (preview.Width, preview.Height)); // small pictures are not enlarged
    }

    [Fact]
    public void Process_LargePhoto_PreviewIsAtMost480Wide()
    {
        using var bitmap = new SKBitmap(1600, 1200);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Green);
        }

        using var image = SKImage.FromBitmap(bitmap);
        var photo = PhotoProcessor.Process(image.Encode(SKEncodedImageFormat.Png, 100).ToArray(), out _);

        using var preview = SKBitmap.Decode(photo!.Thumbnail);
        Assert.Equal((480, 360), (preview.Width, preview.Height));
        Assert.Equal(0x89, photo.Image[0]); // a PNG stays a PNG
    }

    [Fact]
    public void Process_NotAnImage_RefusedWithAMessage()
    {
        var photo = PhotoProcessor.Process("<html><script>alert(1)</script></html>"u8.ToArray(), out var error);

        Assert.Null(photo);
        Assert.Contains("图片无法读取", error, StringComparison.Ordinal);
    }
}
