using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignPortal.FaultTests.Infrastructure;
using Xunit.Abstractions;

namespace CampaignPortal.FaultTests;

/// <summary>The upload folder read-only, then full, while the portal runs; then writable again without a restart.</summary>
public sealed class DiskFaultTests(ITestOutputHelper output)
{
    private const string Refused = "文件没有上传";
    private const int Chunk = 512 * 1024;

    [Theory]
    [InlineData(false)] // the kernel's own faults when the process may mount, else the fault-injecting store
    [InlineData(true)] // always the fault-injecting store, so the fallback is proven wherever the suite runs
    public async Task Upload_WhenFolderReadOnlyThenFull_RefusedWithClearMessageAndNothingDangling(bool forceInjection)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var portal = new PortalProcess(new Dictionary<string, string> { ["Uploads:ChunkBytes"] = Chunk.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var disk = UploadDisk.Prepare(portal.DataDirectory, forceInjection);
        foreach (var (key, value) in disk.Settings)
        {
            portal.Set(key, value);
        }

        await portal.StartAsync();
        var campaignId = PortalDb.CampaignId(portal);
        using var filer = await Browser.SignedInAsync(portal, "hami.filer@demo.local");
        var (token, version) = await ReportForm.OpenAsync(filer, campaignId);
        Assert.True(ReportForm.Acknowledged(await ReportForm.PostAsync(filer, campaignId, ReportForm.Complete(version, "磁盘测试"), token, submit: false)));
        var accepted = new Dictionary<string, byte[]>();

        await UploadAsync("正常一.pdf", expectStored: true);
        var video = TestFiles.Mp4(4 * Chunk);
        using var start = await filer.SendScriptAsync(HttpMethod.Post, $"/campaigns/{campaignId}/report/videos",
            JsonContent.Create(new { name = "磁盘测试视频.mp4", size = video.Length, caption = "磁盘" }), token);
        var uploadId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, await ChunkAsync(0));

        disk.MakeReadOnly();
        await UploadAsync("只读时.pdf", expectStored: false);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await ChunkAsync(Chunk));
        // The database is elsewhere: text still saves while the upload folder is read-only.
        (token, version) = await ReportForm.OpenAsync(filer, campaignId);
        Assert.True(ReportForm.Acknowledged(await ReportForm.PostAsync(filer, campaignId, ReportForm.Complete(version, "只读期间保存"), token, submit: false)));
        disk.Restore();
        await UploadAsync("恢复后一.pdf", expectStored: true);
        Assert.Equal(HttpStatusCode.OK, await ChunkAsync(Chunk));

        disk.MakeFull();
        await UploadAsync("磁盘满时.pdf", expectStored: false);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await ChunkAsync(2 * Chunk));
        disk.Restore();
        await UploadAsync("恢复后二.pdf", expectStored: true);

        // The video carries on from what the server acknowledged before each fault, to the same SHA-256.
        Assert.Equal(HttpStatusCode.OK, await ChunkAsync(2 * Chunk));
        Assert.Equal(HttpStatusCode.OK, await ChunkAsync(3 * Chunk));
        accepted["磁盘测试视频.mp4"] = video;

        // Every acknowledged file is there with its bytes; nothing refused left a row or a partial file.
        var rows = PortalDb.ReportFiles(portal, PortalDb.Hami);
        Assert.Equal(accepted.Keys.Order(StringComparer.Ordinal), rows.Select(r => r.Name).Order(StringComparer.Ordinal));
        foreach (var row in rows)
        {
            Assert.Equal(PortalDb.Sha256(accepted[row.Name]), row.Sha256);
        }

        Assert.Empty(Directory.EnumerateFiles(portal.FilesRoot, "*.part", SearchOption.AllDirectories));
        Assert.Contains("只读期间保存", PortalDb.ReportSnapshot(portal, PortalDb.Hami), StringComparison.Ordinal);
        PortalDb.AssertConsistent(portal);
        FaultLog.Line(output, $"upload folder read-only then full — mode: {disk.Mode}; {accepted.Count} files kept (one a video resumed across both faults), 2 attachments and 2 video chunks refused with a message; {stopwatch.Elapsed.TotalSeconds:0.0} s");

        // A chunk of the video: 200 when stored; 503 with "已收到的部分已保留" and the offset unchanged when the disk refuses.
        async Task<HttpStatusCode> ChunkAsync(int offset)
        {
            using var content = new ByteArrayContent(video, offset, Chunk);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            using var response = await filer.SendScriptAsync(HttpMethod.Put, $"/uploads/{uploadId}?offset={offset}", content, token);
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                Assert.Contains("已收到的部分已保留", answer.GetProperty("message").GetString(), StringComparison.Ordinal);
                Assert.Equal(offset, answer.GetProperty("received").GetInt64());
            }

            return response.StatusCode;
        }

        async Task UploadAsync(string name, bool expectStored)
        {
            var bytes = TestFiles.Pdf(expectStored ? 200 * 1024 : 1024 * 1024);
            var pageToken = Browser.TokenIn(await filer.GetStringAsync(ReportForm.PagePath(campaignId)));
            using var form = Browser.FileForm(pageToken, name, bytes);
            using var response = await filer.PostAsync($"/campaigns/{campaignId}/report/files", form);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var page = await filer.FollowAsync(response);
            var stored = PortalDb.ReportFiles(portal, PortalDb.Hami).Any(f => f.Name == name);
            if (expectStored)
            {
                Assert.Contains("附件已上传", page, StringComparison.Ordinal);
                Assert.True(stored, $"{name} was acknowledged but has no row");
                accepted[name] = bytes;
            }
            else
            {
                Assert.Contains(Refused, page, StringComparison.Ordinal);
                Assert.DoesNotContain("附件已上传", page, StringComparison.Ordinal);
                Assert.False(stored, $"{name} was refused but has a row");
            }
        }
    }
}
