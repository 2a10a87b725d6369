namespace CampaignPortal.Web.Domain;

/// <summary>How an objection was settled (处理结果).</summary>
public enum ObjectionOutcome
{
    /// <summary>不成立.</summary>
    Rejected,

    /// <summary>成立并取消该候选人: the candidate is taken off the final lists.</summary>
    Upheld,

    /// <summary>其他 (e.g. partly founded, the candidate stays), explained in the handling text.</summary>
    Other,
}

public static class ObjectionNames
{
    public static string ToChinese(this ObjectionOutcome outcome) => outcome switch
    {
        ObjectionOutcome.Upheld => "成立并取消该候选人",
        ObjectionOutcome.Other => "其他",
        _ => "不成立",
    };
}

/// <summary>What an objector writes (validated before it gets here).</summary>
public sealed record ObjectionDetails(string Name, string Unit, string Phone, int? NominationId, string Grounds);

/// <summary>
/// 异议: raised by a member of the public during the 公示 period, in their real name, against one candidate or the
/// result as a whole. Its personal data is seen only by the selection's organiser, who records how it was handled.
/// </summary>
public sealed class Objection
{
    private Objection()
    {
        Reference = Name = Unit = Phone = Grounds = string.Empty;
    }

    public Objection(int announcementId, string reference, ObjectionDetails details, Guid? fileId, DateTimeOffset now)
    {
        AnnouncementId = announcementId;
        Reference = reference;
        Name = details.Name.Trim();
        Unit = details.Unit.Trim();
        Phone = details.Phone.Trim();
        NominationId = details.NominationId;
        Grounds = details.Grounds.Trim();
        FileId = fileId;
        SubmittedAt = now;
    }

    public int Id { get; private set; }

    public int AnnouncementId { get; private set; }

    /// <summary>受理编号 told to the objector, e.g. YY7K3M9Q2A (not the row id).</summary>
    public string Reference { get; private set; }

    public string Name { get; private set; }

    public string Unit { get; private set; }

    public string Phone { get; private set; }

    /// <summary>The candidate objected to; null for the result as a whole.</summary>
    public int? NominationId { get; private set; }

    public Nomination? Nomination { get; private set; }

    public string Grounds { get; private set; }

    public Guid? FileId { get; private set; }

    public StoredFile? File { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public ObjectionOutcome? Outcome { get; private set; }

    /// <summary>核实情况与处理结果.</summary>
    public string? Handling { get; private set; }

    public DateTimeOffset? HandledAt { get; private set; }

    public string? HandledBy { get; private set; }

    /// <summary>Records (or, before the result is final, corrects) how the objection was handled.</summary>
    public void Handle(ObjectionOutcome outcome, string handling, string? handledBy, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(handling))
        {
            throw new DomainException("请填写核实情况与处理结果。");
        }

        if (outcome == ObjectionOutcome.Upheld && NominationId is null)
        {
            throw new DomainException("该异议针对评选结果整体，不能选择“成立并取消该候选人”，请选择“其他”并说明处理结果。");
        }

        Outcome = outcome;
        Handling = handling.Trim();
        HandledAt = now;
        HandledBy = handledBy;
    }
}
