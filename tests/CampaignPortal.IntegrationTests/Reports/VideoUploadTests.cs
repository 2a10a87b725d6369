using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using static CampaignPortal.IntegrationTests.Infrastructure.ReportSteps;

namespace CampaignPortal.IntegrationTests.Reports;

/// <summary>
/// Tests that measure the process's memory run alone: other test classes running in parallel in the same process
/// would raise its peak.
/// </summary>
[CollectionDefinition(nameof(MeasuresProcessMemory), DisableParallelization = true)]
public sealed class MeasuresProcessMemory;

/// <summary>Videos sent in chunks that resume, streamed to disk: the server's memory stays flat, the file is exact.</summary>
[Collection(nameof(MeasuresProcessMemory))]
public sealed class VideoUploadTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const int Chunk = 8 * 1024 * 1024;

    /// <summary>Bytes that depend only on their position; the first twelve make an MP4 ("ftyp" box).</summary>
    private sealed class PatternStream(long start, long length, bool throwHalfWay = false) : Stream
    {
        private static readonly byte[] Header = [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'m', (byte)'p', (byte)'4', (byte)'2'];
        private long _position;

        /// <summary>A block of pseudo-random bytes, repeated; its odd length keeps chunk boundaries from lining up with it.</summary>
        private static readonly byte[] Block = new Random(2022).GetItems<byte>([.. Enumerable.Range(0, 256).Select(i => (byte)i)], (1024 * 1024) + 7);

        public static byte At(long position) => position < Header.Length ? Header[position] : Block[position % Block.Length];

        public static void Fill(long start, Span<byte> target)
        {
            var done = 0;
            while (done < target.Length)
            {
                var at = start + done;
                var from = (int)(at % Block.Length);
                var n = Math.Min(target.Length - done, Block.Length - from);
                Block.AsSpan(from, n).CopyTo(target[done..]);
                done += n;
            }

            for (var p = start; p < Header.Length && p - start < target.Length; p++)
            {
                target[(int)(p - start)] = Header[p];
            }
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (throwHalfWay && _position >= length / 2)
            {
                throw new IOException("The connection dropped.");
            }

            var n = (int)Math.Min(count, length - _position);
            Fill(start + _position, buffer.AsSpan(offset, n));

            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static string Sha256Of(long size)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1024 * 1024];
        for (long at = 0; at < size; at += buffer.Length)
        {
            var n = (int)Math.Min(buffer.Length, size - at);
            PatternStream.Fill(at, buffer.AsSpan(0, n));

            sha.AppendData(buffer, 0, n);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static async Task<HttpResponseMessage> SendAsync(
        PortalClient client, HttpMethod method, string path, string token, HttpContent? content = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        request.Headers.Add("X-CSRF-TOKEN", token);
        request.Headers.Add("X-Requested-With", "XMLHttpRequest");
        return await client.Http.SendAsync(request, cancellationToken);
    }

    private static async Task<(string Id, string Token)> StartAsync(PortalClient client, int campaignId, string name, long size)
    {
        var token = await client.AntiforgeryTokenAsync($"/campaigns/{campaignId}/report");
        var started = await SendAsync(client, HttpMethod.Post, $"/campaigns/{campaignId}/report/videos", token,
            JsonContent.Create(new { name, size, caption = "主场活动现场" }));
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        return (JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!, token);
    }

    private static async Task<HttpResponseMessage> PutAsync(
        PortalClient client, string id, string token, long offset, long length, bool dropHalfWay = false, CancellationToken cancellationToken = default)
    {
        using var content = new StreamContent(new PatternStream(offset, length, dropHalfWay));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        return await SendAsync(client, HttpMethod.Put, $"/uploads/{id}?offset={offset}", token, content, cancellationToken);
    }

    private static long Resident(string field) =>
        long.Parse(File.ReadAllLines("/proc/self/status").Single(l => l.StartsWith(field + ":", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;

    [Fact]
    public async Task Upload300MB_InterruptedHalfWay_Resumed_OneExactFile_MemoryFlat()
    {
        const long size = 300L * 1024 * 1024;
        var campaignId = await CampaignIdAsync(factory);
        using var filer = await factory.SignedInAsync("hami.filer@demo.local");
        var (id, token) = await StartAsync(filer, campaignId, "主场活动.mp4", size);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = Resident("VmRSS");
        File.WriteAllText("/proc/self/clear_refs", "5"); // resets the peak (VmHWM) to the current size

        long offset = 0;
        while (offset < size / 2)
        {

            var response = await PutAsync(filer, id, token, offset, Chunk);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            offset += Chunk;
        }

        // The connection drops in the middle of a chunk.
        // (The client gives up on the stalled request after two seconds; half the chunk reached the server.)
        using (var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => PutAsync(filer, id, token, offset, Chunk, dropHalfWay: true, giveUp.Token));
        }

        // Later (or after a reload): ask how far it got, and go on from there.
        var status = await SendAsync(filer, HttpMethod.Get, $"/uploads/{id}", token);
        var received = JsonDocument.Parse(await status.Content.ReadAsStringAsync()).RootElement.GetProperty("received").GetInt64();
        Assert.InRange(received, offset, offset + Chunk);
        var wrongOffset = await PutAsync(filer, id, token, 0, Chunk);
        Assert.Equal(HttpStatusCode.Conflict, wrongOffset.StatusCode);
        offset = received;
        HttpResponseMessage last = null!;
        while (offset < size)
        {
            var length = Math.Min(Chunk, size - offset);
            last = await PutAsync(filer, id, token, offset, length);
            Assert.Equal(HttpStatusCode.OK, last.StatusCode);
            offset += length;
        }

        var peakGrowth = Resident("VmHWM") - before;
        Assert.True(JsonDocument.Parse(await last.Content.ReadAsStringAsync()).RootElement.GetProperty("done").GetBoolean());
        Assert.True(peakGrowth < 64L * 1024 * 1024, $"peak resident memory grew by {peakGrowth / 1024 / 1024} MB");

        var report = (await ReportAsync(factory, campaignId, "哈密市科学技术协会"))!;
        var video = Assert.Single(report.Files, f => f.Kind == ReportFileKind.Video);
        Assert.Equal(size, video.Size);
        Assert.Equal(Sha256Of(size), video.Sha256);
        Assert.Equal("主场活动现场", video.Caption);
        var stored = await factory.WithDbAsync(db => db.StoredFiles.SingleAsync(f => f.Id == video.StoredFileId));
        Assert.Equal("video/mp4", stored.ContentType);
        Assert.Equal(size, new FileInfo(Path.Combine(factory.DataDirectory, "files", stored.StorageKey)).Length);
        Assert.Empty(Directory.GetFiles(Path.Combine(factory.DataDirectory, "files"), "*.upload", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task AnotherPersonsUpload_NotFound_BadStarts_Refused()
    {
        var campaignId = await CampaignIdAsync(factory);
        await factory.CreateUserAsync("hami.colleague@test.local");
        using var filer = await factory.SignedInAsync("hami.filer@demo.local");
        using var colleague = await factory.SignedInAsync("hami.colleague@test.local");
        using var other = await factory.SignedInAsync("klmy.filer@demo.local");
        var (id, _) = await StartAsync(filer, campaignId, "片段.mov", 1024);
        var colleagueToken = await colleague.AntiforgeryTokenAsync($"/campaigns/{campaignId}/report");
        var otherToken = await other.AntiforgeryTokenAsync($"/campaigns/{campaignId}/report");

        Assert.Equal(HttpStatusCode.NotFound, (await PutAsync(colleague, id, colleagueToken, 0, 1024)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PutAsync(other, id, otherToken, 0, 1024)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(other, HttpMethod.Get, $"/uploads/{id}", otherToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(other, HttpMethod.Delete, $"/uploads/{id}", otherToken)).StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.UploadSessions.Where(u => u.Id == Guid.Parse(id)).Select(u => u.ReceivedBytes).SingleAsync()));

        // Without the antiforgery header: refused before anything is stored.
        using var noToken = new HttpRequestMessage(HttpMethod.Put, new Uri($"/uploads/{id}?offset=0", UriKind.Relative)) { Content = new ByteArrayContent(new byte[10]) };
        Assert.Equal(HttpStatusCode.BadRequest, (await filer.Http.SendAsync(noToken)).StatusCode);

        var token = await filer.AntiforgeryTokenAsync($"/campaigns/{campaignId}/report");
        foreach (var (name, size, message) in new[]
        {
            ("视频.exe", 1024L, "只能上传 mp4、mov、mpg、mpeg 格式的视频"),
            ("视频.mp4", 0L, "视频文件是空的"),
            ("视频.mp4", 5L * 1024 * 1024 * 1024, "视频超过 4 GB 的上限"),
        })
        {
            var refused = await SendAsync(filer, HttpMethod.Post, $"/campaigns/{campaignId}/report/videos", token, JsonContent.Create(new { name, size }));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(message, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task FinishedUploadThatIsNotAVideo_RefusedAndRemoved()
    {
        var campaignId = await CampaignIdAsync(factory);
        using var filer = await factory.SignedInAsync("klmy.filer@demo.local");
        var (id, token) = await StartAsync(filer, campaignId, "伪装.mp4", 26);
        var filesBefore = await factory.WithDbAsync(db => db.StoredFiles.CountAsync());

        using var content = new ByteArrayContent("<html>not a video</html>!!"u8.ToArray()[..26]);
        var response = await SendAsync(filer, HttpMethod.Put, $"/uploads/{id}?offset=0", token, content);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("的内容不是MP4 视频，已删除", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.UploadSessions.AnyAsync(u => u.Id == Guid.Parse(id))));
        Assert.Equal(filesBefore, await factory.WithDbAsync(db => db.StoredFiles.CountAsync()));
        Assert.Empty(Directory.GetFiles(Path.Combine(factory.DataDirectory, "files"), "*.upload", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task ReportSubmittedWhileTheVideoWasOnItsWay_RefusedWithAMessage_NothingLeft_RetryIsNotAnError()
    {
        var campaignId = await CampaignIdAsync(factory);
        await factory.CreateUserAsync("altay.upload@test.local", organisation: "阿勒泰地区科学技术协会");
        using var filer = await factory.SignedInAsync("altay.upload@test.local");
        var (id, token) = await StartAsync(filer, campaignId, "分会场.mp4", 2 * 1024);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(filer, id, token, 0, 1024)).StatusCode);

        await SubmitCompleteAsync(filer, campaignId);
        var last = await PutAsync(filer, id, token, 1024, 1024);
        var retry = await PutAsync(filer, id, token, 1024, 1024);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, last.StatusCode);
        Assert.Contains("报告已提交，正在等待审核，视频未保存", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, retry.StatusCode); // the upload is gone, not broken
        Assert.False(await factory.WithDbAsync(db => db.UploadSessions.AnyAsync(u => u.Id == Guid.Parse(id))));
        Assert.Empty(Directory.GetFiles(Path.Combine(factory.DataDirectory, "files"), "*.upload", SearchOption.AllDirectories));
        Assert.DoesNotContain((await ReportAsync(factory, campaignId, "阿勒泰地区科学技术协会"))!.Files, f => f.Kind == ReportFileKind.Video);

        // Starting another now: 409 with the reason, as JSON for the page's script.
        var refused = await SendAsync(filer, HttpMethod.Post, $"/campaigns/{campaignId}/report/videos", token, JsonContent.Create(new { name = "又一段.mp4", size = 10 }));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("报告已提交", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
