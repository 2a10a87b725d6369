using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using static CampaignPortal.IntegrationTests.Infrastructure.ReportSteps;

namespace CampaignPortal.IntegrationTests.Security;

/// <summary>
/// Every endpoint (from the application's own endpoint data) × 17 principals: anonymous, and each of the four roles
/// in each relation to 新疆维吾尔自治区科学技术协会, which owns the campaign, notice and main event used: its own staff,
/// the organisation above (中国科协), a unit below (哈密, which filed the report and owns the activity used) and an
/// unrelated province (陕西). The expected answers are <see cref="AccessMatrix.Rows"/>, shown in docs/permissions.md.
/// GETs run first; then every refused state-changing request (which must change nothing); then the allowed ones,
/// with an empty form, in table order (sign-out last).
/// </summary>
public sealed partial class AccessMatrixTests(AccessMatrixTests.Fixture fixture) : IClassFixture<AccessMatrixTests.Fixture>
{
    public sealed class Fixture : PortalFactory
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private Dictionary<string, string>? _ids;

        public async Task<Dictionary<string, string>> IdsAsync()
        {
            await _gate.WaitAsync();
            try
            {
                return _ids ??= await SetUpAsync();
            }
            finally
            {
                _gate.Release();
            }
        }

        private async Task<Dictionary<string, string>> SetUpAsync()
        {
            foreach (var (relation, organisation) in AccessMatrix.Relations)
            {
                foreach (var role in AccessMatrix.Roles)
                {
                    await CreateUserAsync(AccessMatrix.Email(role, relation), organisation, [role]);
                }
            }

            var victim = await CreateUserAsync("victim@matrix.test", "吐鲁番市科学技术协会", ["Filer"]);
            var campaign = await CampaignIdAsync(this);
            var hami = await OrganisationIdAsync("哈密市科学技术协会");
            var activity = await WithDbAsync(db => db.Activities.Where(a => a.CampaignId == campaign && a.OrganisationId == hami).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());

            // 哈密's filer adds a photo to its activity and a file to its report, then submits the report.
            using (var filer = await SignedInAsync("hami.filer@demo.local"))
            {
                Assert.Equal(HttpStatusCode.Redirect, (await filer.PostFileAsync($"/activities/{activity}/photos", $"/activities/{activity}", "现场.png", TestImages.Png())).StatusCode);
                Assert.Equal(HttpStatusCode.Redirect, (await filer.PostFileAsync($"/campaigns/{campaign}/report/files", $"/campaigns/{campaign}/report", "统计表.xlsx", ExcelBytes(),
                    new Dictionary<string, string> { ["kind"] = "Document" })).StatusCode);
                await SubmitCompleteAsync(filer, campaign);
            }

            var xinjiang = await OrganisationIdAsync("新疆维吾尔自治区科学技术协会");
            var notice = await WithDbAsync(db => db.Notices.Where(n => n.Attachments.Any() && db.Campaigns.Any(c => c.Id == n.CampaignId && c.OrganisationId == xinjiang))
                .Select(n => new { n.Id, File = n.Attachments.Select(a => a.StoredFileId).First() }).FirstAsync());
            var descFiler = await UserIdAsync(AccessMatrix.Email("Filer", "descendant"));
            var ownOrganiser = await UserIdAsync(AccessMatrix.Email("Organiser", "own"));
            var export = Guid.NewGuid();
            var upload = Guid.NewGuid();
            var notification = await WithDbAsync(async db =>
            {
                db.ExportJobs.Add(new ExportJob(export, ExportKind.Compilation, campaign, ownOrganiser, xinjiang, DateTimeOffset.UtcNow));
                db.UploadSessions.Add(new UploadSession(upload, descFiler, hami, campaign, "视频.mp4", null, 1024, "uploads/matrix.mp4.upload", DateTimeOffset.UtcNow));
                var n = new Notification(descFiler, NotificationKind.NoticePublished, "测试通知", "/notices", DateTimeOffset.UtcNow);
                db.Notifications.Add(n);
                await db.SaveChangesAsync();
                return n.Id;
            });

            // A selection of the campaign (哈密 nominated one candidate with a supporting file, checked eligible), expert1 on the panel of its open first round.
            var nominationFile = await Selections.SelectionMatrixData.StoreFileAsync(this, hami);
            var (selection, nomination, round) = await WithDbAsync(async db =>
            {
                var today = DateOnly.FromDateTime(DateTime.UtcNow);
                var s = new Selection(campaign, xinjiang, new SelectionDetails("矩阵评选", null, null, today.AddDays(-1), today.AddDays(30), 3), DateTimeOffset.UtcNow);
                var group = s.AddGroup("农业组");
                db.Selections.Add(s);
                await db.SaveChangesAsync();
                var n = new Nomination(s.Id, hami, new CandidateDetails("阿依古丽", Gender.Female, 1975, "新疆农业科学院", "研究员", group.Id, "<p>事迹</p>", "同意推荐"), DateTimeOffset.UtcNow);
                n.AddFile(nominationFile);
                n.Submit(DateTimeOffset.UtcNow);
                n.Pass(DateTimeOffset.UtcNow);
                db.Nominations.Add(n);
                var expert = new SelectionExpert(s.Id, await db.Users.Where(u => u.Email == "expert1@demo.local").Select(u => u.Id).SingleAsync(), null, DateTimeOffset.UtcNow);
                db.SelectionExperts.Add(expert);
                await db.SaveChangesAsync();
                var r = SelectionRound.VoteRound(s.Id, 1, "初评", false, DateTimeOffset.UtcNow.AddDays(30), new CutOff(CutOffRule.Top, 1), [(n.Id, group.Id)], [expert.Id], DateTimeOffset.UtcNow);
                db.SelectionRounds.Add(r);
                await db.SaveChangesAsync();
                return (s.Id, n.Id, r.Id);
            });

            return await WithDbAsync(async db => new Dictionary<string, string>
            {
                ["SEL"] = selection.ToString(),
                ["NOM"] = nomination.ToString(),
                ["RND"] = round.ToString(),
                ["NOMF"] = nominationFile.ToString(),
                ["EXP"] = (await db.SelectionExperts.Where(e => e.SelectionId == selection).Select(e => e.Id).FirstAsync()).ToString(),
                ["GRP"] = (await db.Nominations.Where(n => n.Id == nomination).Select(n => n.GroupId).SingleAsync()).ToString(),
                ["C"] = campaign.ToString(),
                ["N"] = notice.Id.ToString(),
                ["NF"] = notice.File.ToString(),
                ["M"] = (await db.MainEvents.Where(m => m.CampaignId == campaign).Select(m => m.Id).FirstAsync()).ToString(),
                ["A"] = activity.ToString(),
                ["AF"] = (await db.Activities.Where(a => a.Id == activity).SelectMany(a => a.Photos).Select(p => p.StoredFileId).FirstAsync()).ToString(),
                ["AM"] = "1",
                ["R"] = (await db.SummaryReports.Where(r => r.CampaignId == campaign && r.OrganisationId == hami).Select(r => r.Id).SingleAsync()).ToString(),
                ["RF"] = (await db.SummaryReports.Where(r => r.CampaignId == campaign && r.OrganisationId == hami).SelectMany(r => r.Files).Select(f => f.StoredFileId).FirstAsync()).ToString(),
                ["HAMI"] = hami.ToString(),
                ["XJ"] = xinjiang.ToString(),
                ["O"] = (await OrganisationIdAsync("吐鲁番市科学技术协会")).ToString(),
                ["U"] = victim.Id,
                ["E"] = export.ToString(),
                ["UP"] = upload.ToString(),
                ["NT"] = notification.ToString(),
            });
        }

