using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CampaignPortal.Web.Features.Exports;

/// <summary>The <c>Documents</c> section: fonts of the 公文 layout (with fallbacks where those fonts are not installed).</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>标题: 二号小标宋.</summary>
    public string TitleFont { get; set; } = "方正小标宋简体";

    /// <summary>正文: 三号仿宋.</summary>
    public string BodyFont { get; set; } = "仿宋_GB2312";

    /// <summary>一级标题: 三号黑体.</summary>
    public string HeadingFont { get; set; } = "黑体";
}

public sealed record DocFigure(string Group, string Name, string Value, string? Note);

public sealed record DocMedia(string Outlet, string Kind, string? Title, string? Date, string? Page);

/// <summary>One report as the document shows it.</summary>
public sealed record DocReport(string Title, string Unit, string Campaign, string Submitted, IReadOnlyList<(string Title, string Html)> Sections,
    IReadOnlyList<DocFigure> Figures, IReadOnlyList<DocMedia> Media, string? Filer);

/// <summary>
/// Word documents in the 公文 layout of GB/T 9704-2012: A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm;
/// title 二号 (22 pt) 小标宋, body 三号 (16 pt) 仿宋 with the East Asian font set, fixed 28 pt lines, first lines indented
/// two characters; page numbers "— 1 —" in the footer. A compilation (汇编) adds a cover and a table of contents (a TOC
/// field Word updates when the file is opened), one report per section starting on a new page.
/// </summary>
public static partial class GongwenDocument
{
    private const int Mm = 57; // twips per millimetre, rounded (1 mm = 56.69 twips)

    public static void WriteReport(Stream output, DocReport report, DocumentOptions fonts)
    {
        using var document = Create(output, fonts, updateFieldsOnOpen: false, out var footerId);
        var body = document.MainDocumentPart!.Document.Body!;
        AppendReport(body, report, fonts, heading: false);
        Finish(document, body, footerId);
    }

    public static void WriteCompilation(Stream output, string title, string subtitle, IReadOnlyList<DocReport> reports, DocumentOptions fonts, Action<int>? progress = null)
    {
        using var document = Create(output, fonts, updateFieldsOnOpen: true, out var footerId);
        var body = document.MainDocumentPart!.Document.Body!;

        // Cover.
        for (var i = 0; i < 6; i++)
        {
            body.Append(new Paragraph());
        }

        body.Append(Centered(title, fonts.TitleFont, 44));
        body.Append(Centered(subtitle, fonts.BodyFont, 32));
        body.Append(new Paragraph(new ParagraphProperties(Section(footerId))));

        // 目录: a TOC field over the report titles (Heading 1); Word fills it in when the file is opened.
        body.Append(Centered("目　　录", fonts.HeadingFont, 32));
        body.Append(new Paragraph(
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" TOC \\o \"1-1\" \\h \\z \\u ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(Text("（打开文档时自动生成目录；如未显示，请右键点击此处选择“更新域”。）", fonts.BodyFont, 28)),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End })));
        for (var i = 0; i < reports.Count; i++)
        {
            // Each report is a section of its own (节), starting on a new page; the contents end the previous one.
            body.Append(new Paragraph(new ParagraphProperties(Section(footerId))));
            AppendReport(body, reports[i], fonts, heading: true);
            progress?.Invoke((i + 1) * 100 / reports.Count);
        }

        Finish(document, body, footerId);
    }

    private static WordprocessingDocument Create(Stream output, DocumentOptions fonts, bool updateFieldsOnOpen, out string footerId)
    {
        var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.Document = new Document(new Body());

        // Heading 1 (the TOC's level) in the heading font; Normal in the body font, 三号.
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(Fonts(fonts.BodyFont), new FontSize { Val = "32" }, new Languages { EastAsia = "zh-CN" }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(
                new StyleName { Val = "heading 1" }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(),
                new StyleParagraphProperties(new OutlineLevel { Val = 0 }, new Justification { Val = JustificationValues.Center }, new SpacingBetweenLines { After = "240" }),
                new StyleRunProperties(Fonts(fonts.TitleFont), new FontSize { Val = "44" }))
            { Type = StyleValues.Paragraph, StyleId = "Heading1" });

        if (updateFieldsOnOpen)
        {
            var settings = main.AddNewPart<DocumentSettingsPart>();
            settings.Settings = new Settings(new UpdateFieldsOnOpen { Val = true });
        }

        // "— 1 —" centred in the footer (四号宋体).
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new Run(Text("— ", "宋体", 28)),
            new Run(new RunProperties(Fonts("宋体"), new FontSize { Val = "28" }), new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(Text("1", "宋体", 28)),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
            new Run(Text(" —", "宋体", 28))));
        footerId = main.GetIdOfPart(footer);
        return document;
    }

    private static void Finish(WordprocessingDocument document, Body body, string footerId)
    {
        var main = document.MainDocumentPart!;
        body.Append(Section(footerId));
        main.Document.Save();
    }

    /// <summary>A4 with the GB/T 9704 margins and the page-number footer; a new section starts on a new page.</summary>
    private static SectionProperties Section(string footerId) => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
        new SectionType { Val = SectionMarkValues.NextPage },
        new PageSize { Width = 11906, Height = 16838 },
        new PageMargin { Top = 37 * Mm, Bottom = 35 * Mm, Left = (uint)(28 * Mm), Right = (uint)(26 * Mm), Header = 851, Footer = (uint)(7 * Mm * 2), Gutter = 0 });

