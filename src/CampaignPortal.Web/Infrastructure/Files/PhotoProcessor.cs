using SkiaSharp;

namespace CampaignPortal.Web.Infrastructure.Files;

/// <summary>A photo made ready to keep: turned upright, without its metadata, and a small preview.</summary>
public sealed record ProcessedPhoto(byte[] Image, byte[] Thumbnail, int Width, int Height);

/// <summary>
/// Photos from phones carry an EXIF orientation (the pixels lie sideways) and often the place they were taken (GPS).
/// Each upload is decoded, turned as its orientation says, and encoded again — which writes no metadata at all, so GPS,
/// camera serial numbers and the like are gone — plus a JPEG preview at most <see cref="ThumbnailWidth"/> wide.
/// </summary>
public static class PhotoProcessor
{
    public const int ThumbnailWidth = 480;

    /// <summary>Larger pictures are refused: decoding them would need gigabytes of memory.</summary>
    public const long MaxPixels = 60_000_000;

    /// <summary>At most two photos are decoded at once (each may need a few hundred MB while it is).</summary>
    public static readonly SemaphoreSlim Gate = new(2, 2);

    public static ProcessedPhoto? Process(byte[] original, out string? error)
    {
        error = null;
        using var data = SKData.CreateCopy(original);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            error = "图片无法读取，可能已损坏。请重新导出后上传。";
            return null;
        }

        if ((long)codec.Info.Width * codec.Info.Height > MaxPixels)
        {
            error = $"图片尺寸过大（{codec.Info.Width}×{codec.Info.Height}），请缩小到 6000 万像素以内后上传。";
            return null;
        }

        // Decoded by hand rather than with SKBitmap.Decode, which keeps a picture cut off half-way (grey below the cut).
        var info = codec.Info.AlphaType == SKAlphaType.Unpremul ? codec.Info.WithAlphaType(SKAlphaType.Premul) : codec.Info;
        using var decoded = new SKBitmap(info);
        if (codec.GetPixels(info, decoded.GetPixels()) != SKCodecResult.Success)
        {
            error = "图片不完整或已损坏（可能导出或传输时中断），请重新导出后上传。";
            return null;
        }

        // Upright pictures are used as decoded; only turned ones need a second bitmap.
        using var turned = codec.EncodedOrigin == SKEncodedOrigin.TopLeft ? null : Orient(decoded, codec.EncodedOrigin);
        var upright = turned ?? decoded;
        var format = codec.EncodedFormat == SKEncodedImageFormat.Png ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg;
        var image = Encode(upright, format, 90);
        var width = Math.Min(ThumbnailWidth, upright.Width);
        var height = Math.Max(1, (int)Math.Round((double)upright.Height * width / upright.Width));
        using var small = upright.Resize(new SKImageInfo(width, height), new SKSamplingOptions(SKCubicResampler.Mitchell)) ?? upright.Copy();
        using var flattened = Flatten(small);
        return new ProcessedPhoto(image, Encode(flattened, SKEncodedImageFormat.Jpeg, 80), upright.Width, upright.Height);
    }

    /// <summary>The bitmap drawn as its EXIF orientation says, so that "top-left" is where the viewer expects it.</summary>
    public static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(new SKImageInfo(swap ? source.Height : source.Width, swap ? source.Width : source.Height, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(result);
        canvas.Clear(SKColors.Transparent);
        float w = result.Width, h = result.Height;

        // The last transform named applies first to the picture's points.
        switch (origin)
        {
            case SKEncodedOrigin.TopRight:
                canvas.Translate(w, 0);
                canvas.Scale(-1, 1);
                break;
            case SKEncodedOrigin.BottomRight:
                canvas.Translate(w, h);
                canvas.RotateDegrees(180);
                break;
            case SKEncodedOrigin.BottomLeft:
                canvas.Translate(0, h);
                canvas.Scale(1, -1);
                break;
            case SKEncodedOrigin.LeftTop:
                canvas.Scale(-1, 1);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.RightTop:
                canvas.Translate(w, 0);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.RightBottom:
                canvas.Translate(w, h);
                canvas.Scale(1, -1);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.LeftBottom:
                canvas.Translate(0, h);
                canvas.RotateDegrees(270);
                break;
        }

        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, SKSamplingOptions.Default);
        return result;
    }

    /// <summary>JPEG has no transparency: transparent parts of a PNG become white in the preview.</summary>
    private static SKBitmap Flatten(SKBitmap bitmap)
    {
        var result = new SKBitmap(new SKImageInfo(bitmap.Width, bitmap.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(result);
        canvas.Clear(SKColors.White);
        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, 0, 0, SKSamplingOptions.Default);
        return result;
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(format, quality);
        return encoded.ToArray();
    }
}
