using System.Net;
using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CampaignPortal.IntegrationTests.Performance;

/// <summary>
/// The selection pages send the same number of SQL commands (layout included) with few nominations as with many, and
/// stay within the budgets of <see cref="QueryBudgetTests"/>: list pages ≤ 5, dashboards ≤ 8. "Few": one selection of
/// 2 candidates with a supporting file each; "many": the same selection grown to 122 candidates, with files, plus 12 more
/// selections each with an open round on expert1's panel.
/// </summary>
public sealed class SelectionQueryBudgetTests(PerformanceFactory factory, ITestOutputHelper output) : IClassFixture<PerformanceFactory>
{
    private const string Organiser = "xj.organiser@demo.local";
    private const string Expert = "expert1@demo.local";
    private const string Filer = "hami.filer@demo.local";

    private sealed record Page(string Name, string User, bool IsList, string Path);

    [Fact]
    public async Task SelectionPages_SameCommandsFewAndMany_WithinBudget()
    {
        var (selection, round, nominations) = await SeedAsync("预算评选", 2);
        var pages = new Page[]
        {
            new("organiser's selections", Organiser, true, "/selections"),
            new("selection page", Organiser, false, $"/selections/{selection}"),
            new("round page", Organiser, false, $"/selection-rounds/{round}"),
            new("expert's rounds", Expert, true, "/expert"),
            new("ballot", Expert, false, $"/selection-rounds/{round}/ballot"),
            new("unit's selections", Filer, true, "/my-selections"),
            new("unit's nominations", Filer, true, $"/selections/{selection}/my-nominations"),
        };
        var clients = new Dictionary<string, PortalClient>();
        foreach (var user in pages.Select(p => p.User).Distinct())
        {
            clients[user] = await factory.SignedInAsync(user);
        }

        var few = await MeasureAsync(clients, pages);
        await GrowAsync(selection, nominations, 120);
        for (var i = 0; i < 12; i++)
        {
            await SeedAsync($"预算评选{i}", 3);
        }

        var many = await MeasureAsync(clients, pages);
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        var wrong = new List<string>();
        foreach (var page in pages)
        {
            var (small, large) = (few[page.Name], many[page.Name]);
            var budget = page.IsList ? QueryBudgetTests.ListBudget : QueryBudgetTests.DashboardBudget;
            output.WriteLine($"{page.Name}: {small.Count} commands with few rows, {large.Count} with many (budget {budget})");
            if (small.Count != large.Count || large.Count > budget)
            {
                wrong.Add($"{page.Name}: {small.Count} few, {large.Count} many, budget {budget}\n{string.Join("\n---\n", large.Select(c => c.Text))}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n\n", wrong));
    }

    private async Task<Dictionary<string, IReadOnlyList<RecordedCommand>>> MeasureAsync(Dictionary<string, PortalClient> clients, Page[] pages)
    {
        var measured = new Dictionary<string, IReadOnlyList<RecordedCommand>>();
        foreach (var page in pages)
        {
            var client = clients[page.User];
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page.Path)).StatusCode);
            factory.Commands.Reset();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page.Path)).StatusCode);
            measured[page.Name] = factory.Commands.Sent;
        }

        return measured;
    }

    /// <summary>A selection of the Xinjiang campaign with eligible candidates from 哈密 (each with a file) and an open vote round, expert1 on its panel.</summary>
    private async Task<(int Selection, int Round, List<int> Nominations)> SeedAsync(string title, int candidates)
    {
        var campaign = await ReportSteps.CampaignIdAsync(factory);
        var expertUser = await factory.UserIdAsync(Expert);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (selection, groups) = await factory.WithDbAsync(async db =>
        {
            var organisation = await db.Campaigns.Where(c => c.Id == campaign).Select(c => c.OrganisationId).SingleAsync();
            var s = new Selection(campaign, organisation, new SelectionDetails(title, null, null, today.AddDays(-10), today.AddDays(30), 500), DateTimeOffset.UtcNow);
            var list = new[] { s.AddGroup("农业组"), s.AddGroup("医疗组") };
            db.Selections.Add(s);
            await db.SaveChangesAsync();
            db.SelectionExperts.Add(new SelectionExpert(s.Id, expertUser, null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            return (s.Id, list.Select(g => g.Id).ToArray());
        });
        var nominations = new List<int>();
        await GrowAsync(selection, nominations, candidates, groups);
        var round = await factory.WithDbAsync(async db =>
        {
            var expert = await db.SelectionExperts.Where(e => e.SelectionId == selection).Select(e => e.Id).SingleAsync();
            var candidatesOf = await db.Nominations.Where(n => n.SelectionId == selection).Select(n => new { n.Id, n.GroupId }).ToListAsync();
            var r = SelectionRound.VoteRound(selection, 1, "初评", true, DateTimeOffset.UtcNow.AddDays(20), new CutOff(CutOffRule.FractionPerGroup, 0, 2, 5),
                candidatesOf.Select(c => (c.Id, c.GroupId)), [expert], DateTimeOffset.UtcNow);
            db.SelectionRounds.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        return (selection, round, nominations);
    }

    /// <summary>Adds eligible candidates (each with a supporting file) to the selection and, if it has a round, to that round.</summary>
    private async Task GrowAsync(int selection, List<int> nominations, int count, int[]? groups = null)
    {
        var hami = await factory.OrganisationIdAsync("哈密市科学技术协会");
        groups ??= await factory.WithDbAsync(db => db.Selections.Where(s => s.Id == selection).SelectMany(s => s.Groups).Select(g => g.Id).ToArrayAsync());
        for (var i = 0; i < count; i++)
        {
            var file = await Selections.SelectionMatrixData.StoreFileAsync(factory, hami);
            nominations.Add(await factory.WithDbAsync(async db =>
            {
                var group = groups[i % groups.Length];
                var n = new Nomination(selection, hami, new CandidateDetails($"候选人{nominations.Count}", Gender.Male, 1970, "哈密市农业技术推广中心", "研究员", group, "<p>事迹</p>", "同意推荐。"), DateTimeOffset.UtcNow);
                n.AddFile(file);
                n.Submit(DateTimeOffset.UtcNow);
                n.Pass(DateTimeOffset.UtcNow);
                db.Nominations.Add(n);
                await db.SaveChangesAsync();
                if (await db.SelectionRounds.Where(r => r.SelectionId == selection).Select(r => (int?)r.Id).SingleOrDefaultAsync() is { } roundId)
                {
                    // Candidates are fixed when a round opens; the budget test adds them afterwards to grow the round's page.
                    await db.Database.ExecuteSqlAsync($"INSERT INTO RoundCandidates (RoundId, NominationId, GroupId, Advances, WasTied) VALUES ({roundId}, {n.Id}, {group}, 0, 0)");
                }

                return n.Id;
            }));
        }
    }
}
