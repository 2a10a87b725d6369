using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CampaignPortal.Rush;

/// <summary>A file the driver uploaded and whether the portal said it was kept (“附件已上传”).</summary>
public sealed record UploadRecord(string Name, long Size, string Sha256, bool Acknowledged);

/// <summary>What one filer was told: the driver's log that the reconciliation holds the database to.</summary>
public sealed class FilerLog(RushFiler filer)
{
    public RushFiler Filer { get; } = filer;

    public List<UploadRecord> Uploads { get; } = [];

    /// <summary>The version number the portal announced (“报告已提交（第 N 版）”); null when submitting was not acknowledged.</summary>
    public int? SubmittedVersion { get; set; }

    public bool Finished { get; set; }
}

/// <summary>
/// One filer's deadline-day visit: sign in, open the report, save a draft two or three times (the form's 保存 button
/// once, then the page's 自动保存), upload one to three PDF documents of 1–20 MB, submit, open the report again. Think
/// times between steps are random within the options' bounds.
/// </summary>
public sealed partial class FilerJourney(RushOptions options, RushRecorder recorder, long campaignId, UploadContent files)
{
    private const string Uploaded = "附件已上传。";

    private static readonly string[] Openings = ["为深入学习贯彻习近平总书记关于科技创新的重要论述，", "按照自治区科协的统一部署，", "围绕“弘扬科学家精神，激发创新活力”主题，"];

    private static readonly string[] Deeds =
    [
        "组织院士专家深入基层开展科普报告会", "走访慰问一线科技工作者和老科技工作者", "举办科学家精神主题展览", "开展科技志愿服务进社区、进校园活动",
        "召开青年科技工作者座谈会", "推选“最美科技工作者”并开展宣传", "在农村开展农业实用技术培训", "组织科普大篷车巡回展",
    ];

    public async Task<FilerLog> RunAsync(RushFiler filer, Random random, CancellationToken cancellationToken)
    {
        var log = new FilerLog(filer);
        using var client = new RushClient(options.BaseAddress, recorder, filer.Email);
        var report = $"/campaigns/{campaignId}/report";
        try
        {
            if (!await SignInAsync(client))
            {
                return log;
            }

            var page = await client.PageAsync(Steps.Open, report);
            if (page is null || !FormState.TryRead(page, out var form))
            {
                Missing(client, Steps.Open, page);
                return log;
            }

            var saves = random.Next(2, 4);
            for (var i = 0; i < saves && form is not null; i++)
            {
                await ThinkAsync(random, cancellationToken);
                var fields = Content(filer, random, form.Version, i);
                form = i == 0 ? await FormSaveAsync(client, report, fields, form.Token) : await AutosaveAsync(client, report, fields, form);
            }

            for (var i = random.Next(1, 4); i > 0 && form is not null; i--)
            {
                await ThinkAsync(random, cancellationToken);
                form = await UploadAsync(client, report, filer, random, form, log);
            }

            if (form is null)
            {
                return log;
            }

            await ThinkAsync(random, cancellationToken);
            log.SubmittedVersion = await SubmitAsync(client, report, Content(filer, random, form.Version, saves), form.Token);
            await ThinkAsync(random, cancellationToken);
            await client.PageAsync(Steps.Reopen, report);
            log.Finished = true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            recorder.Error("journey", filer.Email, 0, "stopped by the run's time limit before finishing");
        }

        return log;
    }

    private async Task<bool> SignInAsync(RushClient client)
    {
        var html = await client.PageAsync(Steps.SignIn, "/account/sign-in");
        if (html is null || RushClient.TokenIn(html) is not { } token)
        {
            Missing(client, Steps.SignIn, html);
            return false;
        }

        var target = await client.PostRedirectAsync(Steps.SignIn, "/account/sign-in", () => Form(new Dictionary<string, string>
        {
            ["Email"] = client.Who,
            ["Password"] = options.Password,
        }, token));
        return target is not null;
    }

    private static async Task<FormState?> FormSaveAsync(RushClient client, string report, Dictionary<string, string> fields, string token)
    {
        fields["save"] = "1";
        var target = await client.PostRedirectAsync(Steps.Save, report, () => Form(fields, token), "/report");
        return target is null ? null : await FollowAsync(client, target, "报告已保存。", Steps.Save);
    }

    private static async Task<FormState?> AutosaveAsync(RushClient client, string report, Dictionary<string, string> fields, FormState form)
    {
        var json = await client.PostScriptAsync(Steps.Autosave, report + "/autosave", () => Form(fields, form.Token));
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return form with { Version = document.RootElement.GetProperty("version").GetInt32().ToString(CultureInfo.InvariantCulture) };
    }

    private async Task<FormState?> UploadAsync(RushClient client, string report, RushFiler filer, Random random, FormState form, FilerLog log)
    {
        var size = random.Next(options.MinFileBytes, options.MaxFileBytes + 1);
        var name = string.Create(CultureInfo.InvariantCulture, $"{filer.Unit}活动材料{log.Uploads.Count + 1}.pdf");
        var bytes = files.Create(size, $"{filer.Email} {log.Uploads.Count + 1} {Guid.NewGuid():N}");
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var target = await client.PostRedirectAsync(Steps.Upload, report + "/files", () =>
        {
            var content = new MultipartFormDataContent
            {
                { new StringContent(form.Token), "__RequestVerificationToken" },
                { new StringContent("Document"), "kind" },
                { new StringContent("活动总结及佐证材料"), "caption" },
            };
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(file, "file", name);
            return content;
        }, "/report");
        var next = target is null ? null : await FollowAsync(client, target, Uploaded, Steps.Upload);
        log.Uploads.Add(new UploadRecord(name, size, sha, next is not null));
        return next;
    }

