using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Features.Activities;
using CampaignPortal.Web.Features.Notifications;
using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Infrastructure.Files;
using CampaignPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Reports;

/// <summary>The campaign's report template as one participating unit sees it, with the unit's own deadline.</summary>
public sealed record ReportTemplate(
    int CampaignId, string CampaignTitle, int OwnerId, string OwnerName, CampaignStatus CampaignStatus, DateOnly? CampaignDeadline,
    DateOnly? Deadline, string? ExtensionReason, IReadOnlyList<ReportSection> Sections, IReadOnlyList<Indicator> Indicators,
    IReadOnlyList<RequiredMaterial> Materials);

public sealed record ConflictRow(string Field, string Saved, string Yours);

public sealed record ReportConflict(string? SavedBy, DateTimeOffset SavedAt, IReadOnlyList<ConflictRow> Rows);

public sealed record VersionRow(
    int Number, DateTimeOffset SubmittedAt, string? SubmittedBy, bool IsLate, DateTimeOffset? WithdrawnAt, ReviewDecision? Decision,
    DateTimeOffset? ReviewedAt, string? ReviewedBy, string? ReviewComment);

public sealed record SectionComment(string Title, string Comment);

/// <summary>What the unit must fix: the latest return (or reopening) with its comments.</summary>
public sealed record LastReview(int Number, string Comment, IReadOnlyList<SectionComment> Sections, string? By, DateTimeOffset At, bool Reopened);

public sealed record ReportPageModel(
    ReportTemplate Template, string UnitName, SummaryReport? Report, ReportInput Input, IReadOnlyDictionary<string, PrefillValue> Prefill,
    IReadOnlyList<VersionRow> Versions, LastReview? LastReview, ReportConflict? Conflict, MediaInput MediaInput)
{
    public bool CanEdit => Template.CampaignStatus == CampaignStatus.Published && (Report?.IsEditable ?? true);

    public ReportStatus Status => Report?.Status ?? ReportStatus.Draft;
}

public enum ReportSaveOutcome
{
    NotFound,
    Invalid,
    Conflict,
    Saved,
    Incomplete,
    Submitted,
    AlreadySubmitted,
}

/// <summary>The outcome of a save; <see cref="Version"/> is the report's version after a successful save (for autosave).</summary>
public sealed record ReportSaveResult(
    ReportSaveOutcome Outcome, IReadOnlyList<KeyValuePair<string, string>> Errors, ReportConflict? Conflict = null, int VersionNumber = 0,
    bool IsLate = false, int Version = 0, DateTimeOffset? SavedAt = null);

