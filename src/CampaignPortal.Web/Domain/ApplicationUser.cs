using Microsoft.AspNetCore.Identity;

namespace CampaignPortal.Web.Domain;

/// <summary>A person who signs in. Every user belongs to exactly one organisation; the e-mail is the user name.</summary>
public sealed class ApplicationUser : IdentityUser
{
    /// <summary>姓名.</summary>
    public string DisplayName { get; set; } = string.Empty;

    public int OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    /// <summary>Set when an administrator issued a one-time password; cleared by the first password change.</summary>
    public bool MustChangePassword { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>A disabled account cannot sign in; its sessions end at the next security-stamp check.</summary>
    public bool IsDisabled { get; private set; }

    public void Disable()
    {
        if (IsDisabled)
        {
            throw new DomainException("该账号已经停用。");
        }

        IsDisabled = true;
    }

    public void Enable()
    {
        if (!IsDisabled)
        {
            throw new DomainException("该账号已经启用。");
        }

        IsDisabled = false;
    }
}
