namespace CampaignPortal.Web.Domain;

/// <summary>
/// How a round decides. Vote: each panellist says yes or no to each candidate, the cut-off picks who advances.
/// Meeting: an offline meeting decided, the organiser records who advances and the minutes. (A scoring round, issue 16,
/// Scoring: each panellist scores each candidate 1–10 per criterion; Ranking: each panellist ranks their candidates
/// (both in SelectionScoring.cs).
/// </summary>
public enum RoundKind
{
    Vote,
    Meeting,
    Scoring,
    Ranking,
}

public enum RoundStatus
{
    Open,

    /// <summary>Voting has ended and the votes are counted; the organiser still has to decide a tie at the line.</summary>
    TiesPending,
    Closed,
}

public static class RoundNames
{
    /// <summary>A due date is the end of a day in China: shown as that day, "24时", not as 00:00 of the next.</summary>
    public static string DueText(this DateTimeOffset due) => Infrastructure.ChinaTime.ToChineseDate(due.AddTicks(-1)) + "24时";

    public static string ToChinese(this RoundKind kind) => kind switch
    {
        RoundKind.Meeting => "会议评审",
        RoundKind.Scoring => "网络评分",
        RoundKind.Ranking => "网络排序",
        _ => "网络投票",
    };

    public static string ToChinese(this RoundStatus status) => status switch
    {
        RoundStatus.Closed => "已结束",
        RoundStatus.TiesPending => "待定并列",
        _ => "进行中",
    };
}

/// <summary>
/// 评审轮次. Its candidates are the eligible nominations (first round) or those who advanced from the round before.
/// Votes are secret until it closes; closing records who advances, the organiser's tie decisions and, when votes are
/// missing, the reason.
/// </summary>
public sealed partial class SelectionRound
{
    private readonly List<RoundCandidate> _candidates = [];
    private readonly List<RoundPanellist> _panel = [];

    private SelectionRound()
    {
        Name = string.Empty;
    }

    private SelectionRound(int selectionId, int number, string name, RoundKind kind, DateTimeOffset createdAt)
    {
        SelectionId = selectionId;
        Number = number;
        Name = name.Trim();
        Kind = kind;
        Status = RoundStatus.Open;
        CreatedAt = createdAt;
    }

    public static SelectionRound VoteRound(
        int selectionId, int number, string name, bool perGroup, DateTimeOffset dueAt, CutOff cutOff,
        IEnumerable<(int NominationId, int GroupId)> candidates, IEnumerable<int> expertIds, DateTimeOffset now)
    {
        var round = new SelectionRound(selectionId, number, name, RoundKind.Vote, now)
        {
            PerGroup = perGroup,
            DueAt = dueAt,
            CutOffRule = cutOff.Rule,
            CutOffCount = cutOff.Count,
            FractionNumerator = cutOff.Numerator,
            FractionDenominator = cutOff.Denominator,
        };
        round._candidates.AddRange(candidates.Select(c => new RoundCandidate(c.NominationId, c.GroupId)));
        round._panel.AddRange(expertIds.Distinct().Select(id => new RoundPanellist(id)));
        if (round._panel.Count == 0)
        {
            throw new DomainException("请至少选择一位评审专家。");
        }

        return round;
    }

    public static SelectionRound MeetingRound(int selectionId, int number, string name, IEnumerable<(int NominationId, int GroupId)> candidates, DateTimeOffset now)
    {
        var round = new SelectionRound(selectionId, number, name, RoundKind.Meeting, now);
        round._candidates.AddRange(candidates.Select(c => new RoundCandidate(c.NominationId, c.GroupId)));
        return round;
    }

    public int Id { get; private set; }

    public int SelectionId { get; private set; }

    public int Number { get; private set; }

    public string Name { get; private set; }

    public RoundKind Kind { get; private set; }

    public RoundStatus Status { get; private set; }

    /// <summary>Panellists with a group vote on that group's candidates only.</summary>
    public bool PerGroup { get; private set; }

    /// <summary>投票截止 (vote rounds): votes after it are refused.</summary>
    public DateTimeOffset? DueAt { get; private set; }

    public CutOffRule? CutOffRule { get; private set; }

    public int CutOffCount { get; private set; }

    public int FractionNumerator { get; private set; }

    public int FractionDenominator { get; private set; } = 1;

    /// <summary>Why the round was closed although some panellists had not voted on every candidate.</summary>
    public string? MissingVotesReason { get; private set; }

    /// <summary>Meeting rounds: a short account of the meeting (会议情况).</summary>
    public string? MeetingNote { get; private set; }