/// <summary>
/// A unit's own summary report to a campaign it takes part in: open (changes nothing), save, submit, withdraw, media
/// and attachments. Only the unit's filers reach it; a campaign the unit is not a participant of is "not found".
/// </summary>
public sealed partial class ReportService(
    AppDbContext db, CurrentUser currentUser, ReportPrefill prefill, RichText richText, FileService files, NotificationService notifications,
    AuditLog audit, TimeProvider clock, ILogger<ReportService> logger)
{
    public async Task<ReportTemplate?> TemplateAsync(int campaignId, CancellationToken cancellationToken)
    {
        var own = (await currentUser.GetOrganisationAsync(cancellationToken)).Id;
        var campaign = await db.Campaigns.AsNoTracking()
            .Include(c => c.Sections).Include(c => c.Indicators).Include(c => c.Materials)
            .Include(c => c.Participants.Where(p => p.OrganisationId == own))
            .Include(c => c.Organisation)
            .SingleOrDefaultAsync(c => c.Id == campaignId && c.Status != CampaignStatus.Draft && c.Participants.Any(p => p.OrganisationId == own), cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var participant = campaign.Participants.Single();
        return new ReportTemplate(campaign.Id, campaign.Title, campaign.OrganisationId, campaign.Organisation!.Name, campaign.Status,
            campaign.ReportDeadline, campaign.DeadlineFor(participant.OrganisationId), participant.ExtensionReason,
            [.. campaign.Sections.OrderBy(s => s.Order)], [.. campaign.Indicators.OrderBy(i => i.Order)], [.. campaign.Materials.OrderBy(m => m.Order)]);
    }

    public async Task<ReportPageModel?> PageAsync(
        int campaignId, ReportInput? input, ReportConflict? conflict, MediaInput? mediaInput, CancellationToken cancellationToken)
    {
        if (await TemplateAsync(campaignId, cancellationToken) is not { } template)
        {
            return null;
        }

        var unit = await currentUser.GetOrganisationAsync(cancellationToken);
        var report = await db.SummaryReports.AsNoTracking().Include(r => r.Events)
            .SingleOrDefaultAsync(r => r.CampaignId == campaignId && r.OrganisationId == unit.Id, cancellationToken);
        var suggested = await prefill.ComputeAsync(campaignId, unit.Id, template.Indicators, cancellationToken);
        input ??= report is null ? FromPrefill(template, suggested) : FromReport(template, report);
        var versions = report is null ? [] : await VersionRowsAsync(report.Id, cancellationToken);
        return new ReportPageModel(template, unit.Name, report, input, suggested, versions, report is null ? null : await LastReviewAsync(report, cancellationToken),
            conflict, mediaInput ?? new MediaInput());
    }

    public async Task<ReportSaveResult> SaveAsync(int campaignId, ReportInput input, bool submit, CancellationToken cancellationToken)
    {
        if (await TemplateAsync(campaignId, cancellationToken) is not { } template)
        {
            return new ReportSaveResult(ReportSaveOutcome.NotFound, []);
        }

        EnsureCampaignOpen(template);

        // The binder leaves null entries for malformed list indexes: ignore them.
        input.Sections = [.. (input.Sections ?? []).Where(s => s is not null)];
        input.Figures = [.. (input.Figures ?? []).Where(f => f is not null)];
        var unit = await currentUser.GetOrganisationAsync(cancellationToken);
        var report = await db.SummaryReports.SingleOrDefaultAsync(r => r.CampaignId == campaignId && r.OrganisationId == unit.Id, cancellationToken);
        if (report is { Status: ReportStatus.Submitted } && submit)
        {
            // A double click or a replayed submit carries the version the submit started from (save and submit add one
            // each): the first one made the version. A form older than that was overtaken by a colleague's submit.
            if (input.Version != report.Version - 2)
            {
                throw new DomainException($"报告已由他人提交（第 {report.LatestVersionNumber} 版），您这次的修改没有保存。如需修改，请先撤回报告。");
            }

            return new ReportSaveResult(ReportSaveOutcome.AlreadySubmitted, [], VersionNumber: report.LatestVersionNumber);
        }

        var suggested = await prefill.ComputeAsync(campaignId, unit.Id, template.Indicators, cancellationToken);
        var (content, errors) = Read(template, input, suggested);
        if (errors.Count > 0)
        {
            return new ReportSaveResult(ReportSaveOutcome.Invalid, errors);
        }

        if (report is not null && report.IsEditable && input.Version != report.Version)
        {
            return new ReportSaveResult(ReportSaveOutcome.Conflict, [], Diff(template, report, content!));
        }

        var now = clock.GetUtcNow();
        var by = currentUser.Principal.DisplayName();
        if (report is null)
        {
            // The first save creates the report (and gives it the id links point to).
            report = new SummaryReport(campaignId, unit.Id, template.OwnerId, now, by);
            db.SummaryReports.Add(report);
            report.Save(content!, input.Version, now, by);
            audit.Record(AuditAction.ReportSaved, nameof(SummaryReport), null, $"创建“{template.CampaignTitle}”总结报告", subjectOrganisationId: unit.Id);
            if (await TrySaveAsync() is { } lost)
            {
                return lost;
            }

            if (!submit)
            {
                LogReport(logger, "created", report.Id);
                return new ReportSaveResult(ReportSaveOutcome.Saved, [], Version: report.Version, SavedAt: now);
            }
        }
        else
        {
            report.Save(content!, input.Version, now, by);
        }

        ReportVersion? version = null;
        var missing = submit ? Missing(template, report) : [];
        if (submit && missing.Count == 0)
        {
            var dueBy = template.Deadline is { } deadline ? ChinaTime.EndOfDayUtc(deadline) : (DateTimeOffset?)null;
            version = report.Submit(report.Version, dueBy, now, by);
            db.ReportVersions.Add(version);
            await notifications.QueueForRoleAsync(template.OwnerId, Roles.Reviewer, NotificationKind.ReportSubmitted,
                $"{unit.Name}提交了“{template.CampaignTitle}”总结报告（第 {version.Number} 版{(version.IsLate ? "，逾期" : string.Empty)}），请审核。",
                "/reports/" + Id(report.Id), cancellationToken);
        }

        audit.Record(version is null ? AuditAction.ReportSaved : AuditAction.ReportSubmitted, nameof(SummaryReport), Id(report.Id),
            version is null
                ? $"保存“{template.CampaignTitle}”总结报告"
                : $"提交“{template.CampaignTitle}”总结报告第 {version.Number} 版{(version.IsLate ? "（逾期）" : string.Empty)}",
            subjectOrganisationId: unit.Id);
        if (await TrySaveAsync() is { } conflict)
        {
            return conflict;
        }

        LogReport(logger, version is null ? "saved" : "submitted", report.Id);
        if (version is not null)
        {
            return new ReportSaveResult(ReportSaveOutcome.Submitted, [], VersionNumber: version.Number, IsLate: version.IsLate);
        }

        return submit
            ? new ReportSaveResult(ReportSaveOutcome.Incomplete, missing)
            : new ReportSaveResult(ReportSaveOutcome.Saved, [], Version: report.Version, SavedAt: now);

        async Task<ReportSaveResult?> TrySaveAsync()
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return null;
            }
            catch (DbUpdateException)
            {
                // Someone saved (or created the report) between our read and our write: show them what they changed.
                db.ChangeTracker.Clear();
                var current = await db.SummaryReports.AsNoTracking()
                    .SingleAsync(r => r.CampaignId == campaignId && r.OrganisationId == unit.Id, cancellationToken);
                return submit && current.Status == ReportStatus.Submitted
                    ? new ReportSaveResult(ReportSaveOutcome.AlreadySubmitted, [], VersionNumber: current.LatestVersionNumber)
                    : new ReportSaveResult(ReportSaveOutcome.Conflict, [], Diff(template, current, content!));
            }
        }
    }

    public async Task<CommandResult> WithdrawAsync(int campaignId, CancellationToken cancellationToken)
    {
        if (await OwnReportAsync(campaignId, cancellationToken) is not { } found)
        {
            return CommandResult.NotFound;
        }

        var (template, report) = found;
        EnsureCampaignOpen(template);
        var latest = await db.ReportVersions.SingleOrDefaultAsync(v => v.ReportId == report.Id && v.Number == report.LatestVersionNumber, cancellationToken)
            ?? throw new DomainException("报告尚未提交，无需撤回。");
        report.Withdraw(latest, clock.GetUtcNow(), currentUser.Principal.DisplayName());
        audit.Record(AuditAction.ReportWithdrawn, nameof(SummaryReport), Id(report.Id), $"撤回“{template.CampaignTitle}”总结报告第 {latest.Number} 版",
            subjectOrganisationId: report.OrganisationId);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok(report.Id);
    }

    public async Task<CommandResult> AddMediaAsync(int campaignId, MediaInput input, CancellationToken cancellationToken)
    {
        if (await EditableReportAsync(campaignId, cancellationToken) is not { } found)
        {
            return CommandResult.NotFound;
        }

        var (template, report) = found;
        report.AddMedia(input.Kind, input.Outlet!, input.Title, input.Date, input.Link, input.PageOrSlot);
        audit.Record(AuditAction.ReportSaved, nameof(SummaryReport), Id(report.Id), $"“{template.CampaignTitle}”总结报告添加媒体报道：{input.Outlet}",
            subjectOrganisationId: report.OrganisationId);
        await SaveListChangeAsync(cancellationToken);
        return CommandResult.Ok(report.Id);
    }

    public async Task<CommandResult> RemoveMediaAsync(int campaignId, int order, CancellationToken cancellationToken)
    {
        if (await OwnReportAsync(campaignId, cancellationToken) is not { } found)
        {
            return CommandResult.NotFound;
        }

        var (template, report) = found;
        EnsureCampaignOpen(template);
        if (!report.RemoveMedia(order))
        {
            return CommandResult.NotFound;
        }

        audit.Record(AuditAction.ReportSaved, nameof(SummaryReport), Id(report.Id), $"“{template.CampaignTitle}”总结报告删除一条媒体报道",
            subjectOrganisationId: report.OrganisationId);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok(report.Id);
    }

    public async Task<CommandResult> AddFileAsync(
        int campaignId, IFormFile? upload, ReportFileKind kind, string? caption, string? material, CancellationToken cancellationToken)
    {
        if (await EditableReportAsync(campaignId, cancellationToken) is not { } found)
        {
            return CommandResult.NotFound;
        }

        var (template, report) = found;
        if (upload is null || upload.Length == 0)
        {
            return CommandResult.Invalid("file", "请选择要上传的文件。");
        }

        if (!Enum.IsDefined(kind))
        {
            return CommandResult.Invalid("kind", "请选择附件类型。");
        }

        if (caption is { Length: > Schema.MediumText })
        {
            return CommandResult.Invalid("caption", $"说明不能超过 {Schema.MediumText} 个字。");
        }

        if (!string.IsNullOrWhiteSpace(material) && template.Materials.All(m => m.Name != material.Trim()))
        {
            return CommandResult.Invalid("material", "所选报送材料不属于本活动，请重新选择。");
        }

        var types = kind switch
        {
            ReportFileKind.Photo => FileTypes.ReportPhotos,
            ReportFileKind.StampedScan => FileTypes.StampedScans,
            ReportFileKind.Video => FileTypes.Videos,
            _ => FileTypes.ReportDocuments,
        };
        await using var stream = upload.OpenReadStream();
        var stored = await files.StorePhotoAsync(stream, upload.FileName, types, report.OrganisationId, currentUser.UserId, cancellationToken);
        if (stored.Error is not null)
        {
            return CommandResult.Invalid("file", stored.Error);
        }

        var file = stored.File!;
        report.AddFile(new ReportFile(file.Id, kind, file.OriginalName, file.Size, file.Sha256, caption, material, clock.GetUtcNow()));
        audit.Record(AuditAction.ReportSaved, nameof(SummaryReport), Id(report.Id),
            $"“{template.CampaignTitle}”总结报告上传{kind.ToChinese()}“{file.OriginalName}”", subjectOrganisationId: report.OrganisationId);
        try
        {
            await SaveListChangeAsync(cancellationToken);
        }
        catch
        {
            // No row was written (database busy, a colleague's change): take the file back, or it stays on disk unnamed.
            await files.DiscardAsync(file);
            throw;
        }

        return CommandResult.Ok(report.Id);
    }

    /// <summary>A file that arrived by a resumable upload, attached to the unit's report (created if need be).</summary>
    internal async Task AttachUploadedAsync(int campaignId, StoredFile file, ReportFileKind kind, string? caption, CancellationToken cancellationToken)
    {
        if (await EditableReportAsync(campaignId, cancellationToken) is not { } found)
        {
            throw new DomainException("本单位已不是该活动的填报单位，视频未能加入报告。");
        }

        var (template, report) = found;
        report.AddFile(new ReportFile(file.Id, kind, file.OriginalName, file.Size, file.Sha256, caption, null, clock.GetUtcNow()));
        audit.Record(AuditAction.ReportSaved, nameof(SummaryReport), report.Id == 0 ? null : Id(report.Id),
            $"“{template.CampaignTitle}”总结报告上传{kind.ToChinese()}“{file.OriginalName}”（{file.Size / 1024 / 1024} MB）", subjectOrganisationId: report.OrganisationId);
        await SaveListChangeAsync(cancellationToken);
    }

    public async Task<CommandResult> RemoveFileAsync(int campaignId, Guid fileId, CancellationToken cancellationToken)
    {
        if (await OwnReportAsync(campaignId, cancellationToken) is not { } found)
        {
            return CommandResult.NotFound;
        }

        var (template, report) = found;
        EnsureCampaignOpen(template);
        var name = report.Files.FirstOrDefault(f => f.StoredFileId == fileId)?.Name;
        if (!report.RemoveFile(fileId))
        {
            return CommandResult.NotFound;
        }

        // The stored file stays: submitted versions may list it.
        audit.Record(AuditAction.ReportSaved, nameof(SummaryReport), Id(report.Id), $"“{template.CampaignTitle}”总结报告删除附件“{name}”",
            subjectOrganisationId: report.OrganisationId);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok(report.Id);
    }

    /// <summary>The unit's report (tracked), created on first use by an upload or media entry.</summary>
    private async Task<(ReportTemplate Template, SummaryReport Report)?> EditableReportAsync(int campaignId, CancellationToken cancellationToken)
    {
        if (await TemplateAsync(campaignId, cancellationToken) is not { } template)
        {
            return null;
        }

        EnsureCampaignOpen(template);
        var unit = await currentUser.GetOrganisationAsync(cancellationToken);
        var report = await db.SummaryReports.SingleOrDefaultAsync(r => r.CampaignId == campaignId && r.OrganisationId == unit.Id, cancellationToken);
        if (report is null)
        {
            report = new SummaryReport(campaignId, unit.Id, template.OwnerId, clock.GetUtcNow(), currentUser.Principal.DisplayName());
            db.SummaryReports.Add(report);
        }
        else if (!report.IsEditable)
        {
            report.EnsureEditable();
        }

        return (template, report);
    }

    /// <summary>
    /// Saves a media or file change. A colleague creating the report at the same moment (unique index) is a conflict
    /// like a moved token: 409, nothing stored.
    /// </summary>
    private async Task SaveListChangeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            throw new DomainException("报告正在被同事同时修改，您的操作没有生效。请刷新页面后重试。", ex);
        }
    }

    private async Task<(ReportTemplate Template, SummaryReport Report)?> OwnReportAsync(int campaignId, CancellationToken cancellationToken)
    {
        if (await TemplateAsync(campaignId, cancellationToken) is not { } template)
        {
            return null;
        }

        var unit = await currentUser.GetOrganisationAsync(cancellationToken);
        var report = await db.SummaryReports.SingleOrDefaultAsync(r => r.CampaignId == campaignId && r.OrganisationId == unit.Id, cancellationToken);
        return report is null ? null : (template, report);
    }

    private static void EnsureCampaignOpen(ReportTemplate template)
    {
        if (template.CampaignStatus != CampaignStatus.Published)
        {
            throw new DomainException("活动已结束，不能再填报或修改总结报告。");
        }
    }

    private async Task<IReadOnlyList<VersionRow>> VersionRowsAsync(int reportId, CancellationToken cancellationToken) =>
        await db.ReportVersions.AsNoTracking().Where(v => v.ReportId == reportId).OrderByDescending(v => v.Number)
            .Select(v => new VersionRow(v.Number, v.SubmittedAt, v.SubmittedBy, v.IsLate, v.WithdrawnAt, v.Decision, v.ReviewedAt, v.ReviewedBy, v.ReviewComment))
            .ToListAsync(cancellationToken);

    private async Task<LastReview?> LastReviewAsync(SummaryReport report, CancellationToken cancellationToken)
    {
        if (report.Status != ReportStatus.Returned)
        {
            return null;
        }

        var last = report.Events.Where(e => e.Kind is ReportEventKind.Returned or ReportEventKind.Reopened).MaxBy(e => e.At);
        if (last is null)
        {
            return null;
        }

        var sections = last.Kind == ReportEventKind.Returned
            ? await db.ReportVersions.AsNoTracking().Where(v => v.ReportId == report.Id && v.Number == report.LatestVersionNumber)
                .SelectMany(v => v.Sections).Where(s => s.Comment != null).OrderBy(s => s.Order)
                .Select(s => new SectionComment(s.Title, s.Comment!)).ToListAsync(cancellationToken)
            : [];
        return new LastReview(report.LatestVersionNumber, last.Comment ?? string.Empty, sections, last.By, last.At, last.Kind == ReportEventKind.Reopened);
    }

    private static ReportInput FromPrefill(ReportTemplate template, IReadOnlyDictionary<string, PrefillValue> suggested) => new()
    {
        Sections = [.. template.Sections.Select(s => new SectionInput { Title = s.Title })],
        Figures =
        [
            .. template.Indicators.Select(i => suggested.TryGetValue(i.Code, out var p)
                ? new FigureInput { Code = i.Code, Value = FigureFormat.Plain(p.Hundredths), Qualifier = p.Qualifier }
                : new FigureInput { Code = i.Code }),
        ],
    };

    internal static ReportInput FromReport(ReportTemplate template, SummaryReport report) => new()
    {
        Version = report.Version,
        Sections = [.. template.Sections.Select(s => new SectionInput { Title = s.Title, Html = report.Sections.FirstOrDefault(x => x.Title == s.Title)?.Html })],
        Figures =
        [
            .. template.Indicators.Select(i => report.Figures.FirstOrDefault(f => string.Equals(f.Code, i.Code, StringComparison.OrdinalIgnoreCase)) is { } f
                ? new FigureInput { Code = i.Code, Value = FigureFormat.Plain(f.Hundredths), Qualifier = f.Qualifier, Note = f.Note }
                : new FigureInput { Code = i.Code }),
        ],
        FilerName = report.FilerName,
        FilerPhone = report.FilerPhone,
        ResponsiblePerson = report.ResponsiblePerson,
    };

    /// <summary>The typed form as content, or the field errors (keyed as the form names them).</summary>
    private (ReportContent? Content, List<KeyValuePair<string, string>> Errors) Read(
        ReportTemplate template, ReportInput input, IReadOnlyDictionary<string, PrefillValue> suggested)
    {
        var errors = new List<KeyValuePair<string, string>>();
        var sections = new List<SectionText>();
        for (var i = 0; i < template.Sections.Count; i++)
        {
            var section = template.Sections[i];
            var typed = input.Sections.FirstOrDefault(s => s.Title == section.Title)?.Html;
            if (RichText.IsTooLarge(typed))
            {
                errors.Add(new($"Sections[{i}].Html", $"“{section.Title}”内容过长或格式过于复杂（超过 200 KB 或 1 万个标签），请精简，或把材料作为附件上传。"));
                continue;
            }

            var html = richText.Sanitise(typed);
            if (RichText.HasText(html))
            {
                sections.Add(new SectionText(section.Order, section.Title, html));
            }
        }

        var figures = new List<FigureValue>();
        for (var i = 0; i < template.Indicators.Count; i++)
        {
            var indicator = template.Indicators[i];
            var typed = input.Figures.FirstOrDefault(f => string.Equals(f.Code, indicator.Code, StringComparison.OrdinalIgnoreCase));
            if (typed is null)
            {
                continue;
            }

            var parsed = FigureParser.Parse(typed.Value, indicator.ValueType);
            if (parsed.Error is not null)
            {
                errors.Add(new($"Figures[{i}].Value", $"“{indicator.Name}”：{parsed.Error}"));
                continue;
            }

            if (!Enum.IsDefined(typed.Qualifier))
            {
                errors.Add(new($"Figures[{i}].Qualifier", $"“{indicator.Name}”：请选择数值的表述方式。"));
                continue;
            }

            if (typed.Note is { Length: > Schema.MediumText })
            {
                errors.Add(new($"Figures[{i}].Note", $"“{indicator.Name}”的说明不能超过 {Schema.MediumText} 个字。"));
                continue;
            }

            if (parsed.Hundredths is not { } value)
            {
                if (!string.IsNullOrWhiteSpace(typed.Note))
                {
                    errors.Add(new($"Figures[{i}].Value", $"“{indicator.Name}”填写了说明，请同时填写数值。"));
                }

                continue;
            }

            var source = suggested.TryGetValue(indicator.Code, out var p) && p.Hundredths == value && p.Qualifier == typed.Qualifier
                ? p.Source : FigureSource.Manual;
            figures.Add(new FigureValue(indicator.Code, value, typed.Qualifier, typed.Note, source));
        }

        Check(errors, input.FilerName, Schema.PersonName, nameof(input.FilerName), "填报人");
        Check(errors, input.FilerPhone, Schema.Phone, nameof(input.FilerPhone), "联系电话");
        Check(errors, input.ResponsiblePerson, Schema.PersonName, nameof(input.ResponsiblePerson), "单位负责人");
        return errors.Count > 0
            ? (null, errors)
            : (new ReportContent(sections, figures, input.FilerName, input.FilerPhone, input.ResponsiblePerson), errors);
    }

    private static void Check(List<KeyValuePair<string, string>> errors, string? value, int max, string field, string label)
    {
        if (value is { Length: > 0 } && value.Trim().Length > max)
        {
            errors.Add(new(field, $"{label}不能超过 {max} 个字。"));
        }
    }

    /// <summary>What submitting needs and the working copy lacks: required sections, figures, people and materials.</summary>
    internal static List<KeyValuePair<string, string>> Missing(ReportTemplate template, SummaryReport report)
    {
        var missing = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < template.Sections.Count; i++)
        {
            var s = template.Sections[i];
            if (s.IsRequired && !report.Sections.Any(x => x.Title == s.Title && RichText.HasText(x.Html)))
            {
                missing.Add(new($"Sections[{i}].Html", $"请填写“{s.Title}”。"));
            }
        }

        for (var i = 0; i < template.Indicators.Count; i++)
        {
            var indicator = template.Indicators[i];
            if (indicator.IsRequired && !report.Figures.Any(f => string.Equals(f.Code, indicator.Code, StringComparison.OrdinalIgnoreCase)))
            {
                missing.Add(new($"Figures[{i}].Value", $"请填写统计指标“{indicator.Name}”。"));
            }
        }

        if (report.FilerName is null)
        {
            missing.Add(new(nameof(ReportInput.FilerName), "请填写填报人。"));
        }

        if (report.FilerPhone is null)
        {
            missing.Add(new(nameof(ReportInput.FilerPhone), "请填写联系电话。"));
        }

        if (report.ResponsiblePerson is null)
        {
            missing.Add(new(nameof(ReportInput.ResponsiblePerson), "请填写单位负责人。"));
        }

        foreach (var material in template.Materials.Where(m => m.IsRequired))
        {
            if (!MaterialRules.IsProvided(material.Name, report))
            {
                missing.Add(new("materials", $"请提供报送材料“{material.Name}”：{MaterialRules.Hint(material.Name)}"));
            }
        }

        return missing;
    }

    /// <summary>For a save that lost the race: every field where the saved report and this person's input differ.</summary>
    private static ReportConflict Diff(ReportTemplate template, SummaryReport saved, ReportContent yours)
    {
        var rows = new List<ConflictRow>();
        foreach (var section in template.Sections)
        {
            var a = saved.Sections.FirstOrDefault(s => s.Title == section.Title)?.Html ?? string.Empty;
            var b = yours.Sections.FirstOrDefault(s => s.Title == section.Title)?.Html ?? string.Empty;
            if (a != b)
            {
                rows.Add(new ConflictRow(section.Title, Excerpt(a), Excerpt(b)));
            }
        }

        foreach (var indicator in template.Indicators)
        {
            var a = saved.Figures.FirstOrDefault(f => string.Equals(f.Code, indicator.Code, StringComparison.OrdinalIgnoreCase));
            var b = yours.Figures.FirstOrDefault(f => string.Equals(f.Code, indicator.Code, StringComparison.OrdinalIgnoreCase));
            var sa = a is null ? "（空）" : a.Display(indicator.Unit) + (a.Note is null ? string.Empty : $"（{a.Note}）");
            var sb = b is null ? "（空）" : b.Display(indicator.Unit) + (b.Note is null ? string.Empty : $"（{b.Note}）");
            if (sa != sb)
            {
                rows.Add(new ConflictRow(indicator.Name, sa, sb));
            }
        }

        void Person(string label, string? a, string? b)
        {
            a = string.IsNullOrWhiteSpace(a) ? null : a.Trim();
            b = string.IsNullOrWhiteSpace(b) ? null : b.Trim();
            if (a != b)
            {
                rows.Add(new ConflictRow(label, a ?? "（空）", b ?? "（空）"));
            }
        }

        Person("填报人", saved.FilerName, yours.FilerName);
        Person("联系电话", saved.FilerPhone, yours.FilerPhone);
        Person("单位负责人", saved.ResponsiblePerson, yours.ResponsiblePerson);
        return new ReportConflict(saved.UpdatedBy, saved.UpdatedAt, rows);
    }

    internal static string Excerpt(string html)
    {
        if (html.Length == 0)
        {
            return "（空）";
        }

        var text = RichText.StripTags(html, " ");
        text = SpacePattern().Replace(text, " ").Trim();
        return text.Length > 80 ? string.Concat(text.AsSpan(0, 80), "…") : text;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\s+", RegexOptions.None, 1000)]
    private static partial Regex SpacePattern();

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {ReportId} {Change}")]
    private static partial void LogReport(ILogger logger, string change, int reportId);
}

