using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignPortal.FaultTests.Infrastructure;
using Xunit.Abstractions;

namespace CampaignPortal.FaultTests;

/// <summary>
/// The portal killed with SIGKILL in the middle of saves and uploads, then started again on the same data: what people
/// were told is saved is there, identical; what they were not told is absent or still a draft; forms and uploads opened
/// before the kill carry on (cookies and antiforgery tokens still valid: the keys are in the database).
/// </summary>
public sealed class ProcessKillTests(ITestOutputHelper output)
{
    private const int Chunk = 4 * 1024 * 1024;

    [Fact]
    public async Task Kill_DuringReportSaves_AcknowledgedSaveSurvivesAndFormsOpenedBeforeStillSubmit()
    {
        await using var portal = new PortalProcess();
        await portal.StartAsync();
        var campaignId = PortalDb.CampaignId(portal);
        using var hami = await Browser.SignedInAsync(portal, "hami.filer@demo.local");
        using var karamay = await Browser.SignedInAsync(portal, "klmy.filer@demo.local");
        var (karamayToken, karamayVersion) = await ReportForm.OpenAsync(karamay, campaignId);

        // One save whose body stops half-way: the kill lands inside that request.
        var (token, version) = await ReportForm.OpenAsync(hami, campaignId);
        using var halfBody = new FormUrlEncodedContent(new Dictionary<string, string>(ReportForm.Complete(version, "半途而止的保存"))
        {
            ["__RequestVerificationToken"] = token,
            ["save"] = "1",
        });
        using var slow = await SlowContent.FromAsync(halfBody, 0.6);
        var slowSave = hami.Http.PostAsync(new Uri(ReportForm.PagePath(campaignId), UriKind.Relative), slow);
        await slow.FirstPartSent;

        // Saves one after another; each acknowledged one is read back before the next is sent.
        var acknowledged = new ConcurrentQueue<(string Marker, string Snapshot)>();
        var attempted = new ConcurrentQueue<string>();
        var saves = Task.Run(async () =>
        {
            for (var i = 0; ; i++)
            {
                var (t, v) = await ReportForm.OpenAsync(hami, campaignId);
                var marker = $"第{i}次保存";
                attempted.Enqueue(marker);
                using var response = await ReportForm.PostAsync(hami, campaignId, ReportForm.Complete(v, marker), t, submit: false);
                if (ReportForm.Acknowledged(response))
                {
                    acknowledged.Enqueue((marker, PortalDb.ReportSnapshot(portal, PortalDb.Hami)!));
                }
            }
        });
        while (acknowledged.Count < 5)
        {
            Assert.False(saves.IsCompleted, saves.Exception?.ToString());
            await Task.Delay(10);
        }

        await Task.Delay(Random.Shared.Next(0, 30));
        portal.Kill();
        slow.Abort();
        await Assert.ThrowsAnyAsync<Exception>(() => saves);
        await Assert.ThrowsAnyAsync<Exception>(() => slowSave);

        var restart = Stopwatch.StartNew();
        await portal.StartAsync();
        restart.Stop();
        hami.Reconnect();
        karamay.Reconnect();

        // The last acknowledged save is there field for field, unless the one save in flight at the kill committed
        // without its answer reaching the person (allowed: they were not told either way). Never the half-sent body.
        var after = PortalDb.ReportSnapshot(portal, PortalDb.Hami)!;
        var last = acknowledged.Last();
        var inFlight = attempted.Last();
        Assert.StartsWith("status=Draft ", after, StringComparison.Ordinal);
        Assert.DoesNotContain("半途而止", after, StringComparison.Ordinal);
        var outcome = after == last.Snapshot ? "the last acknowledged save" : "the unanswered save in flight";
        if (after != last.Snapshot)
        {
            Assert.NotEqual(last.Marker, inFlight);
            Assert.Contains(inFlight, after, StringComparison.Ordinal);
            Assert.Equal(last.Snapshot.Replace(last.Marker, inFlight, StringComparison.Ordinal), after);
        }

        PortalDb.AssertConsistent(portal);

        // Karamay's form, opened before the kill, submits after the restart with its old token and version.
        var karamayFields = ReportForm.Complete(karamayVersion, "重启前打开的表单");
        using var submitted = await ReportForm.PostAsync(karamay, campaignId, karamayFields, karamayToken, submit: true);
        Assert.True(ReportForm.Acknowledged(submitted), $"The form opened before the restart answered {(int)submitted.StatusCode}");
        Assert.Contains("已提交", await karamay.FollowAsync(submitted), StringComparison.Ordinal);
        var karamaySnapshot = PortalDb.ReportSnapshot(portal, PortalDb.Karamay)!;
        Assert.StartsWith("status=Submitted ", karamaySnapshot, StringComparison.Ordinal);
        Assert.Equal(1, PortalDb.VersionCount(portal, PortalDb.Karamay));
        Assert.Equal(WithoutState(karamaySnapshot), PortalDb.VersionContent(portal, PortalDb.Karamay, 1));
        Assert.Contains("重启前打开的表单", karamaySnapshot, StringComparison.Ordinal);

        // Hami's session from before the kill still works: its report submits as stored.
        (token, version) = await ReportForm.OpenAsync(hami, campaignId);
        using var hamiSubmit = await ReportForm.PostAsync(hami, campaignId, ReportForm.Complete(version, "重启后提交"), token, submit: true);
        Assert.True(ReportForm.Acknowledged(hamiSubmit));
        Assert.Equal(WithoutState(PortalDb.ReportSnapshot(portal, PortalDb.Hami)!), PortalDb.VersionContent(portal, PortalDb.Hami, 1));
        PortalDb.AssertConsistent(portal);
        FaultLog.Line(output, $"SIGKILL during saves: {acknowledged.Count} saves acknowledged before the kill, kept: {outcome}; restart {restart.Elapsed.TotalSeconds:0.0} s; forms opened before the kill submitted after it");
    }