    /// <summary>Meeting rounds: the minutes (会议纪要) as an attachment.</summary>
    public Guid? MinutesFileId { get; private set; }

    public StoredFile? MinutesFile { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public IReadOnlyList<RoundCandidate> Candidates => _candidates;

    public IReadOnlyList<RoundPanellist> Panel => _panel;

    public CutOff? CutOff => CutOffRule is { } rule ? new CutOff(rule, CutOffCount, FractionNumerator, FractionDenominator, Kind.Measure()) : null;

    public bool AcceptsVotes(DateTimeOffset now) => Kind == RoundKind.Vote && Status == RoundStatus.Open && now <= DueAt;

    /// <summary>
    /// Ends the voting: the yes votes are counted and become visible, the cut-off decides. Without a tie at the line
    /// the round is closed; with one it waits for the organiser (<see cref="ResolveTies"/>). Missing votes need a reason.
    /// </summary>
    public void EndVoting(IReadOnlyDictionary<int, int> yes, int missingVotes, string? missingVotesReason, DateTimeOffset now)
    {
        EnsureOpen(RoundKind.Vote);
        if (missingVotes > 0 && string.IsNullOrWhiteSpace(missingVotesReason))
        {
            throw new DomainException($"还有 {missingVotes} 票未投，结束投票须说明原因。");
        }

        foreach (var candidate in _candidates)
        {
            candidate.Decide(false, false, yes.GetValueOrDefault(candidate.NominationId));
        }

        var outcome = Count();
        var tied = outcome.Ties.SelectMany(t => t.NominationIds).ToHashSet();
        foreach (var candidate in _candidates)
        {
            candidate.Decide(outcome.Advancing.Contains(candidate.NominationId), tied.Contains(candidate.NominationId), candidate.Yes);
        }

        MissingVotesReason = missingVotes > 0 ? missingVotesReason!.Trim() : null;
        if (tied.Count == 0)
        {
            Close(now);
        }
        else
        {
            Status = RoundStatus.TiesPending;
        }
    }

    /// <summary>The cut-off applied to the counted votes (only once voting has ended: votes are secret until then).</summary>
    public CutOffOutcome Outcome()
    {
        if (Status == RoundStatus.Open || CutOff is not { } cutOff)
        {
            throw new DomainException("投票结束前不能查看票数。");
        }

        return Count();
    }

    private CutOffOutcome Count()
    {
        if (CutOff is not { } cutOff)
        {
            throw new DomainException("本轮没有晋级规则。");
        }

        return cutOff.Compute([.. _candidates.Select(c => new Tally(c.NominationId, c.GroupId, Kind == RoundKind.Vote ? c.Yes ?? 0 : MeasureOf(c)))]);
    }

    /// <summary>
    /// The organiser's decision on the ties at the line: from each, exactly as many as it has places, or all of every
    /// tie when <paramref name="wholeTiesAdvance"/> (the round then lets more through than the rule says).
    /// </summary>
    public void ResolveTies(IReadOnlySet<int> chosen, bool wholeTiesAdvance, DateTimeOffset now)
    {
        if (Status != RoundStatus.TiesPending)
        {
            throw new DomainException("本轮没有待确定的并列候选人。");
        }

        foreach (var tie in Outcome().Ties.Where(t => !wholeTiesAdvance && t.NominationIds.Count(chosen.Contains) != t.Slots))
        {
            throw new DomainException($"有 {tie.NominationIds.Count} 人以 {CutOff!.LineText(tie.Yes)}并列，还剩 {tie.Slots} 个名额，请选定 {tie.Slots} 人。");
        }

        foreach (var candidate in _candidates.Where(c => c.WasTied))
        {
            candidate.Decide(wholeTiesAdvance || chosen.Contains(candidate.NominationId), true, candidate.Yes);
        }

        Close(now);
    }

    /// <summary>Renames an open round and, for a vote round, moves its due date (not into the past).</summary>
    public void Revise(string name, DateTimeOffset? dueAt, DateTimeOffset now)
    {
        if (Status != RoundStatus.Open)
        {
            throw new DomainException("只能修改进行中的轮次。");
        }

        if (Kind == RoundKind.Vote)
        {
            if (dueAt is not { } due || due < now)
            {
                throw new DomainException("投票截止日期不能早于今天。");
            }

            DueAt = due;
        }

        Name = name.Trim();
    }

    /// <summary>Replaces the panel of an open vote round; only before the first vote, so nobody's vote loses its seat.</summary>
    public void ChangePanel(IEnumerable<int> expertIds, bool anyVoteCast)
    {
        if (Kind != RoundKind.Vote || Status != RoundStatus.Open)
        {
            throw new DomainException("只能调整进行中的网络投票轮次的评审专家。");
        }

        if (anyVoteCast)
        {
            throw new DomainException("已有专家投票，不能再调整本轮评审专家。");
        }

        var wanted = expertIds.Distinct().ToHashSet();
        if (wanted.Count == 0)
        {
            throw new DomainException("请至少选择一位评审专家。");
        }

        _panel.RemoveAll(p => !wanted.Contains(p.ExpertId));
        _panel.AddRange(wanted.Where(id => _panel.All(p => p.ExpertId != id)).Select(id => new RoundPanellist(id)));
    }

    /// <summary>Records an offline meeting's decision: who advances, and the minutes.</summary>
    public void RecordMeeting(IReadOnlySet<int> advancing, string? note, Guid? minutesFileId, DateTimeOffset now)
    {
        EnsureOpen(RoundKind.Meeting);
        if (advancing.Count == 0)
        {
            throw new DomainException("请选择进入下一轮（或最终入选）的候选人。");
        }

        foreach (var candidate in _candidates)
        {
            candidate.Decide(advancing.Contains(candidate.NominationId), false, null);
        }

        MeetingNote = note;
        MinutesFileId = minutesFileId;
        Close(now);
    }

    private void EnsureOpen(RoundKind kind)
    {
        if (Kind != kind)
        {
            throw new DomainException(kind == RoundKind.Vote ? "本轮是会议评审，请录入会议结果。" : "本轮是网络投票，不能录入会议结果。");
        }

        if (Status != RoundStatus.Open)
        {
            throw new DomainException("本轮投票已经结束。");
        }
    }

    private void Close(DateTimeOffset now)
    {
        Status = RoundStatus.Closed;
        ClosedAt = now;
    }
}

/// <summary>A candidate in a round; once closed: whether they advance, their yes votes, whether a tie was resolved for them.</summary>
public sealed class RoundCandidate
{
    private RoundCandidate()
    {
    }

