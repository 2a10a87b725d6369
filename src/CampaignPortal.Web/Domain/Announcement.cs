namespace CampaignPortal.Web.Domain;

/// <summary>What the organiser writes in a 公示 (validated before it gets here).</summary>
public sealed record AnnouncementDetails(string Title, string Body, DateOnly StartsOn, int WorkingDays, string ContactName, string ContactPhone);

/// <summary>
/// 公示 of a selection's proposed result (拟当选 and 拟推荐), then the final result and its publication (结果公布).
/// Published → (period ends, every objection handled) Finalised → ResultPublished. The proposed lists are copied into
/// <see cref="Entries"/> when the 公示 is published; an upheld objection takes its candidate off the final lists.
/// </summary>
public sealed class Announcement
{
    private readonly List<AnnouncementEntry> _entries = [];

    private Announcement()
    {
        Title = Body = ContactName = ContactPhone = string.Empty;
    }

    public Announcement(int selectionId, int organisationId, AnnouncementDetails details, IEnumerable<AnnouncementEntry> entries, DateTimeOffset now)
    {
        if (details.StartsOn < ChinaToday(now))
        {
            throw new DomainException("公示开始日期不能早于今天。");
        }

        if (details.WorkingDays is < 1 or > 30)
        {
            throw new DomainException("公示期应为 1 至 30 个工作日。");
        }

        SelectionId = selectionId;
        OrganisationId = organisationId;
        Title = details.Title.Trim();
        Body = details.Body.Trim();
        StartsOn = details.StartsOn;
        WorkingDays = details.WorkingDays;
        EndsOn = Domain.WorkingDays.End(details.StartsOn, details.WorkingDays);
        StartsAt = Infrastructure.ChinaTime.FromChinaLocal(StartsOn.ToDateTime(TimeOnly.MinValue));
        EndsAt = Infrastructure.ChinaTime.EndOfDayUtc(EndsOn);
        ContactName = details.ContactName.Trim();
        ContactPhone = details.ContactPhone.Trim();
        PublishedAt = now;
        _entries.AddRange(entries);
        if (_entries.Count == 0)
        {
            throw new DomainException("没有拟当选或拟推荐的人选，不能发布公示。");
        }
    }

    public int Id { get; private set; }

    public int SelectionId { get; private set; }

    /// <summary>The selection's organising organisation (copied so every check is one column).</summary>
    public int OrganisationId { get; private set; }

    public string Title { get; private set; }

    /// <summary>公示正文, plain text in paragraphs.</summary>
    public string Body { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public int WorkingDays { get; private set; }

    /// <summary>Last day of the period, computed in working days (weekends only, see <see cref="Domain.WorkingDays"/>).</summary>
    public DateOnly EndsOn { get; private set; }

    /// <summary>Start of <see cref="StartsOn"/> in China.</summary>
    public DateTimeOffset StartsAt { get; private set; }

    /// <summary>End of <see cref="EndsOn"/> in China: objections until then, finalising only after.</summary>
    public DateTimeOffset EndsAt { get; private set; }

    public string ContactName { get; private set; }

    public string ContactPhone { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    public DateTimeOffset? FinalisedAt { get; private set; }

    public DateTimeOffset? ResultPublishedAt { get; private set; }

    public IReadOnlyList<AnnouncementEntry> Entries => _entries;

    public string PeriodText => Domain.WorkingDays.PeriodText(StartsOn, EndsOn);

    public bool AcceptsObjections(DateTimeOffset now) => FinalisedAt is null && now >= StartsAt && now < EndsAt;

    /// <summary>The result becomes final: only after the period and with every objection handled; upheld ones remove their candidates.</summary>
    public void Finalise(int unhandledObjections, IReadOnlySet<int> upheldAgainst, DateTimeOffset now)
    {
        if (FinalisedAt is not null)
        {
            throw new DomainException("评选结果已经确定。");
        }

        if (now < EndsAt)
        {
            throw new DomainException($"公示期（{PeriodText}）尚未结束，期满后才能确定最终结果。");
        }

        if (unhandledObjections > 0)
        {
            throw new DomainException($"还有 {unhandledObjections} 条异议尚未处理，全部处理后才能确定最终结果。");
        }

        foreach (var entry in _entries)
        {
            entry.SetRemoved(upheldAgainst.Contains(entry.NominationId));
        }

        FinalisedAt = now;
    }

    public void PublishResult(DateTimeOffset now)
    {
        if (FinalisedAt is null)
        {
            throw new DomainException("请先确定最终结果，再公布评选结果。");
        }

        if (ResultPublishedAt is not null)
        {
            throw new DomainException("评选结果已经公布。");
        }

        ResultPublishedAt = now;
    }

    /// <summary>Citation and photo may change until the result is published.</summary>
    public AnnouncementEntry Editable(int entryId)
    {
        if (ResultPublishedAt is not null)
        {
            throw new DomainException("评选结果已经公布，不能再修改事迹简介和照片。");
        }

        return _entries.SingleOrDefault(e => e.Id == entryId) ?? throw new DomainException("没有找到该人选。");
    }

    private static DateOnly ChinaToday(DateTimeOffset now) => DateOnly.FromDateTime(Infrastructure.ChinaTime.ToChina(now).DateTime);
}

/// <summary>A candidate on the 公示: 拟当选 and/or 拟推荐, a short citation (事迹简介) and an optional photo for the publication.</summary>
public sealed class AnnouncementEntry
{
    private AnnouncementEntry()
    {
    }

    public AnnouncementEntry(int nominationId, bool isWinner, bool isPutForward, string? citation)
    {
        NominationId = nominationId;
        IsWinner = isWinner;
        IsPutForward = isPutForward;
        Citation = citation;
    }

    public int Id { get; private set; }

    public int AnnouncementId { get; private set; }

    public int NominationId { get; private set; }

    public Nomination? Nomination { get; private set; }

    public bool IsWinner { get; private set; }

    public bool IsPutForward { get; private set; }

    public string? Citation { get; private set; }

    public Guid? PhotoFileId { get; private set; }

    public StoredFile? Photo { get; private set; }

    /// <summary>Taken off the final lists by an upheld objection (set when the result is finalised).</summary>
    public bool Removed { get; private set; }

    public void SetCitation(string? citation) => Citation = string.IsNullOrWhiteSpace(citation) ? null : citation.Trim();

    public void SetPhoto(Guid fileId) => PhotoFileId = fileId;

    public void SetRemoved(bool removed) => Removed = removed;
}
