namespace CampaignPortal.Web.Domain;

/// <summary>活动类型 (DOMAIN.md).</summary>
public enum ActivityKind
{
    Lecture,
    Symposium,
    Visit,
    Exhibition,
    Campus,
    Volunteer,
    Award,
    Launch,
    Other,
}

/// <summary>活动形式.</summary>
public enum ActivityForm
{
    Offline,
    Online,
    Hybrid,
}

public enum ActivityStatus
{
    Planned,
    Held,
    Cancelled,
}

/// <summary>媒体类型.</summary>
public enum MediaKind
{
    Newspaper,
    Television,
    Radio,
    Website,
    NewMedia,
}

public static class ActivityNames
{
    public static string ToChinese(this ActivityKind kind) => kind switch
    {
        ActivityKind.Lecture => "报告会",
        ActivityKind.Symposium => "座谈会",
        ActivityKind.Visit => "走访慰问",
        ActivityKind.Exhibition => "展览",
        ActivityKind.Campus => "科普进校园",
        ActivityKind.Volunteer => "科技志愿服务",
        ActivityKind.Award => "评选表彰",
        ActivityKind.Launch => "启动仪式",
        _ => "其他",
    };

    public static string ToChinese(this ActivityForm form) => form switch
    {
        ActivityForm.Online => "线上",
        ActivityForm.Hybrid => "线上线下",
        _ => "线下",
    };

    public static string ToChinese(this ActivityStatus status) => status switch
    {
        ActivityStatus.Held => "已举办",
        ActivityStatus.Cancelled => "已取消",
        _ => "计划中",
    };

    public static string ToChinese(this MediaKind kind) => kind switch
    {
        MediaKind.Newspaper => "报纸",
        MediaKind.Television => "电视",
        MediaKind.Radio => "广播",
        MediaKind.Website => "网站",
        _ => "新媒体",
    };
}

/// <summary>What a unit writes about a planned activity (validated before it gets here).</summary>
public sealed record ActivityDetails(
    string Title, int? CategoryId, ActivityKind Kind, ActivityForm Form, DateOnly StartDate, DateOnly EndDate, bool OutsidePeriod,
    string? Venue, string? Address, string? OnlineLink, string? Organisers, string? CoOrganisers, string? Audience,
    int? ExpectedParticipants, string? Description, string? ContactName, string? ContactPhone, bool IsPublic);

/// <summary>
/// 活动项目: something a unit does under a campaign. Planned → Held (actual participants, outcome, photos, media) or
/// Cancelled (with a reason); a held or cancelled activity can be set back to planned while still editable.
/// </summary>
public sealed class Activity
{
    public const int MaxParticipants = 10_000_000;

    private readonly List<ActivityMedia> _media = [];
    private readonly List<ActivityPhoto> _photos = [];

    private Activity()
    {
        Title = string.Empty;
    }

    public Activity(int campaignId, int organisationId, ActivityDetails details, DateTimeOffset createdAt)
    {
        CampaignId = campaignId;
        OrganisationId = organisationId;
        Status = ActivityStatus.Planned;
        CreatedAt = createdAt;
        Title = string.Empty;
        Describe(details, createdAt);
    }

    public int Id { get; private set; }

    public int CampaignId { get; private set; }

    /// <summary>The registering unit (a participant, or the campaign's own organisation).</summary>
    public int OrganisationId { get; private set; }

    public Organisation? Organisation { get; private set; }

    public string Title { get; private set; }

    public int? CategoryId { get; private set; }

    public ActivityCategory? Category { get; private set; }

    public ActivityKind Kind { get; private set; }

    public ActivityForm Form { get; private set; }

    public DateOnly StartDate { get; private set; }

    public DateOnly EndDate { get; private set; }

    /// <summary>Marked by the unit when the activity falls (partly) outside the campaign period on purpose.</summary>
    public bool OutsidePeriod { get; private set; }

    public string? Venue { get; private set; }

    public string? Address { get; private set; }

    /// <summary>http(s) only.</summary>
    public string? OnlineLink { get; private set; }

    /// <summary>主办单位: units from the tree or free text, separated by "、".</summary>
    public string? Organisers { get; private set; }

    /// <summary>协办/承办单位.</summary>
    public string? CoOrganisers { get; private set; }

    public string? Audience { get; private set; }

    public int? ExpectedParticipants { get; private set; }

    public string? Description { get; private set; }

    public string? ContactName { get; private set; }

    public string? ContactPhone { get; private set; }

    /// <summary>Shown in the campaign's public list of held activities, when the organiser opens that list.</summary>
    public bool IsPublic { get; private set; }

    public ActivityStatus Status { get; private set; }

    public int? ActualParticipants { get; private set; }

    public string? Outcome { get; private set; }

    public string? CancellationReason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<ActivityMedia> Media => _media;

    public IReadOnlyList<ActivityPhoto> Photos => _photos;