    public RoundCandidate(int nominationId, int groupId)
    {
        NominationId = nominationId;
        GroupId = groupId;
    }

    public int Id { get; private set; }

    public int RoundId { get; private set; }

    public int NominationId { get; private set; }

    public Nomination? Nomination { get; private set; }

    /// <summary>The candidate's discipline group, copied so the per-group cut-off needs nothing else.</summary>
    public int GroupId { get; private set; }

    public bool Advances { get; private set; }

    public bool WasTied { get; private set; }

    public int? Yes { get; private set; }

    /// <summary>Scoring rounds: the score × 100; ranking rounds: the mean rank × 100 (null: nobody scored or ranked them).</summary>
    public int? Hundredths { get; private set; }

    public void Score(int? hundredths) => Hundredths = hundredths;

    public void Decide(bool advances, bool wasTied, int? yes)
    {
        Advances = advances;
        WasTied = wasTied;
        Yes = yes;
    }
}

/// <summary>An expert on a round's panel.</summary>
public sealed class RoundPanellist
{
    private RoundPanellist()
    {
    }

    public RoundPanellist(int expertId)
    {
        ExpertId = expertId;
    }

    public int Id { get; private set; }

    public int RoundId { get; private set; }

    public int ExpertId { get; private set; }

    public SelectionExpert? Expert { get; private set; }
}

/// <summary>One panellist's vote on one candidate. Changeable until the due date; every change is counted and audited.</summary>
public sealed class SelectionVote
{
    private SelectionVote()
    {
        ExpertUserId = string.Empty;
    }

    public SelectionVote(int roundId, int nominationId, string expertUserId, bool yes, DateTimeOffset now)
    {
        RoundId = roundId;
        NominationId = nominationId;
        ExpertUserId = expertUserId;
        Yes = yes;
        CastAt = UpdatedAt = now;
    }

    public long Id { get; private set; }

    public int RoundId { get; private set; }

    public int NominationId { get; private set; }

    public string ExpertUserId { get; private set; }

    public bool Yes { get; private set; }

    public DateTimeOffset CastAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>How many times the vote was changed after it was first cast.</summary>
    public int Changes { get; private set; }

    public bool Change(bool yes, DateTimeOffset now)
    {
        if (yes == Yes)
        {
            return false;
        }

        Yes = yes;
        UpdatedAt = now;
        Changes++;
        return true;
    }
}