    private static async Task<int?> SubmitAsync(RushClient client, string report, Dictionary<string, string> fields, string token)
    {
        fields["submit"] = "1";
        var target = await client.PostRedirectAsync(Steps.Submit, report, () => Form(fields, token), "/report");
        var page = target is null ? null : await client.PageAsync(Steps.Page, target);
        if (page is not null && SubmittedPattern().Match(page) is { Success: true } m)
        {
            return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        if (page is not null)
        {
            client.Fail(Steps.Submit, System.Net.HttpStatusCode.OK, "no “报告已提交” after submitting: " + RushClient.ErrorText(page));
        }

        return null;
    }

    /// <summary>The page a Post/Redirect/Get lands on, which must carry <paramref name="message"/>; its form for the next step.</summary>
    private static async Task<FormState?> FollowAsync(RushClient client, string target, string message, string step)
    {
        var page = await client.PageAsync(Steps.Page, target);
        if (page is not null && page.Contains(message, StringComparison.Ordinal) && FormState.TryRead(page, out var form))
        {
            return form;
        }

        if (page is not null)
        {
            client.Fail(step, System.Net.HttpStatusCode.OK, $"no “{message}” on the page after the redirect: " + StatusText(page));
        }

        return null;
    }

    private static void Missing(RushClient client, string step, string? page)
    {
        if (page is not null)
        {
            client.Fail(step, System.Net.HttpStatusCode.OK, "no form on the page: " + RushClient.ErrorText(page));
        }
    }

    /// <summary>A complete report in the campaign's shape: real Chinese text and figures, different on each save.</summary>
    private static Dictionary<string, string> Content(RushFiler filer, Random random, string version, int save)
    {
        var deeds = string.Join("；", Enumerable.Range(0, 3 + save).Select(_ => Deeds[random.Next(Deeds.Length)]));
        var activities = random.Next(3, 40);
        var people = random.Next(200, 20_000);
        return new Dictionary<string, string>
        {
            ["Version"] = version,
            ["Sections[0].Title"] = "基本情况",
            ["Sections[0].Html"] = $"<p>{Openings[random.Next(Openings.Length)]}{filer.Unit}{deeds}。共举办活动{activities}场，参与{people:N0}人次。</p>",
            ["Sections[1].Title"] = "活动亮点",
            ["Sections[1].Html"] = $"<p>{Deeds[random.Next(Deeds.Length)]}，受到基层科技工作者好评（第{save + 1}稿）。</p>",
            ["Sections[2].Title"] = "存在问题",
            ["Sections[2].Html"] = "<p>基层科协人员少，部分乡镇活动覆盖面不够。</p>",
            ["Sections[3].Title"] = "下一步工作",
            ["Sections[3].Html"] = "<p>进一步完善工作机制，扩大活动覆盖面。</p>",
            ["Figures[0].Code"] = "activities",
            ["Figures[0].Value"] = activities.ToString(CultureInfo.InvariantCulture),
            ["Figures[0].Qualifier"] = "Exact",
            ["Figures[1].Code"] = "participants",
            ["Figures[1].Value"] = people.ToString("N0", CultureInfo.InvariantCulture),
            ["Figures[1].Qualifier"] = random.Next(2) == 0 ? "Exact" : "MoreThan",
            ["Figures[1].Note"] = "据不完全统计",
            ["Figures[2].Code"] = "sub_venues",
            ["Figures[2].Value"] = random.Next(1, 9).ToString(CultureInfo.InvariantCulture),
            ["Figures[2].Qualifier"] = "Exact",
            ["FilerName"] = "王芳",
            ["FilerPhone"] = "0903-2021" + random.Next(100, 999).ToString(CultureInfo.InvariantCulture),
            ["ResponsiblePerson"] = "阿不都热合曼·买买提",
        };
    }

    private static FormUrlEncodedContent Form(Dictionary<string, string> fields, string token) =>
        new(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token });

    private Task ThinkAsync(Random random, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(random.Next(options.ThinkMinMs, options.ThinkMaxMs + 1)), cancellationToken);

    private static string StatusText(string page) =>
        StatusPattern().Match(page) is { Success: true } m ? m.Groups[1].Value.Trim() : RushClient.ErrorText(page);

    [GeneratedRegex("报告已提交（第 (\\d+) 版）")]
    private static partial Regex SubmittedPattern();

    [GeneratedRegex("role=\"(?:status|alert)\"[^>]*>([^<]*)<")]
    private static partial Regex StatusPattern();
}

/// <summary>The report form as the page hands it out: antiforgery token and the version it was opened at.</summary>
public sealed partial record FormState(string Token, string Version)
{
    public static bool TryRead(string html, out FormState? form)
    {
        var token = RushClient.TokenIn(html);
        var version = VersionPattern().Match(html);
        form = token is not null && version.Success ? new FormState(token, version.Groups[1].Value) : null;
        return form is not null;
    }

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();
}

/// <summary>PDF uploads: a unique first line (so every SHA-256 differs) over a shared block of random bytes.</summary>
public sealed class UploadContent(int maxBytes, int seed)
{
    private readonly byte[] _block = RandomBlock(maxBytes, seed);

    public byte[] Create(int size, string marker)
    {
        var head = Encoding.UTF8.GetBytes($"%PDF-1.4\n% {marker}\n");
        var bytes = new byte[size];
        _block.AsSpan(0, size).CopyTo(bytes);
        head.AsSpan(0, Math.Min(head.Length, size)).CopyTo(bytes);
        return bytes;
    }

    private static byte[] RandomBlock(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
