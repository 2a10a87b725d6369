namespace CampaignPortal.Web.Domain;

/// <summary>
/// How many activities one unit registered in one category of a campaign, how many were held and with how many
/// participants. The organiser's activity list and the roll-up read these (one row per unit and category) instead of
/// counting every activity on every view. <see cref="Data.AppDbContext"/> recomputes the rows an activity change
/// touches, from the activities themselves, in the transaction of the change; nothing else writes them.
/// </summary>
public sealed class ActivityTally
{
    /// <summary><see cref="CategoryKey"/> of the activities without a category (category ids start at 1).</summary>
    public const int Uncategorised = 0;

    private ActivityTally()
    {
    }

    internal ActivityTally(int campaignId, int organisationId, int categoryKey, int count, int held, long heldParticipants)
    {
        CampaignId = campaignId;
        OrganisationId = organisationId;
        CategoryKey = categoryKey;
        Count = count;
        Held = held;
        HeldParticipants = heldParticipants;
    }

    public int CampaignId { get; private set; }

    public int OrganisationId { get; private set; }

    /// <summary>The category's id, or <see cref="Uncategorised"/> (a key column cannot be NULL).</summary>
    public int CategoryKey { get; private set; }

    public int Count { get; private set; }

    public int Held { get; private set; }

    /// <summary>The actual participants of the held activities.</summary>
    public long HeldParticipants { get; private set; }
}
