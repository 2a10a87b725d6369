using System.Net;

namespace CampaignPortal.FaultTests.Infrastructure;

/// <summary>
/// A request body that sends its first <c>sendFirst</c> bytes, announces it, and then never finishes: the server is
/// left waiting half-way through an upload (with the full Content-Length announced) until it is killed.
/// </summary>
public sealed class SlowContent : HttpContent
{
    private readonly TaskCompletionSource _sent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _abort = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly byte[] _body;
    private readonly int _sendFirst;

    public SlowContent(byte[] body, int sendFirst, string contentType)
    {
        _body = body;
        _sendFirst = sendFirst;
        Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
    }

    /// <summary>Completes once the first part has been written to the socket.</summary>
    public Task FirstPartSent => _sent.Task;

    public static async Task<SlowContent> FromAsync(HttpContent content, double fraction)
    {
        var bytes = await content.ReadAsByteArrayAsync();
        return new SlowContent(bytes, (int)(bytes.Length * fraction), content.Headers.ContentType!.ToString());
    }

    /// <summary>Ends the body with an error, so the request fails now.</summary>
    public void Abort() => _abort.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (var offset = 0; offset < _sendFirst; offset += 64 * 1024)
        {
            await stream.WriteAsync(_body.AsMemory(offset, Math.Min(64 * 1024, _sendFirst - offset)));
        }

        await stream.FlushAsync();
        _sent.TrySetResult();
        // Held until the test has killed the server (HttpClient waits for the body even after the connection died).
        await _abort.Task.WaitAsync(TimeSpan.FromMinutes(2));
        throw new IOException("The slow upload was never meant to finish.");
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _body.Length;
        return true;
    }
}
