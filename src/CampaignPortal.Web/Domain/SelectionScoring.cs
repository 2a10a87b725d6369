namespace CampaignPortal.Web.Domain;

/// <summary>
/// Scoring (评分) and ranking (排序) rounds. A scoring round has criteria with weights; each panellist scores each of
/// their candidates 1–10 per criterion. A ranking round has none; each panellist ranks their candidates 1..n. Scores and
/// ranks are secret until the organiser ends the round; then every candidate's result (<see cref="ScoreMath"/>) is
/// written to <see cref="RoundCandidate.Hundredths"/> and the cut-off decides, ties at the line waiting for the organiser.
/// </summary>
public sealed partial class SelectionRound
{
    private readonly List<RoundCriterion> _criteria = [];

    /// <summary>Scoring rounds: drop the single highest and lowest expert score of a candidate scored by five or more.</summary>
    public bool DropExtremes { get; private set; }

    public IReadOnlyList<RoundCriterion> Criteria => _criteria;

    public static SelectionRound ScoringRound(
        int selectionId, int number, string name, RoundKind kind, bool perGroup, DateTimeOffset dueAt, CutOff cutOff, bool dropExtremes, IEnumerable<(string Name, int Weight)> criteria,
        IEnumerable<(int NominationId, int GroupId)> candidates, IEnumerable<int> expertIds, DateTimeOffset now)
    {
        if (kind is not (RoundKind.Scoring or RoundKind.Ranking))
        {
            throw new DomainException("请选择网络评分或网络排序。");
        }

        if (cutOff.Rule == Domain.CutOffRule.MinimumYes || (cutOff.Rule == Domain.CutOffRule.MinimumScore && kind != RoundKind.Scoring))
        {
            throw new DomainException(kind == RoundKind.Scoring ? "评分轮次不能按赞成票数晋级。" : "排序轮次只能按名次取前若干名或按比例推荐。");
        }

        var round = new SelectionRound(selectionId, number, name, kind, now)
        {
            PerGroup = perGroup,
            DueAt = dueAt,
            CutOffRule = cutOff.Rule,
            CutOffCount = cutOff.Count,
            FractionNumerator = cutOff.Numerator,
            FractionDenominator = cutOff.Denominator,
            DropExtremes = kind == RoundKind.Scoring && dropExtremes,
        };
        if (kind == RoundKind.Scoring)
        {
            foreach (var (criterion, weight) in criteria)
            {
                if (weight <= 0)
                {
                    throw new DomainException($"评分标准“{criterion}”的权重必须大于 0。");
                }

                round._criteria.Add(new RoundCriterion(criterion.Trim(), weight, round._criteria.Count + 1));
            }

            if (round._criteria.Count == 0)
            {
                throw new DomainException("请至少设置一项评分标准。");
            }
        }

        round._candidates.AddRange(candidates.Select(c => new RoundCandidate(c.NominationId, c.GroupId)));
        round._panel.AddRange(expertIds.Distinct().Select(id => new RoundPanellist(id)));
        if (round._panel.Count == 0)
        {
            throw new DomainException("请至少选择一位评审专家。");
        }

        return round;
    }

    public bool IsScored => Kind is RoundKind.Scoring or RoundKind.Ranking;

    public bool AcceptsScores(DateTimeOffset now) => IsScored && Status == RoundStatus.Open && now <= DueAt;

    /// <summary>
    /// Ends the scoring: each candidate's result (hundredths; null when nobody scored them) is recorded and the cut-off
    /// decides. Missing scores (recused pairs are not missing) need a reason.
    /// </summary>
    public void EndScoring(IReadOnlyDictionary<int, int?> hundredths, int missing, string? missingReason, DateTimeOffset now)
    {
        if (!IsScored)
        {
            throw new DomainException("本轮不是评分或排序轮次。");
        }

        if (Status != RoundStatus.Open)
        {
            throw new DomainException("本轮评审已经结束。");
        }

        if (missing > 0 && string.IsNullOrWhiteSpace(missingReason))
        {
            throw new DomainException($"还有 {missing} 项未{(Kind == RoundKind.Scoring ? "评分" : "排序")}，结束须说明原因。");
        }

        foreach (var candidate in _candidates)
        {
            candidate.Score(hundredths.GetValueOrDefault(candidate.NominationId));
        }

        var outcome = Count();
        var tied = outcome.Ties.SelectMany(t => t.NominationIds).ToHashSet();
        foreach (var candidate in _candidates)
        {
            candidate.Decide(outcome.Advancing.Contains(candidate.NominationId), tied.Contains(candidate.NominationId), null);
        }

        MissingVotesReason = missing > 0 ? missingReason!.Trim() : null;
        if (tied.Count == 0)
        {
            Close(now);
        }
        else
        {
            Status = RoundStatus.TiesPending;
        }
    }

