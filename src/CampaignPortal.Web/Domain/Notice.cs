namespace CampaignPortal.Web.Domain;

public enum NoticeKind
{
    /// <summary>通知.</summary>
    Notice,

    /// <summary>工作方案, often attached to a notice and shown after it ("附:").</summary>
    WorkPlan,

    /// <summary>一封信.</summary>
    Letter,
}

public enum NoticeStatus
{
    Draft,
    Published,
    Withdrawn,
}

public enum AddresseeRole
{
    /// <summary>主送.</summary>
    Main,

    /// <summary>抄送.</summary>
    Copy,
}

/// <summary>
/// A document of a campaign, structured as the seed notices are: title, 文号, issuers in order (the first leads),
/// 主送/抄送 word for word and as organisations, bases, body, requirements, contacts, where reports go, attachments,
/// 成文日期 and 发布日期.
/// </summary>
public sealed class Notice
{
    private readonly List<NoticeIssuer> _issuers = [];
    private readonly List<NoticeAddressee> _addressees = [];
    private readonly List<NoticeBasis> _bases = [];
    private readonly List<NoticeContact> _contacts = [];
    private readonly List<NoticeAttachment> _attachments = [];
    private readonly List<NoticeRevision> _revisions = [];

    private Notice()
    {
        Title = BodyHtml = string.Empty;
    }