    public void Describe(ActivityDetails details, DateTimeOffset at)
    {
        if (details.EndDate < details.StartDate)
        {
            throw new DomainException("结束日期不能早于开始日期。");
        }

        if (details.ExpectedParticipants is < 0 or > MaxParticipants)
        {
            throw new DomainException("预计参与人数应在 0 到 10,000,000 之间。");
        }

        if (details.OnlineLink is { } link && !IsWebLink(link))
        {
            throw new DomainException("线上链接须以 http:// 或 https:// 开头。");
        }

        Title = details.Title.Trim();
        CategoryId = details.CategoryId;
        Kind = details.Kind;
        Form = details.Form;
        StartDate = details.StartDate;
        EndDate = details.EndDate;
        OutsidePeriod = details.OutsidePeriod;
        Venue = Clean(details.Venue);
        Address = Clean(details.Address);
        OnlineLink = Clean(details.OnlineLink);
        Organisers = Clean(details.Organisers);
        CoOrganisers = Clean(details.CoOrganisers);
        Audience = Clean(details.Audience);
        ExpectedParticipants = details.ExpectedParticipants;
        Description = Clean(details.Description);
        ContactName = Clean(details.ContactName);
        ContactPhone = Clean(details.ContactPhone);
        IsPublic = details.IsPublic;
        UpdatedAt = at;
    }

    public void MarkHeld(int actualParticipants, string? outcome, DateTimeOffset at)
    {
        if (actualParticipants is < 0 or > MaxParticipants)
        {
            throw new DomainException("实际参与人数应在 0 到 10,000,000 之间。");
        }

        Status = ActivityStatus.Held;
        ActualParticipants = actualParticipants;
        Outcome = Clean(outcome);
        CancellationReason = null;
        UpdatedAt = at;
    }

    public void Cancel(string reason, DateTimeOffset at)
    {
        if (Status == ActivityStatus.Cancelled)
        {
            throw new DomainException("该活动已经取消。");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("请填写取消原因。");
        }

        Status = ActivityStatus.Cancelled;
        CancellationReason = reason.Trim();
        UpdatedAt = at;
    }

    /// <summary>Back to planned (e.g. a cancelled activity takes place after all, or "held" was marked by mistake).</summary>
    public void Replan(DateTimeOffset at)
    {
        if (Status == ActivityStatus.Planned)
        {
            throw new DomainException("该活动已是计划中状态。");
        }

        Status = ActivityStatus.Planned;
        ActualParticipants = null;
        CancellationReason = null;
        UpdatedAt = at;
    }

    public ActivityMedia AddMedia(MediaKind kind, string outlet, string? title, DateOnly? date, string? link, string? pageOrSlot, DateTimeOffset at)
    {
        if (link is { Length: > 0 } && !IsWebLink(link))
        {
            throw new DomainException("报道链接须以 http:// 或 https:// 开头。");
        }

        var media = new ActivityMedia(kind, outlet.Trim(), Clean(title), date, Clean(link), Clean(pageOrSlot));
        _media.Add(media);
        UpdatedAt = at;
        return media;
    }

    public bool RemoveMedia(int mediaId) => _media.RemoveAll(m => m.Id == mediaId) > 0;

    public void AddPhoto(Guid fileId, string? caption, DateTimeOffset at)
    {
        _photos.Add(new ActivityPhoto(_photos.Count == 0 ? 1 : _photos.Max(p => p.Order) + 1, fileId, Clean(caption)));
        UpdatedAt = at;
    }

    public bool RemovePhoto(Guid fileId) => _photos.RemoveAll(p => p.StoredFileId == fileId) > 0;

    /// <summary>Only absolute http and https links: no javascript:, data:, file: or relative ones.</summary>
    public static bool IsWebLink(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>媒体报道 of an activity: outlet, title, date, link, kind, page or slot.</summary>
public sealed class ActivityMedia
{
    private ActivityMedia()
    {
        Outlet = string.Empty;
    }

    internal ActivityMedia(MediaKind kind, string outlet, string? title, DateOnly? date, string? link, string? pageOrSlot)
    {
        Kind = kind;
        Outlet = outlet;
        Title = title;
        Date = date;
        Link = link;
        PageOrSlot = pageOrSlot;
    }

    public int Id { get; private set; }

    public int ActivityId { get; private set; }

    public MediaKind Kind { get; private set; }

    /// <summary>e.g. 新疆日报, 人民网新疆频道.</summary>
    public string Outlet { get; private set; }

    public string? Title { get; private set; }

    public DateOnly? Date { get; private set; }

    public string? Link { get; private set; }

    /// <summary>版面或栏目, e.g. 第3版, 《新闻联播》.</summary>
    public string? PageOrSlot { get; private set; }
}

/// <summary>A photo of a held activity, with its caption.</summary>
public sealed class ActivityPhoto
{
    private ActivityPhoto()
    {
    }

    internal ActivityPhoto(int order, Guid storedFileId, string? caption)
    {
        Order = order;
        StoredFileId = storedFileId;
        Caption = caption;
    }

    public int Id { get; private set; }

    public int ActivityId { get; private set; }

    public int Order { get; private set; }

    public Guid StoredFileId { get; private set; }

    public StoredFile? File { get; private set; }

    public string? Caption { get; private set; }
}
