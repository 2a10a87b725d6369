using System.Reflection;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Security;

/// <summary>
/// OWASP ASVS 5.0 (V6.2): at least 8 characters, long passphrases allowed, no composition rules; refuse common
/// passwords and passwords built from the user's own name, e-mail name or organisation.
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 8;
    public const int MaximumLength = Schema.Password;
    public const string Help = "至少 8 位，最长 128 位；可以用一句好记的话。不能用常见密码，也不能包含您的姓名、邮箱名或单位名称。";

    public static void Configure(PasswordOptions options)
    {
        options.RequiredLength = MinimumLength;
        options.RequireDigit = false;
        options.RequireLowercase = false;
        options.RequireUppercase = false;
        options.RequireNonAlphanumeric = false;
        options.RequiredUniqueChars = 1;
    }
}

/// <summary>The few thousand most common passwords (Security/common-passwords.txt, embedded), lower-cased.</summary>
public sealed class CommonPasswords
{
    private readonly HashSet<string> _passwords;

    public CommonPasswords()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CampaignPortal.Web.Security.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded.");
        using var reader = new StreamReader(stream);
        _passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                _passwords.Add(line);
            }
        }
    }

    public int Count => _passwords.Count;

    public bool Contains(string password) => _passwords.Contains(password.Trim().ToLowerInvariant());
}

internal sealed class PortalPasswordValidator(CommonPasswords common, AppDbContext db) : IPasswordValidator<ApplicationUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return IdentityResult.Success; // Identity's own length check reports the empty password.
        }

        var errors = new List<IdentityError>();
        if (password.Length > PasswordPolicy.MaximumLength)
        {
            errors.Add(new IdentityError { Code = "PasswordTooLong", Description = "密码不能超过 128 位。" });
        }

        if (common.Contains(password))
        {
            errors.Add(new IdentityError { Code = "PasswordTooCommon", Description = "这个密码太常见，很容易被猜中，请换一个。" });
        }

        var organisation = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == user.OrganisationId)
            .Select(o => new { o.Name, o.ShortName })
            .SingleOrDefaultAsync();
        string?[] personal = [user.DisplayName, user.Email?.Split('@')[0], organisation?.Name, organisation?.ShortName];
        if (personal.Any(part => IsTelling(part) && password.Contains(part!, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(new IdentityError { Code = "PasswordContainsPersonalInfo", Description = "密码不能包含您的姓名、邮箱名或单位名称。" });
        }

        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    /// <summary>Two Chinese characters name a person; two Latin letters ("li") are in too many passwords to mean anything.</summary>
    private static bool IsTelling(string? part) =>
        part is not null && part.Length >= (part.All(char.IsAscii) ? 3 : 2);
}

/// <summary>Refuses sign-in to disabled accounts (before the password is checked).</summary>
internal sealed class PortalSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    Microsoft.Extensions.Options.IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(ApplicationUser user) => !user.IsDisabled && await base.CanSignInAsync(user);
}
