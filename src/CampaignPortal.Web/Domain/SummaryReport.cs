namespace CampaignPortal.Web.Domain;

public enum ReportStatus
{
    /// <summary>草稿: being filled (also after a withdrawal).</summary>
    Draft,

    /// <summary>待审核.</summary>
    Submitted,

    /// <summary>退回修改 (also after an organiser reopened an approved report).</summary>
    Returned,

    /// <summary>已通过: locked.</summary>
    Approved,
}

public enum ReportFileKind
{
    Photo,
    Document,

    /// <summary>盖章扫描件.</summary>
    StampedScan,

    /// <summary>视频 (mp4, mov, mpg), usually sent in chunks.</summary>
    Video,
}

public enum ReportEventKind
{
    Created,
    Submitted,
    Withdrawn,
    Returned,
    Approved,
    Reopened,
}

public static class ReportNames
{
    public static string ToChinese(this ReportStatus status) => status switch
    {
        ReportStatus.Draft => "草稿",
        ReportStatus.Submitted => "待审核",
        ReportStatus.Returned => "退回修改",
        ReportStatus.Approved => "已通过",
        _ => status.ToString(),
    };

    public static string ToChinese(this ReportFileKind kind) => kind switch
    {
        ReportFileKind.Photo => "照片",
        ReportFileKind.StampedScan => "盖章扫描件",
        ReportFileKind.Video => "视频",
        _ => "文档",
    };

    public static string ToChinese(this ReportEventKind kind) => kind switch
    {
        ReportEventKind.Created => "创建报告",
        ReportEventKind.Submitted => "提交审核",
        ReportEventKind.Withdrawn => "撤回",
        ReportEventKind.Returned => "退回修改",
        ReportEventKind.Approved => "审核通过",
        ReportEventKind.Reopened => "重新打开",
        _ => kind.ToString(),
    };
}

/// <summary>A narrative section of a report, in the template's order; in a version it may carry the reviewer's comment.</summary>
public sealed class SectionText
{
    private SectionText()
    {
        Title = Html = string.Empty;
    }

    public SectionText(int order, string title, string html, string? comment = null)
    {
        Order = order;
        Title = title;
        Html = html;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
    }

    public int Order { get; private set; }

    public string Title { get; private set; }

    /// <summary>Sanitised HTML.</summary>
    public string Html { get; private set; }

    /// <summary>The reviewer's comment on this section when the version was returned.</summary>
    public string? Comment { get; internal set; }

    public SectionText Copy() => new(Order, Title, Html);
}

/// <summary>媒体报道 listed in a report.</summary>
public sealed class ReportMedia
{
    private ReportMedia()
    {
        Outlet = string.Empty;
    }

    public ReportMedia(int order, MediaKind kind, string outlet, string? title, DateOnly? date, string? link, string? pageOrSlot)
    {
        if (link is { Length: > 0 } && !Activity.IsWebLink(link))
        {
            throw new DomainException("报道链接须以 http:// 或 https:// 开头。");
        }

        Order = order;
        Kind = kind;
        Outlet = outlet.Trim();
        Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim();
        Date = date;
        Link = string.IsNullOrWhiteSpace(link) ? null : link.Trim();
        PageOrSlot = string.IsNullOrWhiteSpace(pageOrSlot) ? null : pageOrSlot.Trim();
    }

    /// <summary>Stable within the report: the key a "remove" button refers to.</summary>
    public int Order { get; private set; }

    public MediaKind Kind { get; private set; }

    public string Outlet { get; private set; }

    public string? Title { get; private set; }

    public DateOnly? Date { get; private set; }

    public string? Link { get; private set; }

    public string? PageOrSlot { get; private set; }

    public ReportMedia Copy() => new(Order, Kind, Outlet, Title, Date, Link, PageOrSlot);
}

/// <summary>An attachment of a report, with what a version must remember of it (name, size, SHA-256).</summary>
public sealed class ReportFile
{
    private ReportFile()
    {
        Name = Sha256 = string.Empty;
    }

    public ReportFile(Guid storedFileId, ReportFileKind kind, string name, long size, string sha256, string? caption, string? material, DateTimeOffset addedAt)
    {
        StoredFileId = storedFileId;
        Kind = kind;
        Name = name;
        Size = size;
        Sha256 = sha256;
        Caption = string.IsNullOrWhiteSpace(caption) ? null : caption.Trim();
        Material = string.IsNullOrWhiteSpace(material) ? null : material.Trim();
        AddedAt = addedAt;
    }

