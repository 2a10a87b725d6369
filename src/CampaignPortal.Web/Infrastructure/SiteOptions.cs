namespace CampaignPortal.Web.Infrastructure;

/// <summary>The <c>Site</c> section: the names and footer the public sees.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    public string Name { get; set; } = "科协活动报送平台";

    /// <summary>主办单位.</summary>
    public string Operator { get; set; } = "中国科学技术协会";

    /// <summary>
    /// The portal's public address, e.g. https://kx.example.gov.cn — links in e-mails are built from it, never from the
    /// request's Host header (which a client can forge).
    /// </summary>
    public string BaseUrl { get; set; } = "http://127.0.0.1:5080";

    public string? ContactPhone { get; set; }

    /// <summary>How long anonymous visitors' public pages are served from the output cache; 0 turns it off.</summary>
    public int PublicCacheSeconds { get; set; } = 30;

    /// <summary>How long the public notice list's year and issuer choices are kept in memory; 0 reads them every time.</summary>
    public int FilterListSeconds { get; set; } = 60;

    public string? ContactEmail { get; set; }

    public string? Address { get; set; }

    /// <summary>ICP备案号, e.g. 京ICP备00000000号.</summary>
    public string? IcpNumber { get; set; }

    /// <summary>公网安备 number.</summary>
    public string? PublicSecurityNumber { get; set; }
}

/// <summary>The <c>Security</c> section.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Secure cookies, HTTPS redirection and HSTS. Defaults to true everywhere but Development.</summary>
    public bool RequireHttps { get; set; }

    /// <summary>Absolute lifetime of a sign-in.</summary>
    public int SessionHours { get; set; } = 8;

    /// <summary>How often a session re-reads its account (a disabled or reset account is signed out at the next check).</summary>
    public int SessionCheckSeconds { get; set; } = 60;

    /// <summary>Sign-in attempts allowed per client address and minute (on top of the per-account lockout).</summary>
    public int SignInAttemptsPerMinute { get; set; } = 20;

    /// <summary>公示 objections accepted per client address and hour (anonymous form).</summary>
    public int ObjectionsPerHour { get; set; } = 5;

    public static SecurityOptions From(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = new SecurityOptions { RequireHttps = !environment.IsDevelopment() };
        configuration.GetSection(Section).Bind(options);
        return options;
    }
}
