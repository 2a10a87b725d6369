using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Features.Exports;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CampaignPortal.IntegrationTests.Infrastructure.ReportSteps;

namespace CampaignPortal.IntegrationTests.Exports;

public sealed class ExportTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task RunJobsAsync()
    {
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ExportService>().ProcessAsync("test", CancellationToken.None);
    }

    [Fact]
    public async Task ReportAsWord_GongwenLayout_A4Margins_EastAsianFonts_EverySection_PageNumbers()
    {
        var national = await CampaignIdAsync(factory, NationalCampaign);
        var report = (await ReportAsync(factory, national, "新疆维吾尔自治区科学技术协会"))!;
        using var cast = await factory.SignedInAsync("cast.reviewer@demo.local");

        var response = await cast.GetAsync($"/reports/{report.Id}/word");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var body = document.MainDocumentPart!.Document.Body!;
        var section = body.Elements<SectionProperties>().Single();
        Assert.Single(body.Descendants<SectionProperties>()); // one report, one section
        Assert.Equal((11906u, 16838u), (section.GetFirstChild<PageSize>()!.Width!.Value, section.GetFirstChild<PageSize>()!.Height!.Value));
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.Equal((37 * 57, 35 * 57, 28u * 57, 26u * 57), (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value));
        var text = body.InnerText;
        Assert.Contains("基本情况", text, StringComparison.Ordinal);
        Assert.Contains("活动亮点", text, StringComparison.Ordinal);
        Assert.Contains("下一步工作", text, StringComparison.Ordinal);
        Assert.Contains("新疆科技馆数字展厅开展仪式", text, StringComparison.Ordinal);
        Assert.Contains("150余幅", text, StringComparison.Ordinal); // the statistics table
        Assert.Contains("人民网新疆频道", text, StringComparison.Ordinal); // the media list
        var fonts = body.Descendants<RunFonts>().Select(f => f.EastAsia?.Value).ToHashSet();
        Assert.Contains("仿宋_GB2312", fonts);
        Assert.Contains("方正小标宋简体", fonts);
        Assert.Contains(body.Descendants<FontSize>(), s => s.Val == "44"); // 二号 title
        Assert.Contains(body.Descendants<FontSize>(), s => s.Val == "32"); // 三号 body
        var footer = document.MainDocumentPart.FooterParts.Single().Footer!;
        Assert.Contains(footer.Descendants<FieldCode>(), f => f.Text.Contains("PAGE", StringComparison.Ordinal));
        Assert.StartsWith("— ", footer.InnerText, StringComparison.Ordinal);

        using var shaanxi = await factory.SignedInAsync("sx.organiser@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await shaanxi.GetAsync($"/reports/{report.Id}/word")).StatusCode);
    }

    [Fact]
    public async Task Compilation_InTheBackground_CoverTocAndEveryApprovedReport()
    {
        var campaignId = await CampaignIdAsync(factory);
        using var organiser = await factory.SignedInAsync("xj.organiser@demo.local");

        var queued = await organiser.PostFormAsync($"/campaigns/{campaignId}/exports", new Dictionary<string, string> { ["kind"] = "Compilation" }, $"/campaigns/{campaignId}/rollup");
        Assert.Equal(HttpStatusCode.Redirect, queued.StatusCode);
        var jobPage = queued.Headers.Location!.OriginalString;
        Assert.Contains("已排队", await organiser.GetStringAsync(jobPage), StringComparison.Ordinal);
        await RunJobsAsync();
        Assert.Contains("下载", await organiser.GetStringAsync(jobPage), StringComparison.Ordinal);

        var download = await organiser.GetAsync(jobPage + "/download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        using var document = WordprocessingDocument.Open(new MemoryStream(await download.Content.ReadAsByteArrayAsync()), false);
        var main = document.MainDocumentPart!;
        Assert.Contains(main.Document.Body!.Descendants<FieldCode>(), f => f.Text.Contains("TOC", StringComparison.Ordinal));
        Assert.True(main.DocumentSettingsPart!.Settings.GetFirstChild<UpdateFieldsOnOpen>()!.Val!.Value);
        var approved = await factory.WithDbAsync(db => db.SummaryReports.Where(r => r.CampaignId == campaignId && r.Status == ReportStatus.Approved)
            .Select(r => r.Organisation!.Name).ToListAsync());
        Assert.NotEmpty(approved);
        var headings = main.Document.Body!.Descendants<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val == "Heading1").Select(p => p.InnerText).ToList();
        Assert.Equal(approved.Count, headings.Count);
        Assert.Equal(approved.Count + 2, main.Document.Body!.Descendants<SectionProperties>().Count()); // cover, contents, one section per report
        Assert.All(approved, unit => Assert.Contains(headings, h => h.StartsWith(unit, StringComparison.Ordinal)));

        // Someone of another organisation cannot see or take it.
        using var shaanxi = await factory.SignedInAsync("sx.organiser@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await shaanxi.GetAsync(jobPage)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await shaanxi.GetAsync(jobPage + "/download")).StatusCode);
    }

    [Fact]
    public async Task AttachmentsZip_EveryFileWithItsOriginalNameAndSha256()
    {
        var campaignId = await CampaignIdAsync(factory);
        await factory.CreateUserAsync("kashgar.zip@test.local", organisation: "喀什地区科学技术协会");
        using var filer = await factory.SignedInAsync("kashgar.zip@test.local");
        var page = $"/campaigns/{campaignId}/report";
        var photo = TestImages.Png(60, 40);
        Assert.Equal(HttpStatusCode.Redirect, (await filer.PostFileAsync($"{page}/files", page, "现场 照片.png", photo, new Dictionary<string, string> { ["kind"] = "Photo" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await filer.PostFileAsync($"{page}/files", page, "总结.pdf", "%PDF-1.4 总结"u8.ToArray(), new Dictionary<string, string> { ["kind"] = "Document" })).StatusCode);
        await SubmitCompleteAsync(filer, campaignId);
        var files = (await ReportAsync(factory, campaignId, "喀什地区科学技术协会"))!.Files;
        using var organiser = await factory.SignedInAsync("xj.organiser@demo.local");

        var queued = await organiser.PostFormAsync($"/campaigns/{campaignId}/exports", new Dictionary<string, string> { ["kind"] = "Attachments" }, $"/campaigns/{campaignId}/rollup");
        await RunJobsAsync();
        var download = await organiser.GetAsync(queued.Headers.Location!.OriginalString + "/download");

        Assert.Equal("application/zip", download.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await download.Content.ReadAsByteArrayAsync()));
        foreach (var file in files)
        {
            var entry = zip.GetEntry($"喀什地区科学技术协会/{file.Name}");
            Assert.NotNull(entry);
            await using var content = entry.Open();
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(content)));
        }

        using var manifest = new StreamReader(zip.GetEntry("附件清单.txt")!.Open());
        var list = await manifest.ReadToEndAsync();
        Assert.All(files, f => Assert.Contains(f.Sha256, list, StringComparison.Ordinal));
    }
}
