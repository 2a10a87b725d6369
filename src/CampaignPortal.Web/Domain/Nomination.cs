namespace CampaignPortal.Web.Domain;

public enum Gender
{
    Male,
    Female,
}

/// <summary>Draft → Submitted → Eligible (资格审查通过) or Rejected (with a reason the unit sees); Submitted → Draft by withdrawing while the window is open.</summary>
public enum NominationStatus
{
    Draft,
    Submitted,
    Eligible,
    Rejected,
}

public static class NominationNames
{
    public static string ToChinese(this Gender gender) => gender == Gender.Female ? "女" : "男";

    public static string ToChinese(this NominationStatus status) => status switch
    {
        NominationStatus.Submitted => "已推荐",
        NominationStatus.Eligible => "审查通过",
        NominationStatus.Rejected => "审查未通过",
        _ => "草稿",
    };
}

/// <summary>The nomination form's fields (推荐表), validated before they get here.</summary>
public sealed record CandidateDetails(
    string Name, Gender Gender, int BirthYear, string Organisation, string? Title, int GroupId, string? Achievements, string? UnitOpinion);

/// <summary>One candidate nominated by one unit (推荐单位) to a selection.</summary>
public sealed class Nomination
{
    private readonly List<NominationFile> _files = [];

    private Nomination()
    {
        Name = CandidateOrganisation = string.Empty;
    }

    public Nomination(int selectionId, int organisationId, CandidateDetails details, DateTimeOffset createdAt)
    {
        SelectionId = selectionId;
        OrganisationId = organisationId;
        Status = NominationStatus.Draft;
        CreatedAt = UpdatedAt = createdAt;
        Name = CandidateOrganisation = string.Empty;
        Describe(details, createdAt);
    }

    public int Id { get; private set; }

    public int SelectionId { get; private set; }

    /// <summary>The nominating unit.</summary>
    public int OrganisationId { get; private set; }

    public Organisation? Organisation { get; private set; }

    public string Name { get; private set; }

    public Gender Gender { get; private set; }

    public int BirthYear { get; private set; }

    /// <summary>工作单位, free text: the candidate's employer is rarely on the portal.</summary>
    public string CandidateOrganisation { get; private set; }

    /// <summary>职务/职称.</summary>
    public string? Title { get; private set; }

    public int GroupId { get; private set; }

    public SelectionGroup? Group { get; private set; }

    /// <summary>主要事迹, sanitised rich text.</summary>
    public string? Achievements { get; private set; }

    /// <summary>推荐单位意见.</summary>
    public string? UnitOpinion { get; private set; }

    public NominationStatus Status { get; private set; }

    public string? RejectionReason { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>最终结果: named a winner (当选).</summary>
    public bool IsWinner { get; private set; }

    /// <summary>最终结果: put forward to the next level (向上级推荐); may overlap with <see cref="IsWinner"/>.</summary>
    public bool IsPutForward { get; private set; }

    public IReadOnlyList<NominationFile> Files => _files;

    public void Describe(CandidateDetails details, DateTimeOffset now)
    {
        EnsureDraft();
        Name = details.Name.Trim();
        Gender = details.Gender;
        BirthYear = details.BirthYear;
        CandidateOrganisation = details.Organisation.Trim();
        Title = details.Title;
        GroupId = details.GroupId;
        Achievements = details.Achievements;
        UnitOpinion = details.UnitOpinion;
        UpdatedAt = now;
    }

    public void AddFile(Guid storedFileId)
    {
        EnsureDraft();
        _files.Add(new NominationFile(storedFileId));
    }

    /// <summary>Takes a supporting file off the draft; false when it is not one of this nomination's.</summary>
    public bool RemoveFile(Guid storedFileId)
    {
        EnsureDraft();
        return _files.RemoveAll(f => f.StoredFileId == storedFileId) > 0;
    }

    public void Submit(DateTimeOffset now)
    {
        EnsureDraft();
        if (string.IsNullOrWhiteSpace(Achievements) || string.IsNullOrWhiteSpace(UnitOpinion))
        {
            throw new DomainException("请填写主要事迹和推荐单位意见后再提交。");
        }

        Status = NominationStatus.Submitted;
        SubmittedAt = UpdatedAt = now;
    }

    public void Withdraw(DateTimeOffset now)
    {
        if (Status != NominationStatus.Submitted)
        {
            throw new DomainException("只能撤回已推荐、尚未审查的候选人。");
        }

        Status = NominationStatus.Draft;
        SubmittedAt = null;
        UpdatedAt = now;
    }

    public void Pass(DateTimeOffset now)
    {
        EnsureSubmittedOrChecked();
        Status = NominationStatus.Eligible;
        RejectionReason = null;
        UpdatedAt = now;
    }

    public void Reject(string reason, DateTimeOffset now)
    {
        EnsureSubmittedOrChecked();
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("请填写不通过的原因。");
        }

        Status = NominationStatus.Rejected;
        RejectionReason = reason.Trim();
        UpdatedAt = now;
    }

    public void SetResult(bool winner, bool putForward)
    {
        IsWinner = winner;
        IsPutForward = putForward;
    }

    private void EnsureDraft()
    {
        if (Status != NominationStatus.Draft)
        {
            throw new DomainException("已提交的推荐不能修改；如需修改，请在推荐截止前撤回。");
        }
    }

    private void EnsureSubmittedOrChecked()
    {
        if (Status == NominationStatus.Draft)
        {
            throw new DomainException("草稿不能进行资格审查。");
        }
    }
}

/// <summary>A supporting file (证明材料) of a nomination.</summary>
public sealed class NominationFile
{
    private NominationFile()
    {
    }

    public NominationFile(Guid storedFileId)
    {
        StoredFileId = storedFileId;
    }

    public int Id { get; private set; }

    public int NominationId { get; private set; }

    public Guid StoredFileId { get; private set; }

    public StoredFile? File { get; private set; }
}
