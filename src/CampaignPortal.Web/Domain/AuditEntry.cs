namespace CampaignPortal.Web.Domain;

/// <summary>What happened, to what, by whom, when (UTC) and from where. Kept in the database, never edited.</summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    public AuditEntry(AuditAction action, DateTimeOffset occurredAt)
    {
        Action = action;
        OccurredAt = occurredAt;
    }

    public long Id { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public AuditAction Action { get; private set; }

    /// <summary>No foreign key: the trail outlives the account.</summary>
    public string? ActorUserId { get; init; }

    /// <summary>The e-mail the actor used, also for failed sign-ins of unknown addresses.</summary>
    public string? ActorName { get; init; }

    /// <summary>The actor's organisation at the time, so an admin reads the trail of their own subtree.</summary>
    public int? OrganisationId { get; init; }

    /// <summary>The organisation the affected entity belongs to, so the trail of a subtree includes what others did to it.</summary>
    public int? SubjectOrganisationId { get; init; }

    public string? EntityType { get; init; }

    public string? EntityId { get; init; }

    public string? Detail { get; init; }

    public string? IpAddress { get; init; }

    public string? RequestId { get; init; }
}

public enum AuditAction
{
    SignIn,
    SignInFailed,
    LockedOut,
    SignOut,
    PasswordChanged,
    OrganisationCreated,
    OrganisationUpdated,
    OrganisationMoved,
    OrganisationDeactivated,
    OrganisationActivated,
    UserCreated,
    UserUpdated,
    UserDisabled,
    UserEnabled,
    UserUnlocked,
    UserPasswordReset,
    UsersImported,
    CampaignCreated,
    CampaignUpdated,
    CampaignClosed,
    CampaignForwarded,
    ParticipantsChanged,
    NoticeCreated,
    NoticeUpdated,
    NoticePublished,
    NoticeWithdrawn,
    NoticeAcknowledged,
    NoticeRevised,
    ActivityCreated,
    ActivityUpdated,
    MainEventSaved,
    SubVenueSaved,
    ReportSaved,
    ReportSubmitted,
    ReportWithdrawn,
    ReportReturned,
    ReportApproved,
    ReportReopened,
    DeadlineExtended,
    SelectionCreated,
    SelectionUpdated,
    ExpertGranted,
    ExpertRevoked,
    NominationSaved,
    NominationSubmitted,
    NominationWithdrawn,
    NominationChecked,
    RoundOpened,
    VoteCast,
    VoteChanged,
    RoundClosed,
    SelectionFinished,
    RecusalDeclared,
    AnnouncementPublished,
    ObjectionReceived,
    ObjectionHandled,
    AnnouncementEntryUpdated,
    SelectionFinalised,
    SelectionResultPublished,
    SelectionGroupRemoved,
    RoundUpdated,
}

public static class AuditActionNames
{
    public static string ToChinese(this AuditAction action) => action switch
    {
        AuditAction.SignIn => "登录",
        AuditAction.SignInFailed => "登录失败",
        AuditAction.LockedOut => "账号锁定",
        AuditAction.SignOut => "退出",
        AuditAction.PasswordChanged => "修改密码",
        AuditAction.OrganisationCreated => "新建单位",
        AuditAction.OrganisationUpdated => "修改单位",
        AuditAction.OrganisationMoved => "调整上级单位",
        AuditAction.OrganisationDeactivated => "停用单位",
        AuditAction.OrganisationActivated => "启用单位",
        AuditAction.UserCreated => "新建账号",
        AuditAction.UserUpdated => "修改账号",
        AuditAction.UserDisabled => "停用账号",
        AuditAction.UserEnabled => "启用账号",
        AuditAction.UserUnlocked => "解除锁定",
        AuditAction.UserPasswordReset => "重置密码",
        AuditAction.UsersImported => "批量导入账号",
        AuditAction.CampaignCreated => "新建活动",
        AuditAction.CampaignUpdated => "修改活动",
        AuditAction.CampaignClosed => "结束活动",
        AuditAction.CampaignForwarded => "转发活动",
        AuditAction.ParticipantsChanged => "调整填报单位",
        AuditAction.NoticeCreated => "新建通知",
        AuditAction.NoticeUpdated => "修改通知",
        AuditAction.NoticePublished => "发布通知",
        AuditAction.NoticeWithdrawn => "撤回通知",
        AuditAction.NoticeAcknowledged => "签收通知",
        AuditAction.NoticeRevised => "修订通知",
        AuditAction.ActivityCreated => "登记活动",
        AuditAction.ActivityUpdated => "修改活动",
        AuditAction.MainEventSaved => "设置主会场",
        AuditAction.SubVenueSaved => "登记分会场",
        AuditAction.ReportSaved => "保存总结报告",
        AuditAction.ReportSubmitted => "提交总结报告",
        AuditAction.ReportWithdrawn => "撤回总结报告",
        AuditAction.ReportReturned => "退回总结报告",
        AuditAction.ReportApproved => "通过总结报告",
        AuditAction.ReportReopened => "重新打开总结报告",
        AuditAction.DeadlineExtended => "延长报送期限",
        AuditAction.SelectionCreated => "新建评选",
        AuditAction.SelectionUpdated => "修改评选",
        AuditAction.ExpertGranted => "聘请评审专家",
        AuditAction.ExpertRevoked => "取消评审专家",
        AuditAction.NominationSaved => "保存推荐",
        AuditAction.NominationSubmitted => "提交推荐",
        AuditAction.NominationWithdrawn => "撤回推荐",
        AuditAction.NominationChecked => "资格审查",
        AuditAction.RoundOpened => "开启评审轮次",
        AuditAction.VoteCast => "投票",
        AuditAction.VoteChanged => "修改投票",
        AuditAction.RoundClosed => "结束评审轮次",
        AuditAction.SelectionFinished => "确定评选结果",
        AuditAction.RecusalDeclared => "专家声明回避",
        AuditAction.AnnouncementPublished => "发布评选公示",
        AuditAction.ObjectionReceived => "收到公示异议",
        AuditAction.ObjectionHandled => "处理公示异议",
        AuditAction.AnnouncementEntryUpdated => "修改公示人选事迹或照片",
        AuditAction.SelectionFinalised => "确定最终评选结果",
        AuditAction.SelectionResultPublished => "公布评选结果",
        AuditAction.SelectionGroupRemoved => "删除学科组",
        AuditAction.RoundUpdated => "修改评审轮次",
        _ => action.ToString(),
    };
}
