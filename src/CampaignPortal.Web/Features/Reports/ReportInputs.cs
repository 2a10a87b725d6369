using CampaignPortal.Web.Domain;

namespace CampaignPortal.Web.Features.Reports;

/// <summary>The report form: the version it was opened at, the sections, the figures as typed, and the people.</summary>
public sealed class ReportInput
{
    /// <summary>The report's <see cref="SummaryReport.Version"/> when the page was opened (0 for a new report).</summary>
    public int Version { get; set; }

    public List<SectionInput> Sections { get; set; } = [];

    public List<FigureInput> Figures { get; set; } = [];

    public string? FilerName { get; set; }

    public string? FilerPhone { get; set; }

    public string? ResponsiblePerson { get; set; }
}

public sealed class SectionInput
{
    public string? Title { get; set; }

    public string? Html { get; set; }
}

public sealed class FigureInput
{
    public string? Code { get; set; }

    /// <summary>As typed: "1,234", "１５０", "15万" are read by <see cref="FigureParser"/>.</summary>
    public string? Value { get; set; }

    public FigureQualifier Qualifier { get; set; }

    public string? Note { get; set; }
}

public sealed class ReturnInput
{
    /// <summary>The version number the reviewer was looking at: a decision applies to that version only.</summary>
    public int? Number { get; set; }

    public string? Comment { get; set; }

    public List<SectionInput> SectionComments { get; set; } = [];
}
