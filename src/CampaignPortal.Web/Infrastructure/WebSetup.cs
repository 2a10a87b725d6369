using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Data.Seeding;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.WebEncoders;
using Serilog;

namespace CampaignPortal.Web.Infrastructure;

/// <summary>Service registration and the request pipeline, kept out of Program.cs so it reads as a table of contents.</summary>
public static partial class WebSetup
{
    public const string ApplicationName = "CampaignPortal";
    public const string SignInRateLimit = "sign-in";
    public const string ObjectionRateLimit = "objection";
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en-US")];

    public static IServiceCollection AddPortalIdentity(this IServiceCollection services, SecurityOptions security)
    {
        services.AddIdentity<ApplicationUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.User.AllowedUserNameCharacters = Features.Users.UserInputValidator.UserNameCharacters;
                PasswordPolicy.Configure(o.Password);
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddPasswordValidator<PortalPasswordValidator>()
            .AddSignInManager<PortalSignInManager>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>();

        // A disabled or changed account loses its sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromSeconds(security.SessionCheckSeconds));
        services.AddSingleton<CommonPasswords>();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "cp.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = security.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(security.SessionHours);
            o.SlidingExpiration = false;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/error/403";
            o.Events.OnRedirectToLogin = context =>
            {
                if (IsApiRequest(context.Request))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }
                else
                {
                    context.Response.Redirect(context.RedirectUri);
                }

                return Task.CompletedTask;
            };
            o.Events.OnValidatePrincipal = ValidateSessionAsync;
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddAuthorization(o =>
        {
            // Every endpoint needs a signed-in user unless it says [AllowAnonymous].
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            Policies.Add(o);
        });
        return services;
    }

    public static IServiceCollection AddPortalWeb(this IServiceCollection services, IConfiguration configuration, SecurityOptions security)
    {
        services.AddSingleton(security);
        services.AddSingleton(TimeProvider.System);
        services.Configure<SiteOptions>(configuration.GetSection(SiteOptions.Section));
        services.AddHttpContextAccessor();
        services.AddScoped<AuditLog>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<DemoCampaigns>();
        services.AddSingleton<RichText>();
        services.AddSingleton(configuration.GetSection(Files.FileStoreOptions.Section).Get<Files.FileStoreOptions>() ?? new Files.FileStoreOptions());
        services.AddSingleton<Files.IFileStore>(Files.FaultInjectingFileStore.LocalOrFaulty); // fault suite: Files:FaultInjectionFile
        services.AddScoped<Files.FileService>();
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);
        AddFeatureServices(services);

        services.AddControllersWithViews(o =>
        {
            o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            o.Filters.Add<DomainExceptionFilter>();
            // Validation is FluentValidation's, with Chinese messages; MVC must not add English "field is required" errors.
            o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            ModelBindingMessages.UseChinese(o.ModelBindingMessageProvider);
        });
        services.Configure<RazorViewEngineOptions>(o =>
        {
            o.ViewLocationFormats.Insert(0, "/Features/{1}/Views/{0}.cshtml");
            o.ViewLocationFormats.Insert(1, "/Features/Shared/{0}.cshtml");
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "cp.af";
            o.Cookie.SecurePolicy = security.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.HeaderName = "X-CSRF-TOKEN";
        });
        services.AddRouting(o => o.LowercaseUrls = true);
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Chinese first whatever the browser says; English only when chosen with the language link.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? string.Empty,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = security.SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1) }));

            // 公示 objections come from anonymous visitors: a few an hour per address (a 429 shows "操作过于频繁").
            o.AddPolicy(ObjectionRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? string.Empty,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = security.ObjectionsPerHour, Window = TimeSpan.FromHours(1) }));
        });
        services.AddPublicPageCache(configuration);
        services.AddPublicCompression();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        var dataProtection = services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<AppDbContext>();
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            // Keys encrypted at rest with this certificate (every web process needs the same PFX, with its private key).
            dataProtection.ProtectKeysWithCertificate(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                certificatePath, configuration["DataProtection:CertificatePassword"], System.Security.Cryptography.X509Certificates.X509KeyStorageFlags.EphemeralKeySet));
        }

        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        services.Configure<ForwardedHeadersOptions>(o => ConfigureForwardedHeaders(o, configuration));
        return services;
    }

    public static WebApplication UsePortalPipeline(this WebApplication app, SecurityOptions security)
    {
        app.UseForwardedHeaders();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/error/500");
        }

        if (security.RequireHttps)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSecurityHeaders();
        app.UseResponseCompression(); // PublicCompression: static files and anonymous pages without a token
        app.UseStaticFiles();
        app.UseSerilogRequestLogging(o =>
        {
            // Who made each request (refusals by organisation answer 404 and are traced by this line).
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms (user {UserId})";
            o.EnrichDiagnosticContext = (diagnostics, http) =>
                diagnostics.Set("UserId", http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "anonymous");
        });
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseFormText();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseForcedPasswordChange();
        app.UseAuthorization();
        app.UseOutputCache();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapControllers();

        // Unknown addresses answer 404 to everyone; without this the fallback policy would send visitors to sign in.
        app.MapFallback("{*path}", context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous();
        return app;
    }

    /// <summary>
    /// Identity's security-stamp check, which ends the sessions of disabled or reset accounts. When the database
    /// cannot answer, the session is kept as it is (pages that need the database fail on their own, with the error
    /// page): signing everybody out during a database outage would lose their unsaved work.
    /// </summary>
    private static async Task ValidateSessionAsync(Microsoft.AspNetCore.Authentication.Cookies.CookieValidatePrincipalContext context)
    {
        try
        {
            await SecurityStampValidator.ValidatePrincipalAsync(context);
        }
        catch (System.Data.Common.DbException ex)
        {
            LogSessionCheckSkipped(context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebSetup)), ex);
        }
    }

    public static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || string.Equals(request.Headers.XRequestedWith, "XMLHttpRequest", StringComparison.Ordinal);

    private static void AddFeatureServices(IServiceCollection services)
    {
        services.AddScoped<CurrentUser>();
        services.AddScoped<Features.Home.DashboardService>();
        services.AddScoped<Features.Account.AccountService>();
        services.AddScoped<Features.Account.PasswordHelpService>();
        services.AddScoped<Features.Workbench.WorkbenchService>();
        services.AddScoped<Features.Organisations.OrganisationAdminService>();
        services.AddScoped<Features.Users.UserAdminService>();
        services.AddScoped<Features.Users.UserImportService>();
        services.AddSingleton<Features.Users.UserExport>();
        services.AddScoped<Features.Audit.AuditService>();
        services.AddScoped<Features.Notices.NoticeReadService>();
        services.AddSingleton<Features.Notices.NoticeFilterCache>();
        services.AddScoped<Features.Campaigns.CampaignService>();
        services.AddScoped<Features.Campaigns.NoticeEditService>();
        services.AddScoped<Features.Campaigns.ForwardingService>();
        services.AddScoped<Features.Receipts.ReceiptService>();
        services.AddScoped<Features.Notifications.NotificationService>();
        services.AddScoped<Features.Activities.ActivityService>();
        services.AddScoped<Features.Activities.ActivityOverviewService>();
        services.AddScoped<Features.Activities.SubVenueService>();
        services.AddScoped<Features.Reports.ReportPrefill>();
        services.AddScoped<Features.Reports.ReportService>();
        services.AddScoped<Features.Reports.ReportReadService>();
        services.AddScoped<Features.Reports.ReviewService>();
        services.AddScoped<Features.Reports.VideoUploadService>();
        services.AddScoped<Features.Progress.ProgressService>();
        services.AddScoped<Features.Progress.ReminderService>();
        services.AddScoped<Features.Account.PasswordResetService>();

        // Password-reset links (and other Identity tokens) are valid one hour.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(1));
        services.AddOptions<Mail.MailOptions>().BindConfiguration(Mail.MailOptions.Section);
        services.AddScoped<Mail.OutboxService>();
        services.AddSingleton<Mail.IMailTransport>(sp =>
            string.Equals(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Mail.MailOptions>>().Value.Mode, "Smtp", StringComparison.OrdinalIgnoreCase)
                ? ActivatorUtilities.CreateInstance<Mail.SmtpMailTransport>(sp)
                : ActivatorUtilities.CreateInstance<Mail.FolderMailTransport>(sp));
        services.AddHostedService<Mail.OutboxWorker>();
        services.AddHostedService<Features.Progress.ReminderWorker>();
        services.AddOptions<Features.Exports.DocumentOptions>().BindConfiguration(Features.Exports.DocumentOptions.Section);
        services.AddScoped<Features.Exports.ExportService>();
        services.AddScoped<Features.Selections.SelectionService>();
        services.AddScoped<Features.Selections.NominationFileService>();
        services.AddScoped<Features.Selections.SelectionUpkeepService>();
        services.AddScoped<Features.Selections.RoundService>();
        services.AddScoped<Features.Selections.NominationService>();
        services.AddScoped<Features.Selections.VotingService>();
        services.AddScoped<Features.Selections.SelectionReadService>();
        services.AddScoped<Features.Selections.ScoringService>();
        services.AddScoped<Features.Selections.RecusalService>();
        services.AddScoped<Features.Selections.ScoringReadService>();
        services.AddScoped<Features.Selections.SelectionExport>();
        services.AddScoped<Features.Selections.AnnouncementService>();
        services.AddScoped<Features.Selections.ObjectionService>();
        services.AddScoped<Features.Selections.AnnouncementReadService>();
        services.AddHostedService<Features.Exports.ExportWorker>();
        services.AddOptions<Features.Reports.UploadOptions>().BindConfiguration(Features.Reports.UploadOptions.Section);
    }

    /// <summary>
    /// Behind a load balancer, X-Forwarded-For/Proto are honoured from the proxies listed in
    /// <c>ForwardedHeaders:KnownProxies</c> (IP addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR); loopback always.
    /// </summary>
    private static void ConfigureForwardedHeaders(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session check skipped: the database did not answer")]
    private static partial void LogSessionCheckSkipped(Microsoft.Extensions.Logging.ILogger logger, Exception exception);
}
