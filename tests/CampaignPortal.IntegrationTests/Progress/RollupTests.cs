using System.Net;
using System.Text.Json;
using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Domain;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.IntegrationTests.Progress;

/// <summary>
/// A three-level chain built for the test: 中国科协's campaign (A) → 自治区科协 forwards it (B) → 克拉玛依 forwards that (C),
/// with approved, submitted and draft reports whose sums are known by hand.
/// </summary>
public sealed class RollupTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly DateTimeOffset At = new(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);

    private sealed record Chain(int A, int B, int C);

    private Chain? _chain;

    private async Task<Chain> ChainAsync()
    {
        if (_chain is not null)
        {
            return _chain;
        }

        _chain = await factory.WithDbAsync(async db =>
        {
            var org = await db.Organisations.ToDictionaryAsync(o => o.Name);
            int Id(string name) => org[name].Id;
            var a = new Campaign(Id("中国科学技术协会"), 2026, "三级汇总测试·全国", At);
            a.Describe(2026, a.Title, null, new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31), null, new DateOnly(2026, 6, 20));
            a.ReplaceIndicators(CampaignDefaults.Indicators());
            a.AddParticipants([Id("新疆维吾尔自治区科学技术协会"), Id("陕西省科学技术协会"), Id("内蒙古自治区科学技术协会")], ParticipantSource.Manual, At);
            a.Publish();
            db.Campaigns.Add(a);
            await db.SaveChangesAsync();
            var b = Campaign.Forward(a, Id("新疆维吾尔自治区科学技术协会"), "三级汇总测试·自治区", new DateOnly(2026, 6, 15), At);
            b.AddParticipants([Id("克拉玛依市科学技术协会"), Id("哈密市科学技术协会"), Id("阿勒泰地区科学技术协会")], ParticipantSource.Manual, At);
            b.Publish();
            db.Campaigns.Add(b);
            await db.SaveChangesAsync();
            var c = Campaign.Forward(b, Id("克拉玛依市科学技术协会"), "三级汇总测试·克拉玛依", new DateOnly(2026, 6, 10), At);
            c.AddParticipants([Id("克拉玛依区科学技术协会")], ParticipantSource.Manual, At);
            c.Publish();
            db.Campaigns.Add(c);
            await db.SaveChangesAsync();

            void Report(Campaign campaign, string unit, ReportStatus status, params (string Code, long Value, FigureQualifier Qualifier, string? Note)[] figures)
            {
                var report = new SummaryReport(campaign.Id, Id(unit), campaign.OrganisationId, At, "填报员");
                report.Save(new ReportContent([new SectionText(1, "基本情况", "<p>情况</p>")],
                    [.. figures.Select(f => new FigureValue(f.Code, f.Value * 100, f.Qualifier, f.Note, FigureSource.Manual))], "填报员", "1", "负责人"), 0, At, "填报员");
                db.SummaryReports.Add(report);
                if (status == ReportStatus.Draft)
                {
                    return;
                }

                var version = report.Submit(report.Version, null, At, "填报员");
                db.ReportVersions.Add(version);
                if (status == ReportStatus.Approved)
                {
                    report.Approve(version, null, At, "审核员");
                }
            }

            // To A: 自治区科协 approved, 陕西 submitted (not yet approved), 内蒙古 draft.
            Report(a, "新疆维吾尔自治区科学技术协会", ReportStatus.Approved, ("activities", 10, FigureQualifier.Exact, null), ("participants", 100, FigureQualifier.MoreThan, "=HYPERLINK(\"http://x\",\"y\")"));
            Report(a, "陕西省科学技术协会", ReportStatus.Submitted, ("activities", 7, FigureQualifier.Exact, null), ("participants", 50, FigureQualifier.Exact, null));
            Report(a, "内蒙古自治区科学技术协会", ReportStatus.Draft, ("activities", 1000, FigureQualifier.Exact, null));

            // To B: 克拉玛依 and 哈密 approved (哈密 with 余), 阿勒泰 submitted.
            Report(b, "克拉玛依市科学技术协会", ReportStatus.Approved, ("activities", 4, FigureQualifier.Exact, "@SUM(1,1)"), ("media", 2, FigureQualifier.Exact, null));
            Report(b, "哈密市科学技术协会", ReportStatus.Approved, ("activities", 5, FigureQualifier.MoreThan, "+1+1"), ("media", 3, FigureQualifier.Exact, "-1+1"));
            Report(b, "阿勒泰地区科学技术协会", ReportStatus.Submitted, ("activities", 8, FigureQualifier.Exact, null));

            // To C: the district, approved.
            Report(c, "克拉玛依区科学技术协会", ReportStatus.Approved, ("activities", 2, FigureQualifier.Exact, null));
            await db.SaveChangesAsync();
            return new Chain(a.Id, b.Id, c.Id);
        });
        return _chain;
    }

    private static JsonElement Indicator(JsonElement rollup, string code) =>
        rollup.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);

    [Fact]
    public async Task Totals_AreTheReportsFiledToEachCampaign_NothingCountedTwice()
    {
        var chain = await ChainAsync();
        using var cast = await factory.SignedInAsync("cast.organiser@demo.local");
        async Task<JsonElement> ApiAsync(int id, bool submitted = false) =>
            JsonDocument.Parse(await cast.GetStringAsync($"/api/campaigns/{id}/rollup{(submitted ? "?submitted=true" : null)}")).RootElement;

        var a = await ApiAsync(chain.A);
        var aAll = await ApiAsync(chain.A, submitted: true);
        var b = await ApiAsync(chain.B);
        var bAll = await ApiAsync(chain.B, submitted: true);
        var c = await ApiAsync(chain.C);

        // A: only 自治区科协's own report (10), never B's or C's figures; with submitted ones, 陕西's 7 too; drafts never.
        Assert.Equal(10m, Indicator(a, "activities").GetProperty("total").GetDecimal());
        Assert.Equal(100m, Indicator(a, "participants").GetProperty("total").GetDecimal());
        Assert.True(Indicator(a, "participants").GetProperty("atLeast").GetBoolean());
        Assert.Equal(17m, Indicator(aAll, "activities").GetProperty("total").GetDecimal());
        Assert.Equal(150m, Indicator(aAll, "participants").GetProperty("total").GetDecimal());
        Assert.Equal(4 + 5, Indicator(b, "activities").GetProperty("total").GetDecimal());
        Assert.True(Indicator(b, "activities").GetProperty("atLeast").GetBoolean());
        Assert.Equal(5m, Indicator(b, "media").GetProperty("total").GetDecimal());
        Assert.Equal(17m, Indicator(bAll, "activities").GetProperty("total").GetDecimal());
        Assert.Equal(2m, Indicator(c, "activities").GetProperty("total").GetDecimal());
        Assert.Equal(3, a.GetProperty("counts").GetProperty("participants").GetInt32());
        Assert.Equal(2, a.GetProperty("counts").GetProperty("submitted").GetInt32());
        Assert.Equal(1, a.GetProperty("counts").GetProperty("approved").GetInt32());

        // Drill-down: 自治区科协's row in A leads to B, 克拉玛依's row in B to C — shown, not added.
        var xinjiang = a.GetProperty("units").EnumerateArray().Single();
        Assert.Equal(chain.B, xinjiang.GetProperty("forwardedCampaignId").GetInt32());
        var page = await cast.GetStringAsync($"/campaigns/{chain.A}/rollup");
        Assert.Contains($"href=\"/campaigns/{chain.B}/rollup\"", page, StringComparison.Ordinal);
        Assert.Contains("≥100人次", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorisation_Filer403_OtherProvince404_AncestorReadsOnly_Anonymous401()
    {
        var chain = await ChainAsync();
        using var filer = await factory.SignedInAsync("hami.filer@demo.local");
        using var shaanxi = await factory.SignedInAsync("sx.organiser@demo.local");
        using var xinjiang = await factory.SignedInAsync("xj.organiser@demo.local");
        using var cast = await factory.SignedInAsync("cast.organiser@demo.local");
        using var anonymous = factory.CreatePortalClient();

        foreach (var path in new[] { $"/campaigns/{chain.B}/rollup", $"/campaigns/{chain.B}/progress", $"/campaigns/{chain.B}/rollup.xlsx", $"/api/campaigns/{chain.B}/rollup" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await filer.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await shaanxi.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await xinjiang.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await cast.GetAsync(path)).StatusCode); // the level above reads
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/campaigns/{chain.B}/rollup")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await xinjiang.GetAsync($"/campaigns/{chain.A}/rollup")).StatusCode); // a participant, not the owner
        Assert.Contains("仅可查看", await cast.GetStringAsync($"/campaigns/{chain.B}/progress"), StringComparison.Ordinal);
        Assert.DoesNotContain("仅可查看", await xinjiang.GetStringAsync($"/campaigns/{chain.B}/progress"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await cast.GetAsync($"/campaigns/{chain.B}/edit")).StatusCode); // reading is all
    }

    [Fact]
    public async Task Excel_ShapedLikeTheStatisticsTable_NumbersNumeric_NoFormulaAnywhere()
    {
        var chain = await ChainAsync();
        string[] names = ["=1+1", "+1+1", "-1+1", "@SUM(1,1)", "=HYPERLINK(\"http://x\",\"y\")"];
        await factory.WithDbAsync(async db =>
        {
            // Units whose names a spreadsheet would take for formulas, each with an approved report to B.
            var xinjiangOrg = await db.Organisations.SingleAsync(o => o.Name == "新疆维吾尔自治区科学技术协会");
            var campaign = await db.Campaigns.Include(c => c.Participants).SingleAsync(c => c.Id == chain.B);
            foreach (var name in names)
            {
                var unit = new Organisation(name, name, OrganisationKind.Society, xinjiangOrg, At);
                db.Organisations.Add(unit);
                await db.SaveChangesAsync();
                campaign.AddParticipants([unit.Id], ParticipantSource.Manual, At);
                var report = new SummaryReport(chain.B, unit.Id, campaign.OrganisationId, At, "填报员");
                report.Save(new ReportContent([], [new FigureValue("activities", 100, FigureQualifier.Exact, null, FigureSource.Manual)], "填报员", "1", "负责人"), 0, At, "填报员");
                var version = report.Submit(report.Version, null, At, "填报员");
                report.Approve(version, null, At, "审核员");
                db.SummaryReports.Add(report);
                db.ReportVersions.Add(version);
            }

            return await db.SaveChangesAsync();
        });
        using var xinjiang = await factory.SignedInAsync("xj.organiser@demo.local");

        var response = await xinjiang.GetAsync($"/campaigns/{chain.B}/rollup.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        Assert.Equal(["汇总表", "报送情况", "活动清单"], workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToArray());
        Assert.All(workbook.WorksheetParts, part => Assert.Empty(part.Worksheet.Descendants<CellFormula>()));

        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        string Text(Cell cell) => cell.DataType?.Value == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text)] : cell.InnerText;
        var sheet = workbook.WorksheetParts.First(p => workbook.GetIdOfPart(p) == workbook.Workbook.Sheets!.Elements<Sheet>().First().Id!.Value);
        var rows = sheet.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().ToList()).ToList();
        var header = rows[0].Select(Text).ToList();
        Assert.Equal(["序号", "填报单位", "报告状态"], header.Take(3));
        Assert.Contains("举办活动（次）", header);
        Assert.Equal("说明", header[^1]);
        var activities = header.IndexOf("举办活动（次）");
        var total = rows.Single(r => r.Count > 1 && Text(r[1]) == "合计");
        Assert.Equal("14", total[activities].CellValue!.Text); // 4 + 5 + one from each of the five odd units
        Assert.NotEqual(CellValues.SharedString, total[activities].DataType?.Value); // a number, not text
        var units = rows.Skip(1).Select(r => Text(r[1])).ToList();
        Assert.All(names, name => Assert.Contains(name, units)); // kept as the text it is
        var notes = rows.Skip(1).Select(r => Text(r[^1])).ToList();
        Assert.Contains(notes, n => n.Contains("@SUM(1,1)", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("举办活动：5余", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Grid_ShowsEveryParticipantsState_AndCounts()
    {
        var chain = await ChainAsync();
        using var xinjiang = await factory.SignedInAsync("xj.organiser@demo.local");

        var html = await xinjiang.GetStringAsync($"/campaigns/{chain.B}/progress");
        var approvedOnly = await xinjiang.GetStringAsync($"/campaigns/{chain.B}/progress?status=Approved");

        Assert.Contains("阿勒泰地区科学技术协会", html, StringComparison.Ordinal);
        Assert.Contains("待审核", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/campaigns/{chain.C}/progress\"", html, StringComparison.Ordinal); // 克拉玛依 forwarded it
        Assert.Contains("共 2 个单位", approvedOnly, StringComparison.Ordinal);
        Assert.DoesNotContain(">阿勒泰地区科学技术协会<", approvedOnly, StringComparison.Ordinal);
    }
}
