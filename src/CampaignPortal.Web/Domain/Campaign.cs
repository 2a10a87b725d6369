namespace CampaignPortal.Web.Domain;

public enum CampaignStatus
{
    Draft,
    Published,
    Closed,
}

/// <summary>
/// One campaign of one organisation in one year, e.g. "2023年自治区科技活动周": theme, period, activity categories,
/// the report and statistics templates, the report deadline and the participating units.
/// </summary>
public sealed class Campaign
{
    private readonly List<ActivityCategory> _categories = [];
    private readonly List<ReportSection> _sections = [];
    private readonly List<RequiredMaterial> _materials = [];
    private readonly List<Indicator> _indicators = [];
    private readonly List<Participant> _participants = [];

    private Campaign()
    {
        Title = Theme = string.Empty;
    }

    public Campaign(int organisationId, int year, string title, DateTimeOffset createdAt)
    {
        OrganisationId = organisationId;
        Year = year;
        Title = title.Trim();
        Theme = string.Empty;
        Status = CampaignStatus.Draft;
        CreatedAt = createdAt;
    }

    /// <summary>
    /// 转发: a participant's own campaign under <paramref name="parent"/>, with the parent's categories and templates.
    /// It may add indicators but keeps the parent's, and its deadline is no later than the parent's.
    /// </summary>
    public static Campaign Forward(Campaign parent, int organisationId, string title, DateOnly reportDeadline, DateTimeOffset now)
    {
        if (parent.Status != CampaignStatus.Published)
        {
            throw new DomainException("只能转发进行中的活动。");
        }

        if (parent.ReportDeadline is { } limit && reportDeadline > limit)
        {
            throw new DomainException($"转发活动的报送截止日期不能晚于上级活动的截止日期（{limit.Year}年{limit.Month}月{limit.Day}日）。");
        }

        var campaign = new Campaign(organisationId, parent.Year, title, now) { ParentCampaignId = parent.Id };
        campaign.Describe(parent.Year, title, parent.Theme, parent.PeriodStart, parent.PeriodEnd, parent.PeriodText, reportDeadline);
        campaign.CopyTemplatesFrom(parent);
        return campaign;
    }

    /// <summary>A draft for the next year: the same templates, dates a year later, "2020" → "2021" in the title. Participants come when its notice is published.</summary>
    public Campaign CopyForNextYear(DateTimeOffset now)
    {
        var next = Year + 1;
        var copy = new Campaign(OrganisationId, next, ShiftYear(Title, Year), now);
        copy.Describe(next, copy.Title, Theme, PeriodStart?.AddYears(1), PeriodEnd?.AddYears(1), PeriodText, ReportDeadline?.AddYears(1));
        copy.CopyTemplatesFrom(this);
        return copy;
    }

    /// <summary>Categories, report sections, materials and indicators of another campaign, in its order.</summary>
    private void CopyTemplatesFrom(Campaign source)
    {
        ReplaceCategories(source._categories.OrderBy(c => c.Order).Select(c => c.Name));
        ReplaceSections(source._sections.OrderBy(s => s.Order).Select(s => (s.Title, s.Guidance, s.IsRequired)));
        ReplaceMaterials(source._materials.OrderBy(m => m.Order).Select(m => (m.Name, m.Note, m.IsRequired)));
        ReplaceIndicators(source._indicators.OrderBy(i => i.Order)
            .Select(i => new Indicator(i.Code, i.Name, i.Unit, i.ValueType, i.IsRequired, i.Group, i.Prefill, i.Help)));
    }