    public Guid StoredFileId { get; private set; }

    public ReportFileKind Kind { get; private set; }

    public string Name { get; private set; }

    public long Size { get; private set; }

    public string Sha256 { get; private set; }

    /// <summary>照片说明, or a document's title.</summary>
    public string? Caption { get; private set; }

    /// <summary>The required material (报送材料) this file provides, by name.</summary>
    public string? Material { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    public ReportFile Copy() => new(StoredFileId, Kind, Name, Size, Sha256, Caption, Material, AddedAt);
}

/// <summary>The text part of a save: sections, figures and the people.</summary>
public sealed record ReportContent(
    IReadOnlyList<SectionText> Sections, IReadOnlyList<FigureValue> Figures, string? FilerName, string? FilerPhone, string? ResponsiblePerson);

/// <summary>
/// 总结报告 of one unit to one campaign. The report holds the working copy (sections, figures, media, files);
/// submitting freezes it into a <see cref="ReportVersion"/>. <see cref="Version"/> is the optimistic-concurrency
/// token of the working copy's text: a save must name the version it started from.
/// </summary>
public sealed class SummaryReport
{
    private readonly List<SectionText> _sections = [];
    private readonly List<FigureValue> _figures = [];
    private readonly List<ReportMedia> _media = [];
    private readonly List<ReportFile> _files = [];
    private readonly List<ReportEvent> _events = [];

    private SummaryReport()
    {
    }

    public SummaryReport(int campaignId, int organisationId, int ownerOrganisationId, DateTimeOffset createdAt, string? createdBy)
    {
        CampaignId = campaignId;
        OrganisationId = organisationId;
        OwnerOrganisationId = ownerOrganisationId;
        Status = ReportStatus.Draft;
        CreatedAt = UpdatedAt = createdAt;
        UpdatedBy = createdBy;
        _events.Add(new ReportEvent(ReportEventKind.Created, createdAt, createdBy, null, null));
    }

    public int Id { get; private set; }

    public int CampaignId { get; private set; }

    /// <summary>The participating unit that files the report.</summary>
    public int OrganisationId { get; private set; }

    public Organisation? Organisation { get; private set; }

    /// <summary>The organisation owning the campaign (its reviewers review), kept here for the review queue's index.</summary>
    public int OwnerOrganisationId { get; private set; }

    public ReportStatus Status { get; private set; }

    /// <summary>Application-managed concurrency token: +1 on every save and transition.</summary>
    public int Version { get; private set; }

