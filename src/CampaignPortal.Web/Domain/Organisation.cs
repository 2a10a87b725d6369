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

    public void SetContact(string? phone, string? address)
    {
        Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        Address = string.IsNullOrWhiteSpace(address) ? null : address.Trim();
    }

    private static string NewSegment() => RandomNumberGenerator.GetString(SegmentAlphabet, SegmentLength);
}
