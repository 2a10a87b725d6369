using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.IntegrationTests.Security;

/// <summary>
/// The selection endpoints × three expert principals, who hold no role: expert1, on the panel of the matrix selection's
/// open round (no group: every candidate); expert2, granted on the same selection but not on that round; and an
/// expert of another selection only. Every selection endpoint must have a row here (a new one fails), and
/// docs/permissions.md shows the same table. Refused state-changing requests must write nothing.
/// </summary>
public sealed partial class AccessMatrixExpertTests(AccessMatrixTests.Fixture fixture) : IClassFixture<AccessMatrixTests.Fixture>
{
    public static readonly string[] Experts = ["expert1@demo.local", "expert2@demo.local", "expert.other@matrix.test"];

    //                                                                                          on the round · same selection · other selection
    public static readonly AccessMatrix.Row[] Rows =
    [
        new("GET", "/campaigns/{campaignId:int}/selections/create", "403 403 403"),
        new("POST", "/campaigns/{campaignId:int}/selections/create", "403 403 403"),
        new("GET", "/expert", "200 200 200"),
        new("GET", "/my-selections", "403 403 403"),
        new("GET", "/nominations/{id:int}/edit", "403 403 403"),
        new("POST", "/nominations/{id:int}/edit", "403 403 403"),
        new("POST", "/nominations/{id:int}/files", "403 403 403"),
        new("GET", "/nominations/{id:int}/files/{fileId:guid}", "200 404 404"),
        new("POST", "/nominations/{id:int}/files/{fileId:guid}/remove", "403 403 403"),
        new("POST", "/nominations/{id:int}/withdraw", "403 403 403"),
        new("GET", "/selection-results/{id:int}", "404 404 404"),
        new("GET", "/selection-rounds/{id:int}", "403 403 403"),
        new("GET", "/selection-rounds/{id:int}/ballot", "200 404 404"),
        new("POST", "/selection-rounds/{id:int}/ballot", "302 404 404"),
        new("GET", "/selection-rounds/{id:int}/edit", "403 403 403"),
        new("POST", "/selection-rounds/{id:int}/edit", "403 403 403"),
        new("POST", "/selection-rounds/{id:int}/end", "403 403 403"),
        new("GET", "/selection-rounds/{id:int}/export.xlsx", "403 403 403"),
        new("POST", "/selection-rounds/{id:int}/meeting", "403 403 403"),
        new("GET", "/selection-rounds/{id:int}/minutes", "403 403 403"),
        new("GET", "/selection-rounds/{id:int}/recusals/{nominationId:int}", "200 404 404"),
        new("POST", "/selection-rounds/{id:int}/recusals/{nominationId:int}", "200 404 404"),
        new("GET", "/selection-rounds/{id:int}/scores", "404 404 404"),
        new("POST", "/selection-rounds/{id:int}/scores", "404 404 404"),
        new("POST", "/selection-rounds/{id:int}/ties", "403 403 403"),
        new("GET", "/selections", "403 403 403"),
        new("GET", "/selections/{id:int}", "403 403 403"),
        new("GET", "/selections/{id:int}/announcement", "403 403 403"),
        new("POST", "/selections/{id:int}/announcement", "403 403 403"),
        new("POST", "/selections/{id:int}/announcement/entries/{entryId:int}/citation", "403 403 403"),
        new("POST", "/selections/{id:int}/announcement/entries/{entryId:int}/photo", "403 403 403"),
        new("POST", "/selections/{id:int}/announcement/finalise", "403 403 403"),
        new("GET", "/selections/{id:int}/announcement/photos/{fileId:guid}", "403 403 403"),
        new("POST", "/selections/{id:int}/announcement/publish-result", "403 403 403"),
        new("GET", "/selections/{id:int}/edit", "403 403 403"),
        new("POST", "/selections/{id:int}/edit", "403 403 403"),
        new("POST", "/selections/{id:int}/experts", "403 403 403"),
        new("POST", "/selections/{id:int}/experts/{expertId:int}/remove", "403 403 403"),
        new("POST", "/selections/{id:int}/groups/{groupId:int}/remove", "403 403 403"),
        new("GET", "/selections/{id:int}/my-nominations", "403 403 403"),
        new("GET", "/selections/{id:int}/my-nominations/create", "403 403 403"),
        new("POST", "/selections/{id:int}/my-nominations/create", "403 403 403"),
        new("POST", "/selections/{id:int}/nominations/{nominationId:int}/check", "403 403 403"),
        new("GET", "/selections/{id:int}/objections/{objectionId:int}", "403 403 403"),
        new("POST", "/selections/{id:int}/objections/{objectionId:int}", "403 403 403"),
        new("GET", "/selections/{id:int}/objections/{objectionId:int}/file", "403 403 403"),
        new("GET", "/selections/{id:int}/recusals", "403 403 403"),
        new("POST", "/selections/{id:int}/result", "403 403 403"),
        new("GET", "/selections/{id:int}/result.xlsx", "403 403 403"),
        new("GET", "/selections/{id:int}/rounds/create", "403 403 403"),
        new("POST", "/selections/{id:int}/rounds/create", "403 403 403"),
    ];