    [Fact]
    public async Task Kill_DuringLargeUploads_AcknowledgedFilesSurviveAndVideoResumesWithSameSha256()
    {
        await using var portal = new PortalProcess(new Dictionary<string, string> { ["Uploads:ChunkBytes"] = Chunk.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await portal.StartAsync();
        var campaignId = PortalDb.CampaignId(portal);
        using var filer = await Browser.SignedInAsync(portal, "hami.filer@demo.local");
        var (token, version) = await ReportForm.OpenAsync(filer, campaignId);
        Assert.True(ReportForm.Acknowledged(await ReportForm.PostAsync(filer, campaignId, ReportForm.Complete(version, "上传测试"), token, submit: false)));

        var kept = TestFiles.Pdf(1024 * 1024);
        using (var form = Browser.FileForm(token, "中断前已上传.pdf", kept))
        using (var response = await filer.PostAsync($"/campaigns/{campaignId}/report/files", form))
        {
            Assert.Contains("附件已上传", await filer.FollowAsync(response), StringComparison.Ordinal);
        }

        // A 20 MB video in 4 MB chunks: two acknowledged, the third cut off by the kill.
        var video = TestFiles.Mp4(5 * Chunk);
        using var start = await filer.SendScriptAsync(HttpMethod.Post, $"/campaigns/{campaignId}/report/videos",
            JsonContent.Create(new { name = "现场视频.mp4", size = video.Length, caption = "活动现场" }), token);
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        var uploadId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        for (var offset = 0; offset < 2 * Chunk; offset += Chunk)
        {
            Assert.Equal(offset + Chunk, await PutChunkAsync(filer, uploadId!, video, offset, token));
        }

        using var cutChunk = new SlowContent(video[(2 * Chunk)..(3 * Chunk)], Chunk / 2, "application/octet-stream");
        var chunkTask = filer.SendScriptAsync(HttpMethod.Put, $"/uploads/{uploadId}?offset={2 * Chunk}", cutChunk, token);
        using var cutForm = Browser.FileForm(token, "中断的上传.pdf", TestFiles.Pdf(8 * 1024 * 1024));
        using var cutFile = await SlowContent.FromAsync(cutForm, 0.5);
        var fileTask = filer.PostAsync($"/campaigns/{campaignId}/report/files", cutFile);
        await Task.WhenAll(cutChunk.FirstPartSent, cutFile.FirstPartSent);
        await Task.Delay(500); // the server is now writing the chunk and reading the form

        portal.Kill();
        cutChunk.Abort();
        cutFile.Abort();
        await Assert.ThrowsAnyAsync<Exception>(() => chunkTask);
        await Assert.ThrowsAnyAsync<Exception>(() => fileTask);
        await portal.StartAsync();
        filer.Reconnect();

        var files = PortalDb.ReportFiles(portal, PortalDb.Hami);
        Assert.Equal(["中断前已上传.pdf"], files.Select(f => f.Name));
        Assert.Equal(PortalDb.Sha256(kept), files[0].Sha256);
        PortalDb.AssertConsistent(portal);

        // The kill landed inside the third chunk: its first bytes are on disk but were never acknowledged.
        using (var db = PortalDb.Open(portal))
        using (var key = db.CreateCommand())
        {
            key.CommandText = "SELECT StorageKey FROM UploadSessions";
            var partial = new FileInfo(Path.Combine(portal.FilesRoot, (string)key.ExecuteScalar()! + ".upload")).Length;
            Assert.True(partial > 2 * Chunk, $"The partial upload has {partial} bytes: the kill did not land inside a chunk");
        }

        // The upload goes on from what was acknowledged, with the token of the page opened before the kill.
        using var status = await filer.GetAsync($"/uploads/{uploadId}");
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        var received = (await status.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("received").GetInt64();
        Assert.Equal(2 * Chunk, received);
        for (var offset = (int)received; offset < video.Length; offset += Chunk)
        {
            Assert.Equal(offset + Chunk, await PutChunkAsync(filer, uploadId!, video, offset, token));
        }

        files = PortalDb.ReportFiles(portal, PortalDb.Hami);
        var stored = Assert.Single(files, f => f.Name == "现场视频.mp4");
        Assert.Equal(PortalDb.Sha256(video), stored.Sha256);
        Assert.Equal(video.Length, stored.Size);
        PortalDb.AssertConsistent(portal);
        FaultLog.Line(output, $"SIGKILL during uploads: acknowledged PDF kept (SHA-256 equal), half-sent PDF absent, video resumed at {received / 1024 / 1024} MB of {video.Length / 1024 / 1024} MB and completed with the same SHA-256; restart {portal.LastStartDuration.TotalSeconds:0.0} s");
    }

    private static string WithoutState(string snapshot) => snapshot[(snapshot.IndexOf('\n', StringComparison.Ordinal) + 1)..];

    private static async Task<long> PutChunkAsync(Browser browser, string uploadId, byte[] video, int offset, string token)
    {
        using var content = new ByteArrayContent(video, offset, Math.Min(Chunk, video.Length - offset));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        using var response = await browser.SendScriptAsync(HttpMethod.Put, $"/uploads/{uploadId}?offset={offset}", content, token);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Chunk at {offset}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("received").GetInt64();
    }
}
