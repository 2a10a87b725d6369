using System.Security.Cryptography;

namespace CampaignPortal.Web.Domain;

/// <summary>
/// A node of the organisation tree. <see cref="Path"/> is a materialised path of random segments
/// ("/k3m9q2/x81bd0/"), so a subtree is one indexed prefix query and an insert needs no second save to learn its id.
/// </summary>
public sealed class Organisation
{
    private const string SegmentAlphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
    private const int SegmentLength = 8;

    private Organisation()
    {
        Name = ShortName = Path = string.Empty;
    }

    public Organisation(string name, string shortName, OrganisationKind kind, Organisation? parent, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        ShortName = string.IsNullOrWhiteSpace(shortName) ? Name : shortName.Trim();
        Kind = kind;
        Parent = parent;
        ParentId = parent?.Id;
        Path = (parent?.Path ?? "/") + NewSegment() + "/";
        Depth = parent is null ? 0 : parent.Depth + 1;
        IsActive = true;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    /// <summary>全称, e.g. 新疆维吾尔自治区科学技术协会.</summary>
    public string Name { get; private set; }

    /// <summary>简称, e.g. 自治区科协.</summary>
    public string ShortName { get; private set; }

    public OrganisationKind Kind { get; private set; }

    public int? ParentId { get; private set; }

    public Organisation? Parent { get; private set; }

    public string Path { get; private set; }

    public int Depth { get; private set; }

    public string? Phone { get; private set; }

    public string? Address { get; private set; }

    public bool IsActive { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsWithin(Organisation ancestor) => Path.StartsWith(ancestor.Path, StringComparison.Ordinal);

    public void Update(string name, string shortName, OrganisationKind kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        ShortName = string.IsNullOrWhiteSpace(shortName) ? Name : shortName.Trim();
        Kind = kind;
    }

    /// <summary>
    /// Hangs this organisation under <paramref name="newParent"/>. The caller rewrites the descendants' paths with the
    /// returned move (one UPDATE), because they are not loaded.
    /// </summary>
    public OrganisationMove MoveUnder(Organisation newParent)
    {
        if (newParent.IsWithin(this))
        {
            throw new DomainException("不能把单位移到它自己或它的下级单位之下。");
        }

        if (newParent.Id == ParentId)
        {
            throw new DomainException("该单位已经在所选上级单位之下。");
        }

        var oldPath = Path;
        var oldDepth = Depth;
        var segment = Path[(Path.LastIndexOf('/', Path.Length - 2) + 1)..];
        Parent = newParent;
        ParentId = newParent.Id;
        Path = newParent.Path + segment;
        Depth = newParent.Depth + 1;
        return new OrganisationMove(oldPath, Path, Depth - oldDepth);
    }

    public void Deactivate()
    {
        if (!IsActive)
        {
            throw new DomainException("该单位已经停用。");
        }

        IsActive = false;
    }

    public void Activate()
    {
        if (IsActive)
        {
            throw new DomainException("该单位已经启用。");
        }

        IsActive = true;
    }

    public void SetContact(string? phone, string? address)
    {
        Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        Address = string.IsNullOrWhiteSpace(address) ? null : address.Trim();
    }

    private static string NewSegment() => RandomNumberGenerator.GetString(SegmentAlphabet, SegmentLength);
}

/// <summary>How a move changed the path prefix and depth of the moved subtree.</summary>
public sealed record OrganisationMove(string OldPath, string NewPath, int DepthChange);