    /// <summary>"2020 年…" and "2020年…" become the next year; other numbers are left alone.</summary>
    public static string ShiftYear(string text, int year) =>
        text.Replace(year.ToString(System.Globalization.CultureInfo.InvariantCulture), (year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public int Id { get; private set; }

    /// <summary>The owning organisation; its organisers manage the campaign.</summary>
    public int OrganisationId { get; private set; }

    public Organisation? Organisation { get; private set; }

    /// <summary>The campaign one level up this one was forwarded from (转发).</summary>
    public int? ParentCampaignId { get; private set; }

    public int Year { get; private set; }

    public string Title { get; private set; }

    /// <summary>主题, e.g. 热爱科学 崇尚科学.</summary>
    public string Theme { get; private set; }

    public DateOnly? PeriodStart { get; private set; }

    public DateOnly? PeriodEnd { get; private set; }

    /// <summary>The period as the notice words it, e.g. 5月中旬—6月上旬.</summary>
    public string? PeriodText { get; private set; }

    /// <summary>The last day reports are on time ("6月15日前报送"); they are due by the end of that day, China time.</summary>
    public DateOnly? ReportDeadline { get; private set; }

    public CampaignStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<ActivityCategory> Categories => _categories;

    public IReadOnlyList<ReportSection> Sections => _sections;

    public IReadOnlyList<RequiredMaterial> Materials => _materials;

    public IReadOnlyList<Indicator> Indicators => _indicators;

    public IReadOnlyList<Participant> Participants => _participants;

    public void Describe(int year, string title, string? theme, DateOnly? periodStart, DateOnly? periodEnd, string? periodText, DateOnly? reportDeadline)
    {
        EnsureNotClosed();
        if (periodStart is { } start && periodEnd is { } end && end < start)
        {
            throw new DomainException("活动结束日期不能早于开始日期。");
        }

        if (reportDeadline is { } deadline && periodStart is { } begins && deadline < begins)
        {
            throw new DomainException("报送截止日期不能早于活动开始日期。");
        }

        Year = year;
        Title = title.Trim();
        Theme = theme?.Trim() ?? string.Empty;
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        PeriodText = string.IsNullOrWhiteSpace(periodText) ? null : periodText.Trim();
        ReportDeadline = reportDeadline;
    }

    /// <summary>
    /// Sets the categories in order. A category whose name stays keeps its row (activities refer to it); removed ones
    /// are deleted and their activities become uncategorised.
    /// </summary>
    public void ReplaceCategories(IEnumerable<string> names)
    {
        EnsureNotClosed();
        var wanted = names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct().ToList();
        _categories.RemoveAll(c => !wanted.Contains(c.Name));
        for (var i = 0; i < wanted.Count; i++)
        {
            if (_categories.Find(c => c.Name == wanted[i]) is { } kept)
            {
                kept.Order = i + 1;
            }
            else
            {
                _categories.Add(new ActivityCategory(i + 1, wanted[i]));
            }
        }
    }

    /// <summary>Automatic 催报 this many days before each unit's deadline (null: none).</summary>
    public int? RemindDaysBefore { get; private set; } = 3;

    /// <summary>Automatic 催报 the day after a unit's deadline passed without a submission.</summary>
    public bool RemindWhenOverdue { get; private set; } = true;

    /// <summary>The reminder e-mail's subject and text with {单位} {活动} {截止日期} {链接}; null: the portal's wording.</summary>
    public string? ReminderSubject { get; private set; }

    public string? ReminderBody { get; private set; }

    public void SetReminders(int? daysBefore, bool whenOverdue, string? subject, string? body)
    {
        if (daysBefore is < 1 or > 30)
        {
            throw new DomainException("提前提醒的天数应在 1 到 30 之间。");
        }

        RemindDaysBefore = daysBefore;
        RemindWhenOverdue = whenOverdue;
        ReminderSubject = string.IsNullOrWhiteSpace(subject) ? null : subject.Trim();
        ReminderBody = string.IsNullOrWhiteSpace(body) ? null : body.Trim();
    }

    /// <summary>Whether the public may see the campaign's held activities (those the units marked public).</summary>
    public bool ActivitiesPublic { get; private set; }

    public void SetActivitiesPublic(bool value) => ActivitiesPublic = value;

    public void ReplaceSections(IEnumerable<(string Title, string? Guidance, bool IsRequired)> sections)
    {
        EnsureNotClosed();
        _sections.Clear();
        _sections.AddRange(sections.Select((s, i) => new ReportSection(i + 1, s.Title, s.Guidance, s.IsRequired)));
    }

    public void ReplaceMaterials(IEnumerable<(string Name, string? Note, bool IsRequired)> materials)
    {
        EnsureNotClosed();
        _materials.Clear();
        _materials.AddRange(materials.Select((m, i) => new RequiredMaterial(i + 1, m.Name, m.Note, m.IsRequired)));
    }

    /// <summary>Replaces the statistics template. Codes are stable: figures are stored against them.</summary>
    public void ReplaceIndicators(IEnumerable<Indicator> indicators)
    {
        EnsureNotClosed();
        var list = indicators.ToList();
        var duplicate = list.GroupBy(i => i.Code, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DomainException($"统计指标编码“{duplicate.Key}”重复。");
        }

        _indicators.Clear();
        for (var i = 0; i < list.Count; i++)
        {
            list[i].Order = i + 1;
        }

        _indicators.AddRange(list);
    }

    /// <summary>Adds the units, skipping those already taking part. Returns the ones added.</summary>
    public IReadOnlyList<int> AddParticipants(IEnumerable<int> organisationIds, ParticipantSource source, DateTimeOffset at)
    {
        EnsureNotClosed();
        var added = organisationIds.Distinct().Where(id => _participants.All(p => p.OrganisationId != id)).ToList();
        _participants.AddRange(added.Select(id => new Participant(id, source, at)));
        return added;
    }

    public bool RemoveParticipant(int organisationId)
    {
        EnsureNotClosed();
        return _participants.RemoveAll(p => p.OrganisationId == organisationId) > 0;
    }

    /// <summary>
    /// The last day a unit's report is on time: the later of its extension and the campaign's deadline (the campaign's
    /// deadline may move after an extension was granted; an extension never makes a unit due earlier than the rest).
    /// </summary>
    public DateOnly? DeadlineFor(int organisationId) =>
        _participants.Find(p => p.OrganisationId == organisationId)?.ExtendedDeadline is { } extended
            && (ReportDeadline is null || extended > ReportDeadline) ? extended : ReportDeadline;

    /// <summary>延期 for one participant, with a reason; the new day must be after the campaign's deadline.</summary>
    public void ExtendDeadline(int organisationId, DateOnly deadline, string reason, string? by, DateTimeOffset at)
    {
        if (Status != CampaignStatus.Published)
        {
            throw new DomainException("只有进行中的活动可以延期。");
        }

        var participant = _participants.Find(p => p.OrganisationId == organisationId)
            ?? throw new DomainException("该单位不是本活动的填报单位。");
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("请填写延期原因。");
        }

        if (ReportDeadline is { } due && deadline <= due)
        {
            throw new DomainException($"延期后的截止日期须晚于活动的报送截止日期（{due.Year}年{due.Month}月{due.Day}日）。");
        }

        participant.Extend(deadline, reason, by, at);
    }

    public void Publish()
    {
        if (Status != CampaignStatus.Draft)
        {
            throw new DomainException("只有草稿状态的活动可以发布。");
        }

        if (ReportDeadline is null || PeriodStart is null)
        {
            throw new DomainException("发布前请填写活动时间和报送截止日期。");
        }

        Status = CampaignStatus.Published;
    }

    public void Close()
    {
        if (Status != CampaignStatus.Published)
        {
            throw new DomainException("只有已发布的活动可以结束。");
        }

        Status = CampaignStatus.Closed;
    }

    private void EnsureNotClosed()
    {
        if (Status == CampaignStatus.Closed)
        {
            throw new DomainException("活动已结束，不能再修改。");
        }
    }
}

/// <summary>活动板块, e.g. 团结引领 · 建家办事 · 为民服务 · 开放合作 · 表彰发布.</summary>
public sealed class ActivityCategory
{
    private ActivityCategory()
    {
        Name = string.Empty;
    }

