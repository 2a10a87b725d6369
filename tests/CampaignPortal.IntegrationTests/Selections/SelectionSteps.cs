using System.Globalization;
using System.Security.Claims;
using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Features.Selections;
using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignPortal.IntegrationTests.Selections;

/// <summary>Calls the selection services as a given user (a request's principal without the HTTP round trip), and builds selections.</summary>
public static class SelectionSteps
{
    public static async Task<T> AsAsync<TService, T>(PortalFactory factory, string email, Func<TService, Task<T>> work)
        where TService : notnull
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var account = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id),
            new(ClaimTypes.Name, email),
            new(PortalClaimTypes.OrganisationId, account.OrganisationId.ToString(CultureInfo.InvariantCulture)),
        };
        claims.AddRange((await users.GetRolesAsync(account)).Select(r => new Claim(ClaimTypes.Role, r)));
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity(claims, "test")), RequestServices = scope.ServiceProvider };
        try
        {
            return await work(scope.ServiceProvider.GetRequiredService<TService>());
        }
        finally
        {
            accessor.HttpContext = null;
            _ = db;
        }
    }

    public const string Organiser = "xj.organiser@demo.local";

    /// <summary>A selection of the Xinjiang 2022 campaign (哈密 and 克拉玛依 take part), open from today for a week, with two groups.</summary>
    public static async Task<int> CreateSelectionAsync(PortalFactory factory, DateOnly today, int quota = 2, string title = "测试评选")
    {
        var campaignId = await ReportSteps.CampaignIdAsync(factory);
        var result = await AsAsync<SelectionService, CommandResult>(factory, Organiser, s => s.CreateAsync(campaignId, new SelectionInput
        {
            Title = title,
            Eligibility = "在新疆工作的一线科技工作者",
            NominationOpens = today,
            NominationCloses = today.AddDays(7),
            QuotaPerUnit = quota,
            Groups = "农业组\n医疗组",
        }, default));
        Assert.True(result.Succeeded, string.Join(";", result.Errors));
        return result.Id!.Value;
    }

    public static Task<List<int>> GroupIdsAsync(PortalFactory factory, int selectionId) =>
        factory.WithDbAsync(db => db.Selections.Where(s => s.Id == selectionId).SelectMany(s => s.Groups).OrderBy(g => g.Order).Select(g => g.Id).ToListAsync());

    public static NominationInput Candidate(string name, int groupId) => new()
    {
        Name = name,
        Gender = Gender.Female,
        BirthYear = 1975,
        CandidateOrganisation = "新疆农业科学院",
        Title = "研究员",
        GroupId = groupId,
        Achievements = "<p>长期扎根基层，培育棉花新品种。</p>",
        UnitOpinion = "同意推荐。",
    };

    public static async Task<int> NominateAsync(PortalFactory factory, string filer, int selectionId, string name, int groupId, bool submit = true)
    {
        var result = await AsAsync<NominationService, CommandResult>(factory, filer, s => s.SaveAsync(selectionId, null, Candidate(name, groupId), submit, default));
        Assert.True(result.Succeeded, string.Join(";", result.Errors));
        return result.Id!.Value;
    }

    public static async Task PassAsync(PortalFactory factory, int selectionId, int nominationId) =>
        Assert.True((await AsAsync<SelectionService, CommandResult>(factory, Organiser, s => s.CheckAsync(selectionId, nominationId, true, null, default))).Succeeded);

    public static async Task<int> ExpertIdAsync(PortalFactory factory, int selectionId, string email, int? groupId = null)
    {
        var result = await AsAsync<SelectionService, CommandResult>(factory, Organiser, s => s.GrantExpertAsync(selectionId, email, groupId, default));
        Assert.True(result.Succeeded, string.Join(";", result.Errors));
        var userId = await factory.UserIdAsync(email);
        return await factory.WithDbAsync(db => db.SelectionExperts.Where(e => e.SelectionId == selectionId && e.UserId == userId).Select(e => e.Id).SingleAsync());
    }

    public static async Task<int> OpenVoteRoundAsync(PortalFactory factory, int selectionId, DateOnly due, CutOff cutOff, params int[] experts)
    {
        var result = await AsAsync<RoundService, CommandResult>(factory, Organiser, s => s.OpenAsync(selectionId, new RoundInput
        {
            Name = "初评",
            Kind = RoundKind.Vote,
            DueDate = due,
            Rule = cutOff.Rule,
            Count = cutOff.Count,
            Numerator = cutOff.Numerator,
            Denominator = cutOff.Denominator,
            ExpertIds = [.. experts],
        }, default));
        Assert.True(result.Succeeded, string.Join(";", result.Errors));
        return result.Id!.Value;
    }

    public static Task<CommandResult> VoteAsync(PortalFactory factory, string expert, int roundId, Dictionary<int, bool> ballot) =>
        AsAsync<VotingService, CommandResult>(factory, expert, s => s.VoteAsync(roundId, ballot, default));
}