    private static void AppendReport(Body body, DocReport report, DocumentOptions fonts, bool heading)
    {
        var title = new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = heading ? "Heading1" : "Normal" }, new Justification { Val = JustificationValues.Center },
                new SpacingBetweenLines { After = "240" }),
            new Run(Text(report.Title, fonts.TitleFont, 44)));
        body.Append(title);
        body.Append(Centered($"{report.Unit}　{report.Submitted}", fonts.BodyFont, 32));
        foreach (var (sectionTitle, html) in report.Sections)
        {
            body.Append(BodyParagraph(sectionTitle, fonts.HeadingFont, indent: true));
            foreach (var line in Lines(html))
            {
                body.Append(BodyParagraph(line, fonts.BodyFont, indent: true));
            }
        }

        if (report.Figures.Count > 0)
        {
            body.Append(BodyParagraph("附：活动开展情况统计表", fonts.HeadingFont, indent: false));
            body.Append(Table(["分组", "统计指标", "数值", "说明"], report.Figures.Select(f => new[] { f.Group, f.Name, f.Value, f.Note ?? string.Empty }), fonts));
        }

        if (report.Media.Count > 0)
        {
            body.Append(BodyParagraph("媒体报道情况", fonts.HeadingFont, indent: false));
            body.Append(Table(["媒体", "类型", "标题", "日期", "版面或栏目"],
                report.Media.Select(m => new[] { m.Outlet, m.Kind, m.Title ?? string.Empty, m.Date ?? string.Empty, m.Page ?? string.Empty }), fonts));
        }

        if (report.Filer is not null)
        {
            body.Append(BodyParagraph(report.Filer, fonts.BodyFont, indent: false));
        }
    }

    /// <summary>A section's sanitised HTML as paragraphs of text (one per p, heading, list item or table row).</summary>
    public static IEnumerable<string> Lines(string html) => Infrastructure.RichText.Lines(html, cellsOnTheirOwn: true);

    private static Paragraph BodyParagraph(string text, string font, bool indent) =>
        new(new ParagraphProperties(
                new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact },
                new Indentation { FirstLineChars = indent ? 200 : 0 },
                new Justification { Val = JustificationValues.Both }),
            new Run(Text(text, font, 32)));

    private static Paragraph Centered(string text, string font, int halfPoints) =>
        new(new ParagraphProperties(new Justification { Val = JustificationValues.Center }, new SpacingBetweenLines { After = "200" }),
            new Run(Text(text, font, halfPoints)));

    private static Table Table(string[] header, IEnumerable<string[]> rows, DocumentOptions fonts)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        foreach (var (cells, bold) in rows.Prepend(header).Select((r, i) => (r, i == 0)))
        {
            table.Append(new TableRow(cells.Select(c => new TableCell(new Paragraph(new Run(
                bold ? new RunProperties(Fonts(fonts.HeadingFont), new FontSize { Val = "24" }) : new RunProperties(Fonts(fonts.BodyFont), new FontSize { Val = "24" }),
                new Text(c) { Space = SpaceProcessingModeValues.Preserve }))))));
        }

        return table;
    }

    private static OpenXmlElement[] Text(string text, string font, int halfPoints) =>
        [new RunProperties(Fonts(font), new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            new Text(text) { Space = SpaceProcessingModeValues.Preserve }];

    /// <summary>The same font for Latin and East Asian text (Word picks the EastAsia one for Chinese).</summary>
    private static RunFonts Fonts(string font) => new() { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font };

}