    /// <summary>
    /// The second concurrency token, for the media and file lists: +1 on each change to them. Two uploads at once, or an
    /// upload racing a submit, cannot both win; a colleague's open text form stays valid.
    /// </summary>
    public int ListVersion { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string? UpdatedBy { get; private set; }

    /// <summary>填报人.</summary>
    public string? FilerName { get; private set; }

    public string? FilerPhone { get; private set; }

    /// <summary>单位负责人.</summary>
    public string? ResponsiblePerson { get; private set; }

    /// <summary>The number of the latest submitted version (0 before the first submission).</summary>
    public int LatestVersionNumber { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>Whether the latest submission came after the deadline (逾期).</summary>
    public bool IsLate { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    public IReadOnlyList<SectionText> Sections => _sections;

    public IReadOnlyList<FigureValue> Figures => _figures;

    public IReadOnlyList<ReportMedia> Media => _media;

    public IReadOnlyList<ReportFile> Files => _files;

    public IReadOnlyList<ReportEvent> Events => _events;

    public bool IsEditable => Status is ReportStatus.Draft or ReportStatus.Returned;

    /// <summary>Saves the text part. Throws when the report is not editable or <paramref name="expectedVersion"/> is stale.</summary>
    public void Save(ReportContent content, int expectedVersion, DateTimeOffset at, string? by)
    {
        EnsureEditable();
        EnsureVersion(expectedVersion);
        _sections.Clear();
        _sections.AddRange(content.Sections);
        _figures.Clear();
        _figures.AddRange(content.Figures);
        FilerName = Clean(content.FilerName);
        FilerPhone = Clean(content.FilerPhone);
        ResponsiblePerson = Clean(content.ResponsiblePerson);
        Touch(at, by);
    }

    /// <summary>
    /// Media and files are lists of their own: adding or removing one does not touch the text's version, so one person
    /// uploading photos does not make another person's open form stale.
    /// </summary>
    public void AddMedia(MediaKind kind, string outlet, string? title, DateOnly? date, string? link, string? pageOrSlot)
    {
        EnsureEditable();
        var order = _media.Count == 0 ? 1 : _media.Max(m => m.Order) + 1;
        _media.Add(new ReportMedia(order, kind, outlet, title, date, link, pageOrSlot));
        ListVersion++;
    }

    public bool RemoveMedia(int order)
    {
        EnsureEditable();
        ListVersion++;
        return _media.RemoveAll(m => m.Order == order) > 0;
    }

    public void AddFile(ReportFile file)
    {
        EnsureEditable();
        _files.Add(file);
        ListVersion++;
    }

    public bool RemoveFile(Guid storedFileId)
    {
        EnsureEditable();
        ListVersion++;
        return _files.RemoveAll(f => f.StoredFileId == storedFileId) > 0;
    }

    /// <summary>
    /// Freezes the working copy into the next version. Late when <paramref name="at"/> is at or after
    /// <paramref name="dueBy"/> (the first instant after the deadline day, China time).
    /// </summary>
    public ReportVersion Submit(int expectedVersion, DateTimeOffset? dueBy, DateTimeOffset at, string? by)
    {
        EnsureEditable();
        EnsureVersion(expectedVersion);
        LatestVersionNumber++;
        IsLate = dueBy is { } due && at >= due;
        SubmittedAt = at;
        Status = ReportStatus.Submitted;
        Touch(at, by);
        _events.Add(new ReportEvent(ReportEventKind.Submitted, at, by, LatestVersionNumber, IsLate ? "逾期提交" : null));
        return new ReportVersion(this, LatestVersionNumber, at, by, IsLate);
    }

    /// <summary>撤回: back to draft while no reviewer has decided; the withdrawn version stays in the history.</summary>
    public void Withdraw(ReportVersion latest, DateTimeOffset at, string? by)
    {
        if (Status != ReportStatus.Submitted)
        {
            throw new DomainException(Status == ReportStatus.Approved ? "报告已审核通过，不能撤回。" : "只有待审核的报告可以撤回。");
        }

        EnsureLatest(latest);
        latest.MarkWithdrawn(at);
        Status = ReportStatus.Draft;
        Touch(at, by);
        _events.Add(new ReportEvent(ReportEventKind.Withdrawn, at, by, latest.Number, null));
    }

    public void Approve(ReportVersion latest, string? comment, DateTimeOffset at, string? by)
    {
        EnsureSubmitted("通过");
        EnsureLatest(latest);
        latest.Decide(ReviewDecision.Approved, comment, null, at, by);
        Status = ReportStatus.Approved;
        ReviewedAt = at;
        Touch(at, by);
        _events.Add(new ReportEvent(ReportEventKind.Approved, at, by, latest.Number, Clean(comment)));
    }

    /// <summary>退回修改 with a required comment, optionally one per section (by section title).</summary>
    public void Return(ReportVersion latest, string comment, IReadOnlyDictionary<string, string> sectionComments, DateTimeOffset at, string? by)
    {
        EnsureSubmitted("退回");
        EnsureLatest(latest);
        if (string.IsNullOrWhiteSpace(comment))
        {
            throw new DomainException("退回时请填写修改意见。");
        }

        latest.Decide(ReviewDecision.Returned, comment, sectionComments, at, by);
        Status = ReportStatus.Returned;
        ReviewedAt = at;
        Touch(at, by);
        _events.Add(new ReportEvent(ReportEventKind.Returned, at, by, latest.Number, comment.Trim()));
    }

    /// <summary>An organiser reopens an approved report, with a reason; the unit can edit and submit again.</summary>
    public void Reopen(string reason, DateTimeOffset at, string? by)
    {
        if (Status != ReportStatus.Approved)
        {
            throw new DomainException("只有已通过的报告可以重新打开。");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("请填写重新打开的原因。");
        }

        Status = ReportStatus.Returned;
        Touch(at, by);
        _events.Add(new ReportEvent(ReportEventKind.Reopened, at, by, LatestVersionNumber, reason.Trim()));
    }

    /// <summary>Throws the 409 message when the report is submitted or approved.</summary>
    public void EnsureEditable()
    {
        if (!IsEditable)
        {
            throw new DomainException(Status == ReportStatus.Approved
                ? "报告已审核通过，不能再修改。如需修改，请联系活动组织单位重新打开。"
                : "报告已提交，正在等待审核，不能修改。如需修改，请先撤回。");
        }
    }

    private void EnsureSubmitted(string action)
    {
        if (Status != ReportStatus.Submitted)
        {
            throw new DomainException(Status switch
            {
                ReportStatus.Draft => $"报告尚未提交，不能{action}。",
                ReportStatus.Approved => $"报告已审核通过，不能再{action}。",
                _ => $"报告已退回修改，等待单位重新提交，不能{action}。",
            });
        }
    }

    private void EnsureVersion(int expectedVersion)
    {
        if (expectedVersion != Version)
        {
            throw new DomainException("报告已被他人修改，请刷新页面核对后再操作。");
        }
    }

    private void EnsureLatest(ReportVersion latest)
    {
        if (latest.ReportId != Id || latest.Number != LatestVersionNumber)
        {
            throw new DomainException("审核的不是报告的最新提交版本，请刷新页面。");
        }
    }

    private void Touch(DateTimeOffset at, string? by)
    {
        Version++;
        UpdatedAt = at;
        UpdatedBy = by;
    }

    /// <summary>
    /// One-line text as people meant it: control characters (NUL, bell…) and bidirectional overrides (which can make
    /// "王芳" display as something else) removed, trimmed; null when nothing is left.
    /// </summary>
    internal static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var kept = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsControl(c) && c is not ((>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C'))
            {
                kept.Append(c);
            }
        }

        var cleaned = kept.ToString().Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }
}

public enum ReviewDecision
{
    Approved,
    Returned,
}

/// <summary>
/// One submitted version of a report, frozen: sections, figures, media, attachments (with SHA-256), who and when, and
/// the reviewer's decision on it. Never changed afterwards, except the decision and the withdrawal mark.
/// </summary>
public sealed class ReportVersion
{
    private readonly List<SectionText> _sections = [];
    private readonly List<FigureValue> _figures = [];
    private readonly List<ReportMedia> _media = [];
    private readonly List<ReportFile> _files = [];

    private ReportVersion()
    {
    }

    internal ReportVersion(SummaryReport report, int number, DateTimeOffset at, string? by, bool isLate)
    {
        ReportId = report.Id;
        Report = report;
        Number = number;
        SubmittedAt = at;
        SubmittedBy = by;
        IsLate = isLate;
        FilerName = report.FilerName;
        FilerPhone = report.FilerPhone;
        ResponsiblePerson = report.ResponsiblePerson;
        _sections.AddRange(report.Sections.Select(s => s.Copy()));
        _figures.AddRange(report.Figures.Select(f => f.Copy()));
        _media.AddRange(report.Media.Select(m => m.Copy()));
        _files.AddRange(report.Files.Select(f => f.Copy()));
    }

    public long Id { get; private set; }

    public int ReportId { get; private set; }

    public SummaryReport? Report { get; private set; }

    public int Number { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public string? SubmittedBy { get; private set; }

    public bool IsLate { get; private set; }

    public string? FilerName { get; private set; }

    public string? FilerPhone { get; private set; }

    public string? ResponsiblePerson { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    public ReviewDecision? Decision { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    public string? ReviewedBy { get; private set; }

    public string? ReviewComment { get; private set; }

    public IReadOnlyList<SectionText> Sections => _sections;

    public IReadOnlyList<FigureValue> Figures => _figures;

    public IReadOnlyList<ReportMedia> Media => _media;

    public IReadOnlyList<ReportFile> Files => _files;

    internal void MarkWithdrawn(DateTimeOffset at) => WithdrawnAt = at;

    internal void Decide(ReviewDecision decision, string? comment, IReadOnlyDictionary<string, string>? sectionComments, DateTimeOffset at, string? by)
    {
        Decision = decision;
        ReviewComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        ReviewedAt = at;
        ReviewedBy = by;
        foreach (var section in _sections)
        {
            if (sectionComments is not null && sectionComments.TryGetValue(section.Title, out var text) && !string.IsNullOrWhiteSpace(text))
            {
                section.Comment = text.Trim();
            }
        }
    }
}

/// <summary>One line of a report's history: a transition with who, when and the comment.</summary>
public sealed class ReportEvent
{
    private ReportEvent()
    {
    }

    internal ReportEvent(ReportEventKind kind, DateTimeOffset at, string? by, int? versionNumber, string? comment)
    {
        Kind = kind;
        At = at;
        By = by;
        VersionNumber = versionNumber;
        Comment = comment;
    }

    public long Id { get; private set; }

    public int ReportId { get; private set; }

    public ReportEventKind Kind { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string? By { get; private set; }

    public int? VersionNumber { get; private set; }

    public string? Comment { get; private set; }
}
