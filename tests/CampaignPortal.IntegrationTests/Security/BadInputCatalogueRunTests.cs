using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CampaignPortal.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static CampaignPortal.IntegrationTests.Infrastructure.ReportSteps;

namespace CampaignPortal.IntegrationTests.Security;

/// <summary>
/// Sends every input of <see cref="BadInputs.All"/> to every form field and query parameter it applies to, on every
/// page with a form (as a principal who may use it), and checks the named answer; then scans the whole database for
/// what must never be stored. Forms of one-way actions (publish, close, approve, remove…) are not crawled: the first
/// accepted input would end them; their own tests cover their input.
/// </summary>
public sealed class BadInputCatalogueRunTests(BadInputCatalogueRunTests.Fixture fixture, ITestOutputHelper output)
    : IClassFixture<BadInputCatalogueRunTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private static readonly string[] OneWay =
    [
        "/account/sign-out", "/close", "/publish", "/withdraw", "/copy", "/approve", "/bulk-approve", "/deactivate", "/activate",
        "/disable", "/enable", "/unlock", "/reset-password", "/remove", "/cancel", "/held", "/replan", "/acknowledge", "/read-all",
        "/open", "/reminders", "/activities/public", "/exports", "/culture", "/report/videos", "/sub-venue/status", "/import/confirm",
        "/reopen", "/participants",
    ];

    private sealed record Field(string Name, string Kind, string Value, string[] Options);

    private sealed record Form(string Page, int Index, string Action, bool Post, bool Multipart, List<Field> Fields, KeyValuePair<string, string>? Button, string FileExtension);

    private sealed class Tally
    {
        public int Requests;
        public int Forms;
        public readonly Dictionary<string, int> PerInput = [];
        public readonly List<string> Wrong = [];
    }

    [Fact]
    public async Task EveryInput_ToEveryFormAndQueryItAppliesTo_GetsItsNamedAnswer()
    {
        var ids = await SetUpAsync();
        var pages = new (string? Email, string Path)[]
        {
            (null, "/account/sign-in"), (null, "/account/forgot-password"), (null, "/notices"),
            ("xj.admin@demo.local", "/admin/organisations"), ("xj.admin@demo.local", "/admin/organisations/create"),
            ("xj.admin@demo.local", $"/admin/organisations/{ids["O"]}/edit"), ("xj.admin@demo.local", $"/admin/organisations/{ids["O"]}/move"),
            ("xj.admin@demo.local", "/admin/users"), ("xj.admin@demo.local", "/admin/users/create"), ("xj.admin@demo.local", $"/admin/users/{ids["U"]}/edit"),
            ("xj.admin@demo.local", "/admin/users/import"), ("xj.admin@demo.local", "/admin/audit"),
            ("xj.organiser@demo.local", "/campaigns/create"), ("xj.organiser@demo.local", $"/campaigns/{ids["C"]}/edit"),
            ("xj.organiser@demo.local", $"/campaigns/{ids["C"]}/notices/create"), ("xj.organiser@demo.local", $"/notices/{ids["D"]}/edit"),
            ("xj.organiser@demo.local", $"/notices/{ids["N"]}/revise"), ("xj.organiser@demo.local", $"/campaigns/{ids["C"]}/main-events/create"),
            ("xj.organiser@demo.local", $"/campaigns/{ids["C"]}/main-events/{ids["M"]}/edit"), ("xj.organiser@demo.local", $"/campaigns/{ids["C"]}/reminders"),
            ("xj.organiser@demo.local", $"/campaigns/{ids["C"]}/progress"), ("xj.organiser@demo.local", $"/campaigns/{ids["C"]}/activities"),
            ("xj.organiser@demo.local", $"/campaigns/{ids["C"]}/reports"), ("xj.organiser@demo.local", "/account/change-password"),
            ("klmy.organiser@demo.local", $"/campaigns/{ids["C"]}/forward"),
            ("hami.filer@demo.local", $"/campaigns/{ids["C"]}/my-activities/create"), ("hami.filer@demo.local", $"/activities/{ids["A"]}/edit"),
            ("hami.filer@demo.local", $"/activities/{ids["A"]}"), ("hami.filer@demo.local", $"/campaigns/{ids["C"]}/report"),
            ("klmy.filer@demo.local", $"/main-events/{ids["M"]}/sub-venue"),
            ("xj.reviewer@demo.local", "/reviews"), ("xj.reviewer@demo.local", $"/reports/{ids["R"]}"),
            ("xj.organiser@demo.local", $"/selections/{ids["SEL"]}"), ("xj.organiser@demo.local", $"/selection-rounds/{ids["RND"]}/edit"),
            ("hami.filer@demo.local", $"/nominations/{ids["NOM"]}/edit"),
        };

        var clients = new Dictionary<string, PortalClient>();
        using var watcher = new SqliteConnection($"Data Source={fixture.DatabaseFile}");
        await watcher.OpenAsync();
        var tally = new Tally();
        foreach (var (email, path) in pages)
        {
            var key = email ?? "anonymous";
            if (!clients.TryGetValue(key, out var client))
            {
                client = email is null ? fixture.CreatePortalClient() : await fixture.SignedInAsync(email);
                clients[key] = client;
            }

            var forms = await FormsAsync(client, path);
            Assert.True(forms.Count > 0, $"{path}: no form found");
            foreach (var form in forms)
            {
                tally.Forms++;
                await SendAllAsync(client, form, watcher, tally);
            }
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        tally.Wrong.AddRange(await ScanDatabaseAsync());
        var unused = BadInputs.All.Where(i => !tally.PerInput.ContainsKey(i.Name)).Select(i => i.Name).ToList();
        output.WriteLine($"{BadInputs.All.Length} inputs, {tally.Forms} forms, {tally.Requests} requests, {tally.Wrong.Count} unexpected answers");
        foreach (var (name, count) in tally.PerInput)
        {
            output.WriteLine($"  {name}: {count}");
        }

        Assert.True(BadInputs.All.Length >= 60, "The catalogue holds fewer than 60 inputs.");
        Assert.True(unused.Count == 0, "Inputs that applied nowhere: " + string.Join(", ", unused));
        Assert.True(tally.Wrong.Count == 0, $"{tally.Wrong.Count} unexpected answers of {tally.Requests}:\n" + string.Join("\n", tally.Wrong.Take(80)));
    }

    private async Task<Dictionary<string, string>> SetUpAsync()
    {
        var victim = await fixture.CreateUserAsync("victim@catalogue.test", "吐鲁番市科学技术协会", ["Filer"]);
        var campaign = await CampaignIdAsync(fixture);
        var hami = await fixture.OrganisationIdAsync("哈密市科学技术协会");
        var xinjiang = await fixture.OrganisationIdAsync("新疆维吾尔自治区科学技术协会");
        using (var organiser = await fixture.SignedInAsync("xj.organiser@demo.local"))
        {
            await CampaignSteps.CreateNoticeAsync(organiser, campaign, "输入检验用草稿通知", xinjiang, ["Prefecture"]);
        }

        // The demo selection (its open first round) for the organiser's forms; a draft nomination of a new one for the unit's.
        var today = CampaignPortal.Web.Infrastructure.ChinaTime.Today(TimeProvider.System);
        var selection = await Selections.SelectionSteps.CreateSelectionAsync(fixture, today, title: "输入检验评选");
        var draft = await Selections.SelectionSteps.NominateAsync(fixture, "hami.filer@demo.local", selection, "输入检验",
            (await Selections.SelectionSteps.GroupIdsAsync(fixture, selection))[0], submit: false);

        return await fixture.WithDbAsync(async db => new Dictionary<string, string>
        {
            ["C"] = campaign.ToString(),
            ["N"] = (await db.Notices.Where(n => n.CampaignId == campaign && n.PublishedAt != null).Select(n => n.Id).FirstAsync()).ToString(),
            ["D"] = (await db.Notices.Where(n => n.CampaignId == campaign && n.Title == "输入检验用草稿通知").Select(n => n.Id).SingleAsync()).ToString(),
            ["M"] = (await db.MainEvents.Where(m => m.CampaignId == campaign).Select(m => m.Id).FirstAsync()).ToString(),
            ["A"] = (await db.Activities.Where(a => a.CampaignId == campaign && a.OrganisationId == hami).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync()).ToString(),
            ["R"] = (await db.SummaryReports.Where(r => r.CampaignId == campaign && r.Organisation!.Name == "吐鲁番市科学技术协会").Select(r => r.Id).SingleAsync()).ToString(),
            ["O"] = (await fixture.OrganisationIdAsync("吐鲁番市科学技术协会")).ToString(),
            ["U"] = victim.Id,
            ["SEL"] = (await db.Selections.Where(s => s.Title == "2022年“新疆最美科技工作者”").Select(s => s.Id).SingleAsync()).ToString(),
            ["RND"] = (await db.SelectionRounds.Where(r => db.Selections.Any(s => s.Id == r.SelectionId && s.Title == "2022年“新疆最美科技工作者”")).Select(r => r.Id).SingleAsync()).ToString(),
            ["NOM"] = draft.ToString(),
        });
    }

    private static async Task<List<Form>> FormsAsync(PortalClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var forms = new List<Form>();
        var index = 0;
        foreach (var element in document.QuerySelectorAll("form"))
        {
            var action = element.GetAttribute("action") is { Length: > 0 } a ? WebUtility.HtmlDecode(a) : path;
            var post = string.Equals(element.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase);
            if (action.StartsWith("http", StringComparison.Ordinal) || (post && OneWay.Any(w => action.Contains(w, StringComparison.Ordinal) && !action.EndsWith("/reminders/settings", StringComparison.Ordinal))))
            {
                continue;
            }

            var fields = new List<Field>();
            foreach (var input in element.QuerySelectorAll("input, textarea, select"))
            {
                var name = input.GetAttribute("name");
                if (string.IsNullOrEmpty(name) || input.HasAttribute("disabled"))
                {
                    continue;
                }

                var type = (input.GetAttribute("type") ?? "text").ToLowerInvariant();
                switch (input.LocalName)
                {
                    case "textarea":
                        fields.Add(new Field(name, input.HasAttribute("data-rich-text") ? "rich" : "text", input.TextContent, []));
                        break;
                    case "select":
                        var options = input.QuerySelectorAll("option").Select(o => o.GetAttribute("value") ?? o.TextContent).ToArray();
                        var selected = input.QuerySelector("option[selected]") is { } s ? s.GetAttribute("value") ?? s.TextContent : options.FirstOrDefault() ?? "";
                        fields.Add(new Field(name, "choice", selected, options));
                        break;
                    default:
                        switch (type)
                        {
                            case "submit" or "button" or "reset" or "image":
                                break;
                            case "checkbox" or "radio":
                                if (input.HasAttribute("checked"))
                                {
                                    fields.Add(new Field(name, type == "radio" ? "choice" : "hidden", input.GetAttribute("value") ?? "on", []));
                                }

                                break;
                            case "file":
                                fields.Add(new Field(name, "file", "", []));
                                break;
                            case "hidden":
                                fields.Add(new Field(name, "hidden", input.GetAttribute("value") ?? "", []));
                                break;
                            case "number":
                                fields.Add(new Field(name, "number", input.GetAttribute("value") ?? "", []));
                                break;
                            case "date" or "datetime-local" or "month" or "time":
                                fields.Add(new Field(name, "date", input.GetAttribute("value") ?? "", []));
                                break;
                            default:
                                var numeric = input.GetAttribute("inputmode") is "decimal" or "numeric";
                                fields.Add(new Field(name, numeric ? "number" : "text", input.GetAttribute("value") ?? "", []));
                                break;
                        }

                        break;
                }
            }

            var buttons = element.QuerySelectorAll("button[name], input[type=submit][name]")
                .Select(b => new KeyValuePair<string, string>(b.GetAttribute("name")!, b.GetAttribute("value") ?? "")).ToList();
            KeyValuePair<string, string>? button = buttons.Count == 0 ? null : buttons.FirstOrDefault(b => b.Key == "save") is { Key: not null } save ? save : buttons[0];
            var accept = element.QuerySelector("input[type=file]")?.GetAttribute("accept") ?? "";
            var extension = accept.Contains(".png", StringComparison.Ordinal) ? ".png" : accept.Contains(".xlsx", StringComparison.Ordinal) ? ".xlsx" : ".pdf";
            forms.Add(new Form(path, index++, action, post,
                string.Equals(element.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase), fields, button, extension));
        }

        return forms;
    }

    private static bool Applies(BadInput input, Form form, Field field) => input.Target switch
    {
        Target.Text => form.Post && field.Kind == "text",
        Target.RichText => form.Post && field.Kind == "rich",
        Target.Number => form.Post && field.Kind == "number",
        Target.Date => form.Post && field.Kind == "date",
        Target.Choice => form.Post && field.Kind == "choice",
        Target.Query => !form.Post && field.Kind is "text" or "choice" or "date" or "number",
        _ => false,
    };

    private static async Task SendAllAsync(PortalClient client, Form original, SqliteConnection watcher, Tally tally)
    {
        var form = original;
        var fileForm = form.Fields.Any(f => f.Kind == "file");
        foreach (var input in BadInputs.All)
        {
            var targets = input.Target switch
            {
                Target.FileName or Target.FileContent => fileForm ? [form.Fields.First(f => f.Kind == "file").Name] : [],
                Target.Page => form.Post ? [] : ["page"],
                _ => form.Fields.Where(f => Applies(input, form, f)).Select(f => f.Name).Distinct().ToList(),
            };
            foreach (var target in targets)
            {
                var before = await DataVersionAsync(watcher);
                var response = await SendAsync(client, form, input, target);
                tally.Requests++;
                tally.PerInput[input.Name] = tally.PerInput.GetValueOrDefault(input.Name) + 1;
                var body = await response.Content.ReadAsStringAsync();
                var wrote = await DataVersionAsync(watcher) != before;
                var problem = Check(input, form, response, body, wrote);
                if (problem is not null)
                {
                    tally.Wrong.Add($"{form.Action} [{target}] ← {input.Name}: {problem}");
                }

                if (response.StatusCode == HttpStatusCode.Redirect && form.Post)
                {
                    // Accepted (or a message on the next page): read the form again for its new version and values.
                    var again = (await FormsAsync(client, form.Page)).FirstOrDefault(f => f.Action == form.Action && f.Index == form.Index)
                        ?? (await FormsAsync(client, form.Page)).FirstOrDefault(f => f.Action == form.Action);
                    if (again is null)
                    {
                        return; // the form is gone (its state changed): nothing more to send to it
                    }

                    form = again;
                }
            }
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(PortalClient client, Form form, BadInput input, string target)
    {
        var values = form.Fields.Where(f => f.Kind != "file").Select(f => new KeyValuePair<string, string>(f.Name,
            f.Name == target && input.Target is not (Target.FileName or Target.FileContent) ? input.Value : f.Value)).ToList();
        if (input.Target == Target.Page)
        {
            values.RemoveAll(v => v.Key == "page");
            values.Add(new("page", input.Value));
        }

        if (!form.Post)
        {
            var query = string.Join("&", values.Where(v => v.Key != "__RequestVerificationToken").Select(v => Uri.EscapeDataString(v.Key) + "=" + Uri.EscapeDataString(v.Value)));
            var separator = form.Action.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            return await client.GetAsync(form.Action + separator + query);
        }

        if (form.Button is { } button)
        {
            values.Add(button);
        }

        if (!form.Multipart)
        {
            using var content = new FormUrlEncodedContent(values);
            return await client.Http.PostAsync(new Uri(form.Action, UriKind.Relative), content);
        }

        using var multipart = new MultipartFormDataContent();
        foreach (var (key, value) in values)
        {
            multipart.Add(new StringContent(value), key);
        }

        if (input.Target is Target.FileName or Target.FileContent)
        {
            var bytes = input.Target == Target.FileName ? TestImages.Png() : BadInputs.FileBytes(input.Value);
            var name = input.Target == Target.FileName ? input.Value : "材料" + form.FileExtension;
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            file.Headers.ContentDisposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("form-data") { Name = "\"" + target + "\"", FileNameStar = name };
            multipart.Add(file);
        }

        return await client.Http.PostAsync(new Uri(form.Action, UriKind.Relative), multipart);
    }

    private static string? Check(BadInput input, Form form, HttpResponseMessage response, string body, bool wrote)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return $"{status}";
        }

        if (response.Content.Headers.ContentType?.MediaType == "text/html"
            && (body.Contains(BadInputs.Script, StringComparison.Ordinal) || body.Contains("<img src=x onerror", StringComparison.Ordinal) || body.Contains("<svg onload", StringComparison.Ordinal)))
        {
            return "markup shown unencoded";
        }

        var readsItself = form.Multipart && form.Fields.Any(f => f.Kind == "file");
        return input.Answer switch
        {
            Answer.Refused when readsItself => wrote ? $"{status} and wrote" : status == 302 ? null : $"{status}, expected the upload's message",
            Answer.Refused => status != 400 ? $"{status}, expected 400" : wrote ? "400 but wrote" : body.Contains("控制字符", StringComparison.Ordinal) ? null : "400 without the message",
            Answer.Message => wrote ? $"{status} and wrote" : status is 200 or 302 or 400 or 404 or 409 or 422 ? null : $"{status}",
            Answer.Normal => status is 200 or 400 ? null : $"{status}, expected the list",
            _ => status is 200 or 302 or 400 or 404 or 409 or 413 or 422 ? null : $"{status}",
        };
    }

    /// <summary>What must never be in the database, whatever was accepted.</summary>
    private async Task<List<string>> ScanDatabaseAsync()
    {
        var problems = new List<string>();
        using var connection = new SqliteConnection($"Data Source={fixture.DatabaseFile}");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('DataProtectionKeys', '__EFMigrationsHistory', '__EFMigrationsLock')";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var rich = new HashSet<string> { "Notices.BodyHtml", "Notices.RequirementsHtml", "NoticeRevision.BodyHtml", "NoticeRevision.RequirementsHtml", "SummaryReportSections.Html", "ReportVersionSections.Html" };
        var richSeen = new HashSet<string>();
        var scanned = 0;
        foreach (var table in tables)
        {
            var columns = new List<string>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT name FROM pragma_table_info('{table}') WHERE type = 'TEXT'";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    columns.Add(reader.GetString(0));
                }
            }

            richSeen.UnionWith(columns.Select(c => $"{table}.{c}").Where(rich.Contains));
            foreach (var column in columns)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    var value = reader.GetString(0);
                    scanned++;
                    var where = $"{table}.{column}";
                    if (value.Any(Web.Infrastructure.FormText.IsRefused))
                    {
                        problems.Add($"{where} holds a control character: {Shorten(value)}");
                    }

                    if (value.Any(Web.Infrastructure.FormText.IsRemoved))
                    {
                        problems.Add($"{where} holds a direction override: {Shorten(value)}");
                    }

                    if (value.Length > 0 && string.IsNullOrWhiteSpace(value) && table != "AuditEntries")
                    {
                        problems.Add($"{where} holds whitespace only");
                    }

                    if (value.Length is > 0 and < 100_000 && value.Trim('测').Length == 0)
                    {
                        problems.Add($"{where} holds the 100,000-character input cut to {value.Length}");
                    }

                    if (rich.Contains(where) && (value.Contains("<script", StringComparison.OrdinalIgnoreCase) || value.Contains("onerror", StringComparison.OrdinalIgnoreCase)
                        || value.Contains("onload", StringComparison.OrdinalIgnoreCase) || value.Contains("javascript:", StringComparison.OrdinalIgnoreCase)
                        || value.Contains("<iframe", StringComparison.OrdinalIgnoreCase) || value.Contains("data:text/html", StringComparison.OrdinalIgnoreCase)))
                    {
                        problems.Add($"{where} kept dangerous markup: {Shorten(value)}");
                    }

                    if (where == "StoredFiles.OriginalName" && (value.IndexOfAny(['/', '\\']) >= 0 || value.EndsWith(' ') || value.EndsWith('.') || value.Length > Web.Infrastructure.Files.FileService.MaxNameLength))
                    {
                        problems.Add($"{where} kept an unsafe file name: {Shorten(value)}");
                    }
                }
            }
        }

        Assert.True(rich.SetEquals(richSeen), "Rich-text columns not found (renamed?): " + string.Join(", ", rich.Except(richSeen)));
        output.WriteLine($"Database scan: {tables.Count} tables, {scanned} text values");
        return problems;
    }

    private static string Shorten(string value) => value.Length > 60 ? value[..60] + "…" : value;

    private static async Task<long> DataVersionAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
