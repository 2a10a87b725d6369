namespace CampaignPortal.Web.Domain;

/// <summary>How a sub-venue joins its main event.</summary>
public enum SubVenueConnection
{
    VideoConference,
    LiveStream,
    OnSite,
}

public enum SubVenueStatus
{
    Registered,
    Held,
    Cancelled,
}

public static class SubVenueNames
{
    public static string ToChinese(this SubVenueConnection connection) => connection switch
    {
        SubVenueConnection.LiveStream => "网络直播",
        SubVenueConnection.OnSite => "现场参加",
        _ => "视频会议",
    };

    public static string ToChinese(this SubVenueStatus status) => status switch
    {
        SubVenueStatus.Held => "已举办",
        SubVenueStatus.Cancelled => "已取消",
        _ => "已报名",
    };
}

/// <summary>主会场: an event of the organiser to which units join sub-venues (Xinjiang, 30 May 2022, 新疆科技馆).</summary>
public sealed class MainEvent
{
    private MainEvent()
    {
        Title = Venue = string.Empty;
    }

    public MainEvent(int campaignId, string title, DateOnly date, string venue, string? address, string? description)
    {
        CampaignId = campaignId;
        Title = Venue = string.Empty;
        Describe(title, date, venue, address, description);
    }

    public int Id { get; private set; }

    public int CampaignId { get; private set; }

    public string Title { get; private set; }

    public DateOnly Date { get; private set; }

    public string Venue { get; private set; }

    public string? Address { get; private set; }

    public string? Description { get; private set; }

    public void Describe(string title, DateOnly date, string venue, string? address, string? description)
    {
        Title = title.Trim();
        Date = date;
        Venue = venue.Trim();
        Address = string.IsNullOrWhiteSpace(address) ? null : address.Trim();
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
    }
}

/// <summary>分会场: a unit's venue joined to a main event; one per unit and main event.</summary>
public sealed class SubVenue
{
    private SubVenue()
    {
        Place = string.Empty;
    }

    public SubVenue(int mainEventId, int organisationId, string place, int? expectedAttendees, SubVenueConnection connection, string? contact, DateTimeOffset at)
    {
        MainEventId = mainEventId;
        OrganisationId = organisationId;
        Place = string.Empty;
        Status = SubVenueStatus.Registered;
        CreatedAt = at;
        Describe(place, expectedAttendees, connection, contact, at);
    }

    public int Id { get; private set; }

    public int MainEventId { get; private set; }

    public MainEvent? MainEvent { get; private set; }

    public int OrganisationId { get; private set; }

    public Organisation? Organisation { get; private set; }

    public string Place { get; private set; }

    public int? ExpectedAttendees { get; private set; }

    public int? ActualAttendees { get; private set; }

    public SubVenueConnection Connection { get; private set; }

    public string? Contact { get; private set; }

    public SubVenueStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public void Describe(string place, int? expectedAttendees, SubVenueConnection connection, string? contact, DateTimeOffset at)
    {
        if (expectedAttendees is < 0 or > Activity.MaxParticipants)
        {
            throw new DomainException("预计参加人数应在 0 到 10,000,000 之间。");
        }

        Place = place.Trim();
        ExpectedAttendees = expectedAttendees;
        Connection = connection;
        Contact = string.IsNullOrWhiteSpace(contact) ? null : contact.Trim();
        UpdatedAt = at;
    }

    public void MarkHeld(int? actualAttendees, DateTimeOffset at)
    {
        if (actualAttendees is < 0 or > Activity.MaxParticipants)
        {
            throw new DomainException("实际参加人数应在 0 到 10,000,000 之间。");
        }

        Status = SubVenueStatus.Held;
        ActualAttendees = actualAttendees;
        UpdatedAt = at;
    }

    public void Cancel(DateTimeOffset at)
    {
        Status = SubVenueStatus.Cancelled;
        UpdatedAt = at;
    }

    public void Reregister(DateTimeOffset at)
    {
        Status = SubVenueStatus.Registered;
        ActualAttendees = null;
        UpdatedAt = at;
    }
}