    public static bool IsSelectionEndpoint(string route) =>
        route.StartsWith("/selection", StringComparison.Ordinal) || route.StartsWith("/nominations/", StringComparison.Ordinal)
        || route is "/expert" or "/my-selections" || route.EndsWith("/selections/create", StringComparison.Ordinal);

    public static string Render()
    {
        var text = new StringBuilder("| Method | Route | expert on the round | expert of the selection, not on the round | expert of another selection |\n| --- | --- | --- | --- | --- |\n");
        foreach (var row in Rows)
        {
            text.Append($"| {row.Method} | `{row.Route}` | {string.Join(" | ", row.Cells.Split(' '))} |\n");
        }

        return text.ToString();
    }

    [Fact]
    public void EverySelectionEndpoint_HasAnExpertRow_AndTheDocumentShowsTheSameTable()
    {
        var endpoints = EndpointInventoryTests.Inventory(fixture).Where(e => IsSelectionEndpoint(e.Route)).Select(e => (e.Method, e.Route)).ToHashSet();
        var rows = Rows.Select(r => (r.Method, r.Route)).ToHashSet();
        Assert.True(endpoints.SetEquals(rows),
            "Selection endpoints without an expert row: " + string.Join(", ", endpoints.Except(rows)) + "\nRows without an endpoint: " + string.Join(", ", rows.Except(endpoints)));
        Assert.Equal(Render(), EndpointInventoryTests.Section(EndpointInventoryTests.PermissionsDoc(), "expert-matrix"));
    }

    [Fact]
    public async Task EverySelectionEndpoint_AnswersEachExpert_AsTheTableSays()
    {
        var ids = await fixture.IdsAsync();
        await fixture.CreateUserAsync(Experts[2], "陕西省科学技术协会", []);
        await fixture.WithDbAsync(async db =>
        {
            var matrix = await db.Selections.SingleAsync(s => s.Id == int.Parse(ids["SEL"]));
            var other = new Selection(matrix.CampaignId, matrix.OrganisationId, new SelectionDetails("另一评选", null, null, matrix.NominationOpens, matrix.NominationCloses, 3), DateTimeOffset.UtcNow);
            other.AddGroup("医疗组");
            db.Selections.Add(other);
            await db.SaveChangesAsync();
            foreach (var (email, selection) in new[] { (Experts[1], matrix.Id), (Experts[2], other.Id) })
            {
                var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
                if (!await db.SelectionExperts.AnyAsync(e => e.SelectionId == selection && e.UserId == userId))
                {
                    db.SelectionExperts.Add(new SelectionExpert(selection, userId, null, DateTimeOffset.UtcNow));
                }
            }

            return await db.SaveChangesAsync();
        });

        using var watcher = new SqliteConnection($"Data Source={fixture.DatabaseFile}");
        await watcher.OpenAsync();
        var wrong = new List<string>();
        for (var column = 0; column < Experts.Length; column++)
        {
            using var client = await fixture.SignedInAsync(Experts[column]);
            var token = await client.AntiforgeryTokenAsync("/account/change-password");
            foreach (var row in Rows.OrderBy(r => r.Method != "GET"))
            {
                var expected = row.Cells.Split(' ')[column];
                var path = ParameterPattern().Replace(row.Route, m => ids[m.Groups[1].Value switch
                {
                    "campaignId" => "C",
                    "nominationId" => "NOM",
                    "fileId" => "NOMF",
                    "expertId" => "EXP",
                    "groupId" => "GRP",
                    _ when row.Route.StartsWith("/selection-rounds/", StringComparison.Ordinal) => "RND",
                    _ when row.Route.StartsWith("/nominations/", StringComparison.Ordinal) => "NOM",
                    _ => "SEL",
                }]);
                using var request = new HttpRequestMessage(new HttpMethod(row.Method), new Uri(path, UriKind.Relative));
                if (row.Method != "GET")
                {
                    request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
                }

                var before = await DataVersionAsync(watcher);
                var response = await client.Http.SendAsync(request);
                var got = ((int)response.StatusCode).ToString();
                if (got != expected)
                {
                    wrong.Add($"{row.Method} {path} as {Experts[column]}: {got}, expected {expected}");
                }

                if (AccessMatrix.IsRefusal(expected) && await DataVersionAsync(watcher) != before)
                {
                    wrong.Add($"{row.Method} {path} as {Experts[column]}: refused with {got} but wrote to the database");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [GeneratedRegex(@"\{([^}:]+)(:[^}]+)?\}")]
    private static partial Regex ParameterPattern();

    private static async Task<long> DataVersionAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