    /// <summary>A candidate nobody scored is last: 0 points, or an unreachable mean rank.</summary>
    private int MeasureOf(RoundCandidate candidate) => candidate.Hundredths ?? (Kind == RoundKind.Ranking ? int.MaxValue / 2 : 0);
}

public static class RoundKindMeasures
{
    public static CutOffMeasure Measure(this RoundKind kind) => kind switch
    {
        RoundKind.Scoring => CutOffMeasure.Score,
        RoundKind.Ranking => CutOffMeasure.MeanRank,
        _ => CutOffMeasure.YesVotes,
    };
}

/// <summary>评分标准 of a scoring round: a name and a positive weight (e.g. 创新性 40, 贡献 40, 社会影响 20).</summary>
public sealed class RoundCriterion
{
    private RoundCriterion()
    {
        Name = string.Empty;
    }

    public RoundCriterion(string name, int weight, int order)
    {
        Name = name;
        Weight = weight;
        Order = order;
    }

    public int Id { get; private set; }

    public int RoundId { get; private set; }

    public string Name { get; private set; }

    public int Weight { get; private set; }

    public int Order { get; private set; }
}

/// <summary>
/// One panellist's mark on one candidate: in a scoring round a score 1–10 for one criterion, in a ranking round (no
/// criterion) the rank 1..n. Changeable until the due date; every change is counted and audited (never the value).
/// </summary>
public sealed class SelectionScore
{
    public const int MinScore = 1;
    public const int MaxScore = 10;

    private SelectionScore()
    {
        ExpertUserId = string.Empty;
    }

    public SelectionScore(int roundId, int nominationId, string expertUserId, int? criterionId, int value, DateTimeOffset now)
    {
        RoundId = roundId;
        NominationId = nominationId;
        ExpertUserId = expertUserId;
        CriterionId = criterionId;
        Value = value;
        CastAt = UpdatedAt = now;
    }

    public long Id { get; private set; }

    public int RoundId { get; private set; }

    public int NominationId { get; private set; }

    public string ExpertUserId { get; private set; }

    public int? CriterionId { get; private set; }

    public int Value { get; private set; }

    public DateTimeOffset CastAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Changes { get; private set; }

    public bool Change(int value, DateTimeOffset now)
    {
        if (value == Value)
        {
            return false;
        }

        Value = value;
        UpdatedAt = now;
        Changes++;
        return true;
    }
}

public enum RecusalReason
{
    SameOrganisation,
    Relative,
    Collaborator,
    Other,
}

/// <summary>
/// 回避: an expert's declared conflict of interest with a candidate, for the whole selection. From then on the candidate
/// is hidden from the expert in every round of the selection, and their absent vote or score is not missing. Final: the
/// expert cannot withdraw it (results may already be visible), only the audit trail and the organiser's list show it.
/// </summary>
public sealed class SelectionRecusal
{
    private SelectionRecusal()
    {
        ExpertUserId = string.Empty;
    }

    public SelectionRecusal(int selectionId, int nominationId, string expertUserId, RecusalReason reason, string? note, DateTimeOffset now)
    {
        if (reason == RecusalReason.Other && string.IsNullOrWhiteSpace(note))
        {
            throw new DomainException("选择“其他”时请说明回避原因。");
        }

        SelectionId = selectionId;
        NominationId = nominationId;
        ExpertUserId = expertUserId;
        Reason = reason;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        DeclaredAt = now;
    }

    public int Id { get; private set; }

    public int SelectionId { get; private set; }

    public int NominationId { get; private set; }

    public string ExpertUserId { get; private set; }

    public RecusalReason Reason { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset DeclaredAt { get; private set; }

    public string ReasonText => Reason.ToChinese() + (Note is null ? string.Empty : "：" + Note);
}

public static class RecusalNames
{
    public static string ToChinese(this RecusalReason reason) => reason switch
    {
        RecusalReason.SameOrganisation => "同单位",
        RecusalReason.Relative => "亲属关系",
        RecusalReason.Collaborator => "合作者/共同作者",
        _ => "其他",
    };
}
