namespace CampaignPortal.Web.Domain;

/// <summary>What the selection's organiser writes about it (validated before it gets here).</summary>
public sealed record SelectionDetails(
    string Title, string? Description, string? Eligibility, DateOnly NominationOpens, DateOnly NominationCloses, int QuotaPerUnit);

/// <summary>
/// 评选: a multi-round award selection of a campaign, e.g. 2022 "新疆最美科技工作者". Units nominate candidates within
/// the nomination window and their quota; the organiser checks eligibility (资格审查); experts granted per selection
/// vote in rounds; the final result names the winners and, separately, the candidates put forward to the next level.
/// </summary>
public sealed class Selection
{
    private readonly List<SelectionGroup> _groups = [];

    private Selection()
    {
        Title = string.Empty;
    }

    public Selection(int campaignId, int organisationId, SelectionDetails details, DateTimeOffset createdAt)
    {
        CampaignId = campaignId;
        OrganisationId = organisationId;
        CreatedAt = createdAt;
        Title = string.Empty;
        Describe(details);
    }

    public int Id { get; private set; }

    public int CampaignId { get; private set; }

    /// <summary>The campaign's organisation, which runs the selection (copied so every check is one column).</summary>
    public int OrganisationId { get; private set; }

    public string Title { get; private set; }

    public string? Description { get; private set; }

    /// <summary>推荐条件, as the notice words them.</summary>
    public string? Eligibility { get; private set; }

    /// <summary>First day of nominations, China time.</summary>
    public DateOnly NominationOpens { get; private set; }

    /// <summary>Last day of nominations, until the end of that day China time.</summary>
    public DateOnly NominationCloses { get; private set; }

    /// <summary>推荐名额: submitted nominations per unit.</summary>
    public int QuotaPerUnit { get; private set; }

    /// <summary>When the final result was recorded; the selection is then finished.</summary>
    public DateTimeOffset? FinishedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<SelectionGroup> Groups => _groups;

    public void Describe(SelectionDetails details)
    {
        if (details.NominationCloses < details.NominationOpens)
        {
            throw new DomainException("推荐截止日期不能早于开始日期。");
        }

        if (details.QuotaPerUnit < 1)
        {
            throw new DomainException("每个单位的推荐名额至少为 1 名。");
        }

        Title = details.Title.Trim();
        Description = details.Description;
        Eligibility = details.Eligibility;
        NominationOpens = details.NominationOpens;
        NominationCloses = details.NominationCloses;
        QuotaPerUnit = details.QuotaPerUnit;
    }

    public bool IsNominationOpen(DateOnly today) => FinishedAt is null && today >= NominationOpens && today <= NominationCloses;

    public SelectionGroup AddGroup(string name)
    {
        name = name.Trim();
        if (_groups.Any(g => g.Name == name))
        {
            throw new DomainException($"已有名为“{name}”的学科组。");
        }

        var group = new SelectionGroup(name, _groups.Count == 0 ? 1 : _groups.Max(g => g.Order) + 1);
        _groups.Add(group);
        return group;
    }

    /// <summary>Removes a group nobody uses (the caller checks nominations and experts); the last one stays.</summary>
    public SelectionGroup RemoveGroup(int groupId)
    {
        var group = _groups.SingleOrDefault(g => g.Id == groupId) ?? throw new DomainException("没有这个学科组。");
        if (_groups.Count == 1)
        {
            throw new DomainException("评选至少要有一个学科组，不能删除最后一个。");
        }

        _groups.Remove(group);
        return group;
    }

    public void Finish(DateTimeOffset now)
    {
        if (FinishedAt is not null)
        {
            throw new DomainException("评选结果已经确定。");
        }

        FinishedAt = now;
    }
}

/// <summary>学科组: a discipline group; candidates belong to one, and a round's panel may vote per group.</summary>
public sealed class SelectionGroup
{
    private SelectionGroup()
    {
        Name = string.Empty;
    }

    public SelectionGroup(string name, int order)
    {
        Name = name;
        Order = order;
    }

    public int Id { get; private set; }

    public int SelectionId { get; private set; }

    public string Name { get; private set; }

    public int Order { get; private set; }
}

/// <summary>
/// 评审专家 of one selection, granted by its organiser, whatever the expert's organisation. With a group the expert
/// sits on that group only (sees and votes on its candidates); without, on the whole selection.
/// </summary>
public sealed class SelectionExpert
{
    private SelectionExpert()
    {
        UserId = string.Empty;
    }

    public SelectionExpert(int selectionId, string userId, int? groupId, DateTimeOffset grantedAt)
    {
        SelectionId = selectionId;
        UserId = userId;
        GroupId = groupId;
        GrantedAt = grantedAt;
    }

    public int Id { get; private set; }

    public int SelectionId { get; private set; }

    public string UserId { get; private set; }

    public ApplicationUser? User { get; private set; }

    public int? GroupId { get; private set; }

    public SelectionGroup? Group { get; private set; }

    public DateTimeOffset GrantedAt { get; private set; }

    public bool SitsOn(int groupId) => GroupId is null || GroupId == groupId;
}
