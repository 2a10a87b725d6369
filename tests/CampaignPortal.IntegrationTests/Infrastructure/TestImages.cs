using SkiaSharp;

namespace CampaignPortal.IntegrationTests.Infrastructure;

/// <summary>Real, decodable pictures for upload tests (photos are decoded and re-encoded on upload).</summary>
public static class TestImages
{
    public static byte[] Png(int width = 40, int height = 20) => Encode(width, height, SKEncodedImageFormat.Png);

    public static byte[] Jpeg(int width = 40, int height = 20) => Encode(width, height, SKEncodedImageFormat.Jpeg);

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }
}