    internal ActivityCategory(int order, string name)
    {
        Order = order;
        Name = name.Trim();
    }

    public int Id { get; private set; }

    public int CampaignId { get; private set; }

    public int Order { get; internal set; }

    public string Name { get; private set; }
}

/// <summary>A narrative section of the summary report, with the guidance shown to the filer.</summary>
public sealed class ReportSection
{
    private ReportSection()
    {
        Title = string.Empty;
    }

    internal ReportSection(int order, string title, string? guidance, bool isRequired)
    {
        Order = order;
        Title = title.Trim();
        Guidance = string.IsNullOrWhiteSpace(guidance) ? null : guidance.Trim();
        IsRequired = isRequired;
    }

    public int Id { get; private set; }

    public int CampaignId { get; private set; }

    public int Order { get; private set; }

    public string Title { get; private set; }

    public string? Guidance { get; private set; }

    public bool IsRequired { get; private set; }
}

/// <summary>A material the report must bring (统计表, 照片, 媒体报道, 视频 with its format note).</summary>
public sealed class RequiredMaterial
{
    private RequiredMaterial()
    {
        Name = string.Empty;
    }

    internal RequiredMaterial(int order, string name, string? note, bool isRequired)
    {
        Order = order;
        Name = name.Trim();
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        IsRequired = isRequired;
    }

    public int Id { get; private set; }

    public int CampaignId { get; private set; }

    public int Order { get; private set; }

    public string Name { get; private set; }

    public string? Note { get; private set; }

    public bool IsRequired { get; private set; }
}

public enum ParticipantSource
{
    /// <summary>Made a participant by the main notice's addressees when it was published.</summary>
    Notice,

    /// <summary>Added by the organiser later (补发).</summary>
    Manual,
}

/// <summary>填报单位: a unit taking part in a campaign that files a report to it.</summary>
public sealed class Participant
{
    private Participant()
    {
    }

    internal Participant(int organisationId, ParticipantSource source, DateTimeOffset addedAt)
    {
        OrganisationId = organisationId;
        Source = source;
        AddedAt = addedAt;
    }

    public int Id { get; private set; }

    public int CampaignId { get; private set; }

    public int OrganisationId { get; private set; }

    public Organisation? Organisation { get; private set; }

    public ParticipantSource Source { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    /// <summary>延期: this unit's own last day for the report, later than the campaign's.</summary>
    public DateOnly? ExtendedDeadline { get; private set; }

    public string? ExtensionReason { get; private set; }

    public string? ExtendedBy { get; private set; }

    public DateTimeOffset? ExtendedAt { get; private set; }

    internal void Extend(DateOnly deadline, string reason, string? by, DateTimeOffset at)
    {
        ExtendedDeadline = deadline;
        ExtensionReason = reason.Trim();
        ExtendedBy = by;
        ExtendedAt = at;
    }
}