        private static byte[] ExcelBytes()
        {
            using var stream = new MemoryStream();
            using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
            {
                using var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open());
                writer.Write("<Types/>");
            }

            return stream.ToArray();
        }
    }

    /// <summary>The request the row stands for, with the route's parameters filled with the fixture's resources.</summary>
    private static string Concrete(string route, Dictionary<string, string> ids)
    {
        string Id(string key) => ids[key];
        var owner = route switch
        {
            _ when route.StartsWith("/activities/", StringComparison.Ordinal) => "A",
            _ when route.StartsWith("/selections/", StringComparison.Ordinal) => "SEL",
            _ when route.StartsWith("/gongshi/", StringComparison.Ordinal) || route.StartsWith("/selection-results/", StringComparison.Ordinal) => "SEL",
            _ when route.StartsWith("/selection-rounds/", StringComparison.Ordinal) => "RND",
            _ when route.StartsWith("/nominations/", StringComparison.Ordinal) => "NOM",
            _ when route.StartsWith("/campaigns/", StringComparison.Ordinal) || route.StartsWith("/api/campaigns/", StringComparison.Ordinal) => "C",
            _ when route.StartsWith("/notices/", StringComparison.Ordinal) => "N",
            _ when route.StartsWith("/reports/", StringComparison.Ordinal) => "R",
            _ when route.StartsWith("/main-events/", StringComparison.Ordinal) => "M",
            _ when route.StartsWith("/admin/organisations/", StringComparison.Ordinal) => "O",
            _ when route.StartsWith("/admin/users/", StringComparison.Ordinal) => "U",
            _ when route.StartsWith("/exports/", StringComparison.Ordinal) => "E",
            _ when route.StartsWith("/uploads/", StringComparison.Ordinal) => "UP",
            _ when route.StartsWith("/notifications/", StringComparison.Ordinal) => "NT",
            _ => "",
        };
        return ParameterPattern().Replace(route, m => m.Groups[1].Value switch
        {
            "id" when route.Contains("/main-events/{id", StringComparison.Ordinal) => Id("M"),
            "id" or "campaignId" => Id(owner),
            "fileId" => Id(owner switch { "A" => "AF", "N" => "NF", "NOM" => "NOMF", _ => "RF" }),
            "expertId" => Id("EXP"),
            "groupId" => Id("GRP"),
            "mediaId" => Id("AM"),
            "nominationId" => Id("NOM"),
            "entryId" or "objectionId" => "0",
            "order" => "0",
            "number" => "1",
            "organisationId" when route.StartsWith("/notices/", StringComparison.Ordinal) => Id("HAMI"),
            "organisationId" when route.StartsWith("/account/", StringComparison.Ordinal) => Id("XJ"),
            "organisationId" => Id("O"),
            "operation" => "disable",
            "code" => "404",
            "name" => "zh-CN",
            "path" => "no-such-page",
            var other => throw new InvalidOperationException($"No value for {{{other}}} in {route}"),
        });
    }

    [GeneratedRegex(@"\{\*?([^}:]+)(:(regex\([^)]*\)|[^}]+))?\}")]
    private static partial Regex ParameterPattern();

    [Fact]
    public void EveryEndpoint_HasARow_AndTheDocumentShowsTheSameMatrix()
    {
        var endpoints = EndpointInventoryTests.Inventory(fixture).Select(e => (e.Method, e.Route)).ToHashSet();
        var rows = AccessMatrix.Rows.Select(r => (r.Method, r.Route)).ToHashSet();
        Assert.True(endpoints.SetEquals(rows),
            "Endpoints without a row: " + string.Join(", ", endpoints.Except(rows)) + "\nRows without an endpoint: " + string.Join(", ", rows.Except(endpoints)));
        Assert.All(AccessMatrix.Rows, r => Assert.Equal(AccessMatrix.Principals.Length, r.Cells.Split(' ').Length));

        var doc = EndpointInventoryTests.Section(EndpointInventoryTests.PermissionsDoc(), "matrix");
        var expected = AccessMatrix.Render();
        Assert.True(doc == expected, "docs/permissions.md's access matrix differs from AccessMatrix.Rows. Expected:\n" + expected);
    }

    [Fact]
    public async Task EveryEndpoint_AnswersEveryPrincipal_AsTheMatrixSays()
    {
        var ids = await fixture.IdsAsync();
        var clients = new Dictionary<string, PortalClient>();
        var tokens = new Dictionary<string, string>();
        foreach (var principal in AccessMatrix.Principals)
        {
            var client = principal.Email is null ? fixture.CreatePortalClient() : await fixture.SignedInAsync(principal.Email);
            clients[principal.Key] = client;
            tokens[principal.Key] = await client.AntiforgeryTokenAsync(principal.Email is null ? "/account/sign-in" : "/account/change-password");
        }

        using var watcher = new SqliteConnection($"Data Source={fixture.DatabaseFile}");
        await watcher.OpenAsync();
        var wrong = new List<string>();
        var compared = 0;
        var missingIds = ids.ToDictionary(p => p.Key, p => Guid.TryParse(p.Value, out _) ? "0000aaaa-0000-0000-0000-000000000000" : int.TryParse(p.Value, out _) ? "987654" : "no-such-user");
        var actual = AccessMatrix.Rows.ToDictionary(r => (r.Method, r.Route), r => r.Cells.Split(' '));

        async Task Run(AccessMatrix.Row row, int column, bool mustNotWrite)
        {
            var principal = AccessMatrix.Principals[column];
            var path = Concrete(row.Route, ids);
            var before = await DataVersionAsync(watcher);
            using var request = new HttpRequestMessage(new HttpMethod(row.Method == "ANY" ? "GET" : row.Method), new Uri(path, UriKind.Relative));
            if (row.Route.EndsWith("/report/videos", StringComparison.Ordinal))
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json"); // the upload protocol speaks JSON
                request.Headers.Add("X-CSRF-TOKEN", tokens[principal.Key]);
            }
            else if (row.Method is not ("GET" or "ANY"))
            {
                request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = tokens[principal.Key] });
                request.Headers.Add("X-CSRF-TOKEN", tokens[principal.Key]);
            }

            var response = await clients[principal.Key].Http.SendAsync(request);
            var got = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/sign-in", StringComparison.Ordinal) == true
                ? "S" : ((int)response.StatusCode).ToString();
            actual[(row.Method, row.Route)][column] = got == "404" && row.Cells.Split(' ')[column] == "gone" ? "gone" : got;
            var expected = row.Cells.Split(' ')[column];
            if (got != (expected == "gone" ? "404" : expected))
            {
                wrong.Add($"{row.Method} {path} as {principal.Key}: {got}, expected {expected}");
            }

            if (mustNotWrite && await DataVersionAsync(watcher) != before)
            {
                wrong.Add($"{row.Method} {path} as {principal.Key}: answered {got} but wrote to the database");
            }

            // A refusal by 404 must look exactly like an id that does not exist (same page, request id aside).
            if (got == "404" && row.Method is "GET" or "ANY" && row.Route.Contains('{', StringComparison.Ordinal) && !row.Route.StartsWith("/error", StringComparison.Ordinal))
            {
                var missing = await clients[principal.Key].GetAsync(Concrete(row.Route, missingIds));
                var (real, fake) = (Normalise(await response.Content.ReadAsStringAsync()), Normalise(await missing.Content.ReadAsStringAsync()));
                compared++;
                if (missing.StatusCode != HttpStatusCode.NotFound || real != fake)
                {
                    wrong.Add($"{row.Method} {path} as {principal.Key}: its 404 differs from a missing id's ({(int)missing.StatusCode})");
                }
            }
        }

        // 1. Every GET; none may write (the documented exception: opening a notice marks the unit's receipt as read).
        foreach (var row in AccessMatrix.Rows.Where(r => r.Method is "GET" or "ANY"))
        {
            for (var column = 0; column < AccessMatrix.Principals.Length; column++)
            {
                await Run(row, column, mustNotWrite: row.Route != "/notices/{id:int}");
            }
        }

        // 2. Every refused state-changing request: refused, and nothing written.
        // Removals run after the other requests on their resource, and signing out last of all.
        var unsafeRows = AccessMatrix.Rows.Where(r => r.Method is not ("GET" or "ANY"))
            .OrderBy(r => r.Route == "/account/sign-out").ThenBy(r => r.Method == "DELETE" || r.Route.EndsWith("/remove", StringComparison.Ordinal)).ToList();
        foreach (var row in unsafeRows)
        {
            for (var column = 0; column < AccessMatrix.Principals.Length; column++)
            {
                if (AccessMatrix.IsRefusal(row.Cells.Split(' ')[column]))
                {
                    await Run(row, column, mustNotWrite: true);
                }
            }
        }

        // 3. The allowed ones, with an empty form: a validation answer, a redirect or a conflict, never a refusal or a 500.
        foreach (var row in unsafeRows)
        {
            for (var column = 0; column < AccessMatrix.Principals.Length; column++)
            {
                if (!AccessMatrix.IsRefusal(row.Cells.Split(' ')[column]))
                {
                    await Run(row, column, mustNotWrite: false);
                }
            }
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        Assert.True(compared > 100, $"Only {compared} refusals by 404 were compared with a missing id.");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong) + "\n\nObserved:\n" + string.Join("\n",
            AccessMatrix.Rows.Select(r => $"        new(\"{r.Method}\", \"{r.Route}\", \"{string.Join(' ', actual[(r.Method, r.Route)])}\"),")));
    }

    /// <summary>The page without what differs on every request: the request id (page or problem details), antiforgery tokens, script nonces.</summary>
    private static string Normalise(string html) => VaryingPattern().Replace(html, "");

    [GeneratedRegex("<code>[^<]*</code>|value=\"CfDJ8[^\"]*\"|nonce=\"[^\"]*\"|\"traceId\":\"[^\"]*\"")]
    private static partial Regex VaryingPattern();

    private static async Task<long> DataVersionAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