/// <summary>
/// How a required material (报送材料) is provided. The campaign names its materials freely, so a few common ones are
/// recognised by name: 统计表 by the figures, 总结 by the sections, 照片 by photos, 媒体报道 by the media list,
/// 盖章 by a stamped scan. Any other material needs an attachment marked as providing it.
/// </summary>
public static class MaterialRules
{
    public static bool IsProvided(string name, SummaryReport report) =>
        report.Files.Any(f => f.Material == name) || name switch
        {
            _ when name.Contains("统计", StringComparison.Ordinal) => report.Figures.Count > 0,
            _ when name.Contains("总结", StringComparison.Ordinal) => report.Sections.Count > 0,
            _ when name.Contains("照片", StringComparison.Ordinal) => report.Files.Any(f => f.Kind == ReportFileKind.Photo),
            _ when name.Contains("媒体", StringComparison.Ordinal) || name.Contains("报道", StringComparison.Ordinal) => report.Media.Count > 0,
            _ when name.Contains("盖章", StringComparison.Ordinal) => report.Files.Any(f => f.Kind == ReportFileKind.StampedScan),
            _ when name.Contains("视频", StringComparison.Ordinal) => report.Files.Any(f => f.Kind == ReportFileKind.Video),
            _ => false,
        };

    public static string Hint(string name) => name switch
    {
        _ when name.Contains("统计", StringComparison.Ordinal) => "请填写统计表。",
        _ when name.Contains("总结", StringComparison.Ordinal) => "请填写报告正文。",
        _ when name.Contains("照片", StringComparison.Ordinal) => "请在“附件”中上传至少一张照片。",
        _ when name.Contains("媒体", StringComparison.Ordinal) || name.Contains("报道", StringComparison.Ordinal) => "请在“媒体报道”中至少登记一条。",
        _ when name.Contains("盖章", StringComparison.Ordinal) => "请上传盖章扫描件。",
        _ when name.Contains("视频", StringComparison.Ordinal) => "请在“视频”中上传视频。",
        _ => "请上传附件，并在“对应材料”中选择此项。",
    };
}
