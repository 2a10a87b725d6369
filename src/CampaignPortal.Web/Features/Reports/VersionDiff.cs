using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CampaignPortal.Web.Domain;
using DiffPlex;

namespace CampaignPortal.Web.Features.Reports;

public enum DiffKind
{
    Same,
    Inserted,
    Deleted,
}

public sealed record DiffSegment(DiffKind Kind, string Text);

public sealed record SectionDiff(string Title, IReadOnlyList<DiffSegment> Segments, int Inserted, int Deleted);

public sealed record FigureChange(string Name, string Before, string After);

public sealed record FileChange(string Name, ReportFileKind Kind, bool Added);

/// <summary>What changed from one submitted version to the next: sections character by character, figures, media, files.</summary>
public sealed partial record VersionDiff(
    int FromNumber, int ToNumber, IReadOnlyList<SectionDiff> Sections, IReadOnlyList<string> UnchangedSections, IReadOnlyList<FigureChange> Figures,
    IReadOnlyList<string> MediaAdded, IReadOnlyList<string> MediaRemoved, IReadOnlyList<FileChange> Files)
{
    public bool IsEmpty => Sections.Count == 0 && Figures.Count == 0 && MediaAdded.Count == 0 && MediaRemoved.Count == 0 && Files.Count == 0;

    /// <summary>
    /// Chinese has no spaces between words, so sections are compared character by character (DiffPlex), on their
    /// text with one line per paragraph.
    /// </summary>
    public static VersionDiff Between(ReportVersion before, ReportVersion after, IReadOnlyList<Indicator> indicators)
    {
        var sections = new List<SectionDiff>();
        var unchanged = new List<string>();
        var titles = after.Sections.OrderBy(s => s.Order).Select(s => s.Title)
            .Concat(before.Sections.OrderBy(s => s.Order).Select(s => s.Title)).Distinct();
        foreach (var title in titles)
        {
            var a = PlainText(before.Sections.FirstOrDefault(s => s.Title == title)?.Html);
            var b = PlainText(after.Sections.FirstOrDefault(s => s.Title == title)?.Html);
            if (a == b)
            {
                unchanged.Add(title);
                continue;
            }

            var segments = Text(a, b);
            sections.Add(new SectionDiff(title, segments, segments.Where(s => s.Kind == DiffKind.Inserted).Sum(s => s.Text.Length),
                segments.Where(s => s.Kind == DiffKind.Deleted).Sum(s => s.Text.Length)));
        }

        var figures = new List<FigureChange>();
        var codes = indicators.Select(i => i.Code)
            .Concat(before.Figures.Select(f => f.Code)).Concat(after.Figures.Select(f => f.Code)).Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var code in codes)
        {
            var indicator = indicators.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.OrdinalIgnoreCase));
            string Show(ReportVersion v) => v.Figures.FirstOrDefault(f => string.Equals(f.Code, code, StringComparison.OrdinalIgnoreCase)) is { } f
                ? f.Display(indicator?.Unit ?? string.Empty) + (f.Note is null ? string.Empty : $"（{f.Note}）")
                : "—";
            var (x, y) = (Show(before), Show(after));
            if (x != y)
            {
                figures.Add(new FigureChange(indicator?.Name ?? code, x, y));
            }
        }

        static string Media(ReportMedia m) =>
            $"{m.Outlet}{(m.Title is null ? null : "《" + m.Title + "》")}{(m.Date is { } d ? " " + d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null)}";
        var mediaBefore = before.Media.Select(Media).ToHashSet(StringComparer.Ordinal);
        var mediaAfter = after.Media.Select(Media).ToHashSet(StringComparer.Ordinal);
        var filesBefore = before.Files.Select(f => f.StoredFileId).ToHashSet();
        var filesAfter = after.Files.Select(f => f.StoredFileId).ToHashSet();
        var files = after.Files.Where(f => !filesBefore.Contains(f.StoredFileId)).Select(f => new FileChange(f.Name, f.Kind, true))
            .Concat(before.Files.Where(f => !filesAfter.Contains(f.StoredFileId)).Select(f => new FileChange(f.Name, f.Kind, false)))
            .ToList();
        return new VersionDiff(before.Number, after.Number, sections, unchanged, figures,
            [.. mediaAfter.Where(m => !mediaBefore.Contains(m))], [.. mediaBefore.Where(m => !mediaAfter.Contains(m))], files);
    }

    /// <summary>Changed paragraphs larger than this (old and new together) are shown whole rather than character by character.</summary>
    public const int CharacterBudget = 3000;

    /// <summary>
    /// Paragraphs first (line diff), then characters inside each changed run of paragraphs while it is small enough —
    /// the character diff grows with the square of the length, and a section may hold 200 KB.
    /// </summary>
    public static IReadOnlyList<DiffSegment> Text(string a, string b)
    {
        var lines = Differ.Instance.CreateLineDiffs(a, b, ignoreWhitespace: false);
        var units = new List<IReadOnlyList<DiffSegment>>();
        void Changed(string before, string after)
        {
            if (before.Length + after.Length <= CharacterBudget)
            {
                units.Add(Characters(before, after));
                return;
            }

            var whole = new List<DiffSegment>();
            if (before.Length > 0)
            {
                whole.Add(new DiffSegment(DiffKind.Deleted, before));
            }

            if (after.Length > 0)
            {
                whole.Add(new DiffSegment(DiffKind.Inserted, after));
            }

            units.Add(whole);
        }

        var position = 0;
        foreach (var block in lines.DiffBlocks)
        {
            units.AddRange(lines.PiecesOld.Skip(position).Take(block.DeleteStartA - position).Select(l => (IReadOnlyList<DiffSegment>)[new DiffSegment(DiffKind.Same, l)]));
            Changed(string.Join('\n', lines.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA)),
                string.Join('\n', lines.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB)));
            position = block.DeleteStartA + block.DeleteCountA;
        }

        units.AddRange(lines.PiecesOld.Skip(position).Select(l => (IReadOnlyList<DiffSegment>)[new DiffSegment(DiffKind.Same, l)]));
        var segments = new List<DiffSegment>();
        foreach (var unit in units.Where(u => u.Count > 0))
        {
            if (segments.Count > 0)
            {
                Append(segments, new DiffSegment(DiffKind.Same, "\n"));
            }

            foreach (var segment in unit)
            {
                Append(segments, segment);
            }
        }

        return segments;
    }

    private static void Append(List<DiffSegment> segments, DiffSegment segment)
    {
        if (segment.Text.Length == 0)
        {
            return;
        }

        if (segments.Count > 0 && segments[^1].Kind == segment.Kind)
        {
            segments[^1] = segments[^1] with { Text = segments[^1].Text + segment.Text };
        }
        else
        {
            segments.Add(segment);
        }
    }

    /// <summary>Runs of unchanged, deleted and inserted characters turning <paramref name="a"/> into <paramref name="b"/>.</summary>
    public static IReadOnlyList<DiffSegment> Characters(string a, string b)
    {
        var result = Differ.Instance.CreateCharacterDiffs(a, b, ignoreWhitespace: false);
        var segments = new List<DiffSegment>();
        void Add(DiffKind kind, IEnumerable<string> pieces)
        {
            var text = string.Concat(pieces);
            if (text.Length == 0)
            {
                return;
            }

            if (segments.Count > 0 && segments[^1].Kind == kind)
            {
                segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
            }
            else
            {
                segments.Add(new DiffSegment(kind, text));
            }
        }

        var position = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(DiffKind.Same, result.PiecesOld.Skip(position).Take(block.DeleteStartA - position));
            Add(DiffKind.Deleted, result.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA));
            Add(DiffKind.Inserted, result.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB));
            position = block.DeleteStartA + block.DeleteCountA;
        }

        Add(DiffKind.Same, result.PiecesOld.Skip(position));
        return segments;
    }

    /// <summary>The segments as HTML: every character encoded, insertions in &lt;ins&gt;, deletions in &lt;del&gt;, line breaks as &lt;br&gt;.</summary>
    public static string ToHtml(IEnumerable<DiffSegment> segments)
    {
        var html = new StringBuilder();
        foreach (var segment in segments)
        {
            var text = WebUtility.HtmlEncode(segment.Text).Replace("\n", "<br>", StringComparison.Ordinal);
            html.Append(segment.Kind switch
            {
                DiffKind.Inserted => $"<ins>{text}</ins>",
                DiffKind.Deleted => $"<del>{text}</del>",
                _ => text,
            });
        }

        return html.ToString();
    }

    /// <summary>Sanitised section HTML as text: one line per paragraph, list item or table row.</summary>
    public static string PlainText(string? html) => string.Join('\n', Infrastructure.RichText.Lines(html));
}