    public Notice(int campaignId, NoticeKind kind, string title, DateTimeOffset createdAt)
    {
        CampaignId = campaignId;
        Kind = kind;
        Title = title.Trim();
        BodyHtml = string.Empty;
        Status = NoticeStatus.Draft;
        IsPublic = true;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    public int CampaignId { get; private set; }

    public Campaign? Campaign { get; private set; }

    public NoticeKind Kind { get; private set; }

    /// <summary>The campaign's main notice: publishing it makes its addressees the participants.</summary>
    public bool IsMain { get; private set; }

    /// <summary>A work plan attached to a notice is shown after it.</summary>
    public int? AttachedToNoticeId { get; private set; }

    public string Title { get; private set; }

    /// <summary>文号 of the lead issuer, e.g. 国科函才〔2023〕65号; optional (neither seed notice shows its own).</summary>
    public string? DocumentNumber { get; private set; }

    /// <summary>主送 word for word, e.g. "各地州市科技局、党委宣传部、科协，…，各有关单位".</summary>
    public string? MainRecipientsText { get; private set; }

    /// <summary>抄送 word for word.</summary>
    public string? CopyRecipientsText { get; private set; }

    /// <summary>Sanitised HTML.</summary>
    public string BodyHtml { get; private set; }

    /// <summary>有关要求, sanitised HTML.</summary>
    public string? RequirementsHtml { get; private set; }

    /// <summary>报送单位, e.g. 自治区科学技术厅引进智力与人才服务处.</summary>
    public string? ReportTo { get; private set; }

    /// <summary>报送方式, e.g. an e-mail address.</summary>
    public string? ReportMethod { get; private set; }

    /// <summary>成文日期 (the date under the issuers).</summary>
    public DateOnly? DocumentDate { get; private set; }

    /// <summary>发布日期, set when published (it differs from 成文日期: Shaanxi 5月12日 / 5月19日).</summary>
    public DateOnly? PublicationDate { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public bool IsPublic { get; private set; }

    public NoticeStatus Status { get; private set; }

    public string? WithdrawalReason { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    /// <summary>Title, 文号 and issuer names, NFKC-normalised and upper-cased, for search that ignores width and case.</summary>
    public string SearchText { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<NoticeIssuer> Issuers => _issuers;

    public IReadOnlyList<NoticeAddressee> Addressees => _addressees;

    public IReadOnlyList<NoticeBasis> Bases => _bases;

    public IReadOnlyList<NoticeContact> Contacts => _contacts;

    public IReadOnlyList<NoticeAttachment> Attachments => _attachments;

    /// <summary>Every published state, first publication included (load them before <see cref="Revise"/>).</summary>
    public IReadOnlyList<NoticeRevision> Revisions => _revisions;

    /// <summary>The number of the current revision: 0 for a draft, 1 once published, 2 after the first revision.</summary>
    public int RevisionNumber { get; private set; }

    /// <summary>When the notice was last revised after publication.</summary>
    public DateTimeOffset? RevisedAt { get; private set; }

    public void MarkMain() => IsMain = true;

    public void AttachTo(int? noticeId)
    {
        EnsureDraft();
        AttachedToNoticeId = noticeId;
    }

    public void Write(NoticeContent content)
    {
        EnsureDraft();
        Kind = content.Kind;
        Title = content.Title.Trim();
        DocumentNumber = Clean(content.DocumentNumber);
        MainRecipientsText = Clean(content.MainRecipientsText);
        CopyRecipientsText = Clean(content.CopyRecipientsText);
        BodyHtml = content.BodyHtml;
        RequirementsHtml = string.IsNullOrWhiteSpace(content.RequirementsHtml) ? null : content.RequirementsHtml;
        ReportTo = Clean(content.ReportTo);
        ReportMethod = Clean(content.ReportMethod);
        DocumentDate = content.DocumentDate;
        IsPublic = content.IsPublic;
    }

    public void SetIssuers(IReadOnlyList<int> organisationIds, IReadOnlyList<string> names)
    {
        EnsureDraft();
        _issuers.Clear();
        _issuers.AddRange(organisationIds.Select((id, i) => new NoticeIssuer(i + 1, id)));
        SearchText = Normalise(string.Join(" ", [Title, DocumentNumber ?? string.Empty, .. names]));
    }

    public void SetAddressees(IEnumerable<int> main, IEnumerable<int> copy)
    {
        EnsureDraft();
        _addressees.Clear();
        var mainIds = main.Distinct().ToList();
        _addressees.AddRange(mainIds.Select(id => new NoticeAddressee(id, AddresseeRole.Main)));
        _addressees.AddRange(copy.Distinct().Except(mainIds).Select(id => new NoticeAddressee(id, AddresseeRole.Copy)));
    }

    public void SetBases(IEnumerable<(string Title, string? DocumentNumber, int? LinkedNoticeId)> bases)
    {
        EnsureDraft();
        _bases.Clear();
        _bases.AddRange(bases.Select((b, i) => new NoticeBasis(i + 1, b.Title, b.DocumentNumber, b.LinkedNoticeId)));
    }

    public void SetContacts(IEnumerable<NoticeContact> contacts)
    {
        EnsureDraft();
        _contacts.Clear();
        var list = contacts.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            list[i].Order = i + 1;
        }

        _contacts.AddRange(list);
    }

    public void AddAttachment(Guid fileId, string? title)
    {
        EnsureDraft();
        _attachments.Add(new NoticeAttachment(_attachments.Count + 1, fileId, title));
    }

    public bool RemoveAttachment(Guid fileId)
    {
        EnsureDraft();
        return _attachments.RemoveAll(a => a.StoredFileId == fileId) > 0;
    }

    /// <summary>Publishes the notice. Its date of publication is China's calendar day unless the organiser gave one.</summary>
    public void Publish(DateTimeOffset at, DateOnly publicationDate, string? publishedBy = null)
    {
        EnsureDraft();
        if (_issuers.Count == 0)
        {
            throw new DomainException("发布前请至少选择一个发文单位。");
        }

        if (string.IsNullOrWhiteSpace(BodyHtml))
        {
            throw new DomainException("发布前请填写通知正文。");
        }

        if (IsMain && Kind == NoticeKind.Notice && !_addressees.Any(a => a.Role == AddresseeRole.Main))
        {
            throw new DomainException("发布前请选择主送单位：主送单位将成为本活动的填报单位。");
        }

        Status = NoticeStatus.Published;
        PublishedAt = at;
        PublicationDate = publicationDate;
        RevisionNumber = 1;
        _revisions.Add(new NoticeRevision(1, this, null, at, publishedBy));
    }

    /// <summary>
    /// 修订: changes the text of a published notice and keeps the new state as the next revision with its change note.
    /// The revisions must be loaded. A revision that changes nothing is refused.
    /// </summary>
    public void Revise(NoticeRevisionContent content, string changeNote, DateTimeOffset at, string? revisedBy)
    {
        if (Status != NoticeStatus.Published)
        {
            throw new DomainException(Status == NoticeStatus.Draft ? "草稿可以直接编辑，无需修订。" : "通知已撤回，不能再修订。");
        }

        if (string.IsNullOrWhiteSpace(changeNote))
        {
            throw new DomainException("请填写修订说明，说明改了什么、为什么改。");
        }

        var after = (content.Title.Trim(), Clean(content.DocumentNumber), Clean(content.MainRecipientsText), Clean(content.CopyRecipientsText),
            content.BodyHtml, string.IsNullOrWhiteSpace(content.RequirementsHtml) ? null : content.RequirementsHtml,
            Clean(content.ReportTo), Clean(content.ReportMethod), content.DocumentDate);
        if (after == (Title, DocumentNumber, MainRecipientsText, CopyRecipientsText, BodyHtml, RequirementsHtml, ReportTo, ReportMethod, DocumentDate))
        {
            throw new DomainException("内容与当前版本相同，没有需要修订的地方。");
        }

        if (string.IsNullOrWhiteSpace(after.Item5) || string.IsNullOrWhiteSpace(after.Item1))
        {
            throw new DomainException("通知标题和正文不能为空。");
        }

        (Title, DocumentNumber, MainRecipientsText, CopyRecipientsText, BodyHtml, RequirementsHtml, ReportTo, ReportMethod, DocumentDate) = after;
        RevisionNumber = Math.Max(RevisionNumber, _revisions.Count) + 1;
        RevisedAt = at;
        _revisions.Add(new NoticeRevision(RevisionNumber, this, changeNote.Trim(), at, revisedBy));
    }

    /// <summary>Recomputes the search text after the title or 文号 changed in a revision.</summary>
    public void RefreshSearchText(IEnumerable<string> issuerNames) =>
        SearchText = Normalise(string.Join(" ", [Title, DocumentNumber ?? string.Empty, .. issuerNames]));

    public void Withdraw(string reason, DateTimeOffset at)
    {
        if (Status != NoticeStatus.Published)
        {
            throw new DomainException("只有已发布的通知可以撤回。");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("请填写撤回原因。");
        }

        Status = NoticeStatus.Withdrawn;
        WithdrawalReason = reason.Trim();
        WithdrawnAt = at;
    }

    /// <summary>
    /// The search form of a text: NFKC (full-width → half-width), upper case, no white space of any kind ("2020 年" is
    /// found by "2020年"), and the brackets of 文号 (〔〕【】［］) folded to [].
    /// </summary>
    public static string Normalise(string text)
    {
        var folded = text.Normalize(System.Text.NormalizationForm.FormKC).ToUpperInvariant();
        var builder = new System.Text.StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            builder.Append(c switch { '〔' or '【' or '［' => '[', '〕' or '】' or '］' => ']', _ => c });
        }

        return builder.ToString();
    }

    private void EnsureDraft()
    {
        if (Status != NoticeStatus.Draft)
        {
            throw new DomainException("通知已发布，不能再修改；如需更正，请撤回后重新发布。");
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>What an organiser writes into a notice (sanitised before it gets here).</summary>
public sealed record NoticeContent(
    NoticeKind Kind, string Title, string? DocumentNumber, string? MainRecipientsText, string? CopyRecipientsText,
    string BodyHtml, string? RequirementsHtml, string? ReportTo, string? ReportMethod, DateOnly? DocumentDate, bool IsPublic);

/// <summary>An issuing organisation of a notice (联合发文), in order; the first is the lead.</summary>
public sealed class NoticeIssuer
{
    private NoticeIssuer()
    {
    }

    internal NoticeIssuer(int order, int organisationId)
    {
        Order = order;
        OrganisationId = organisationId;
    }

    public int Id { get; private set; }

    public int NoticeId { get; private set; }

    public int Order { get; private set; }

    public int OrganisationId { get; private set; }

    public Organisation? Organisation { get; private set; }
}

/// <summary>An addressee from the tree (主送 or 抄送).</summary>
public sealed class NoticeAddressee
{
    private NoticeAddressee()
    {
    }

    internal NoticeAddressee(int organisationId, AddresseeRole role)
    {
        OrganisationId = organisationId;
        Role = role;
    }

    public int Id { get; private set; }

    public int NoticeId { get; private set; }

    public int OrganisationId { get; private set; }

    public Organisation? Organisation { get; private set; }

    public AddresseeRole Role { get; private set; }
}

/// <summary>依据: a referenced document, with its 文号 when it has one, linked when it is on the portal.</summary>
public sealed class NoticeBasis
{
    private NoticeBasis()
    {
        Title = string.Empty;
    }

    internal NoticeBasis(int order, string title, string? documentNumber, int? linkedNoticeId)
    {
        Order = order;
        Title = title.Trim();
        DocumentNumber = string.IsNullOrWhiteSpace(documentNumber) ? null : documentNumber.Trim();
        LinkedNoticeId = linkedNoticeId;
    }

    public int Id { get; private set; }

    public int NoticeId { get; private set; }

    public int Order { get; private set; }

    public string Title { get; private set; }

    public string? DocumentNumber { get; private set; }

    public int? LinkedNoticeId { get; private set; }
}

/// <summary>联系人: several names may share one entry ("意则提、杨倩、杨青"), phones in free format.</summary>
public sealed class NoticeContact
{
    private NoticeContact()
    {
        Names = string.Empty;
    }

    public NoticeContact(string names, string? phones, string? email, string? office, string? address, string? postcode)
    {
        Names = names.Trim();
        Phones = Clean(phones);
        Email = Clean(email);
        Office = Clean(office);
        Address = Clean(address);
        Postcode = Clean(postcode);
    }

    public int Id { get; private set; }

    public int NoticeId { get; private set; }

    public int Order { get; internal set; }

    public string Names { get; private set; }

    /// <summary>Free format, e.g. "0991-3836587  3838217".</summary>
    public string? Phones { get; private set; }

    public string? Email { get; private set; }

    public string? Office { get; private set; }

    public string? Address { get; private set; }

    public string? Postcode { get; private set; }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>A file attached to a notice, in order.</summary>
public sealed class NoticeAttachment
{
    private NoticeAttachment()
    {
    }

    internal NoticeAttachment(int order, Guid storedFileId, string? title)
    {
        Order = order;
        StoredFileId = storedFileId;
        Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim();
    }

    public int Id { get; private set; }

    public int NoticeId { get; private set; }

    public int Order { get; private set; }

    public Guid StoredFileId { get; private set; }

    public StoredFile? File { get; private set; }

    /// <summary>The name shown in the 附件 list, e.g. 2023年自治区科技活动周开展情况统计表; the file name if empty.</summary>
    public string? Title { get; private set; }
}

/// <summary>A file in the file store: kept outside the web root under a random name.</summary>
public sealed class StoredFile
{
    private StoredFile()
    {
        OriginalName = ContentType = Sha256 = StorageKey = string.Empty;
    }

    public StoredFile(Guid id, string originalName, string contentType, long size, string sha256, string storageKey, int organisationId, string? uploadedBy, DateTimeOffset createdAt)
    {
        Id = id;
        OriginalName = originalName;
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        StorageKey = storageKey;
        OrganisationId = organisationId;
        UploadedBy = uploadedBy;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    /// <summary>The uploader's name for it, sanitised for display; downloads carry it back.</summary>
    public string OriginalName { get; private set; }

    public string ContentType { get; private set; }

    public long Size { get; private set; }

    public string Sha256 { get; private set; }

    /// <summary>The random path under the store's root.</summary>
    public string StorageKey { get; private set; }

    public int OrganisationId { get; private set; }

    public string? UploadedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Where a photo's preview (a small JPEG) is kept; null for other files.</summary>
    public string? ThumbnailKey { get; private set; }

    public void SetThumbnail(string key) => ThumbnailKey = key;
}
