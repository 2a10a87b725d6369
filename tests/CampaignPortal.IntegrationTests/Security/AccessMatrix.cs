namespace CampaignPortal.IntegrationTests.Security;

/// <summary>
/// The expected answer of every endpoint to every principal (see <see cref="AccessMatrixTests"/>). Cells, in
/// <see cref="Principals"/> order: S = redirect to sign-in, otherwise the HTTP status. For state-changing endpoints
/// the allowed principals' cell is the answer to an empty form (400/200 for a validation message, 302 done, 409 not in
/// this state; "gone" = 404 because an earlier principal of the same row, also allowed, already removed the thing).
/// Rendered into docs/permissions.md by <see cref="Render"/>.
/// </summary>
public static class AccessMatrix
{
    public sealed record Row(string Method, string Route, string Cells);

    public sealed record Principal(string Key, string? Email);

    public static readonly string[] Roles = ["Admin", "Organiser", "Filer", "Reviewer"];

    /// <summary>Relations to 新疆维吾尔自治区科学技术协会, the owner of the campaign, notice and main event the matrix uses.</summary>
    public static readonly (string Relation, string Organisation)[] Relations =
    [
        ("own", "新疆维吾尔自治区科学技术协会"),
        ("ancestor", "中国科学技术协会"),
        ("descendant", "哈密市科学技术协会"),
        ("unrelated", "陕西省科学技术协会"),
    ];

    public static string Email(string role, string relation) => $"{role.ToLowerInvariant()}.{relation}@matrix.test";

    public static readonly Principal[] Principals =
        [new("anonymous", null), .. Roles.SelectMany(role => Relations.Select(r => new Principal($"{role}/{r.Relation}", Email(role, r.Relation))))];

    public static bool IsRefusal(string cell) => cell is "S" or "401" or "403" or "404";

    public static string Render()
    {
        var text = new System.Text.StringBuilder();
        text.Append("| Method | Route | anon | " + string.Join(" | ", Roles.SelectMany(role => Relations.Select(r => $"{role[..3]}·{r.Relation[..3]}"))) + " |\n");
        text.Append("| --- | --- |" + string.Concat(Enumerable.Repeat(" --- |", Principals.Length)) + "\n");
        foreach (var row in Rows)
        {
            text.Append($"| {row.Method} | `{row.Route.Replace("|", "\\|", StringComparison.Ordinal)}` | {string.Join(" | ", row.Cells.Split(' '))} |\n");
        }

        return text.ToString();
    }

    //                          anon  Admin: own anc desc unrel  Organiser: own anc desc unrel  Filer: …  Reviewer: …
    public static readonly Row[] Rows =
    [
        new("GET", "/", "200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200"),
        new("GET", "/account/change-password", "S 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200"),
        new("POST", "/account/change-password", "S 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200"),
        new("GET", "/account/forgot-password", "200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200"),
        new("POST", "/account/forgot-password/email", "302 302 302 302 302 302 302 302 302 302 302 302 302 302 302 302 302"),
        new("GET", "/account/forgot-password/{organisationId:int}", "200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200"),
        new("GET", "/account/reset-password", "200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200"),
        new("POST", "/account/reset-password", "200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200"),
        new("GET", "/account/sign-in", "200 302 302 302 302 302 302 302 302 302 302 302 302 302 302 302 302"),
        new("POST", "/account/sign-in", "200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200"),
        new("POST", "/account/sign-out", "S 302 302 302 302 302 302 302 302 302 302 302 302 302 302 302 302"),
        new("GET", "/activities/{id:int}", "S 403 403 403 403 200 404 200 404 404 404 200 404 403 403 403 403"),
        new("POST", "/activities/{id:int}/cancel", "S 403 403 403 403 404 404 302 404 404 404 302 404 403 403 403 403"),
        new("GET", "/activities/{id:int}/edit", "S 403 403 403 403 404 404 200 404 404 404 200 404 403 403 403 403"),
        new("POST", "/activities/{id:int}/edit", "S 403 403 403 403 404 404 200 404 404 404 200 404 403 403 403 403"),
        new("POST", "/activities/{id:int}/held", "S 403 403 403 403 404 404 302 404 404 404 302 404 403 403 403 403"),
        new("POST", "/activities/{id:int}/media", "S 403 403 403 403 404 404 200 404 404 404 200 404 403 403 403 403"),
        new("POST", "/activities/{id:int}/media/{mediaId:int}/remove", "S 403 403 403 403 404 404 404 404 404 404 404 404 403 403 403 403"),
        new("POST", "/activities/{id:int}/photos", "S 403 403 403 403 404 404 302 404 404 404 302 404 403 403 403 403"),
        new("GET", "/activities/{id:int}/photos/{fileId:guid}", "200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200"),
        new("POST", "/activities/{id:int}/photos/{fileId:guid}/remove", "S 403 403 403 403 404 404 409 404 404 404 409 404 403 403 403 403"),
        new("POST", "/activities/{id:int}/replan", "S 403 403 403 403 404 404 302 404 404 404 409 404 403 403 403 403"),
        new("GET", "/admin", "S 200 200 200 200 403 403 403 403 403 403 403 403 403 403 403 403"),
        new("GET", "/admin/audit", "S 200 200 200 200 403 403 403 403 403 403 403 403 403 403 403 403"),
        new("GET", "/admin/organisations", "S 200 200 200 200 403 403 403 403 403 403 403 403 403 403 403 403"),
        new("GET", "/admin/organisations/create", "S 200 200 200 200 403 403 403 403 403 403 403 403 403 403 403 403"),
        new("POST", "/admin/organisations/create", "S 200 200 200 200 403 403 403 403 403 403 403 403 403 403 403 403"),
        new("GET", "/admin/organisations/{id:int}/activate", "S 200 200 404 404 403 403 403 403 403 403 403 403 403 403 403 403"),
        new("POST", "/admin/organisations/{id:int}/activate", "S 409 409 404 404 403 403 403 403 403 403 403 403 403 403 403 403"),
        new("GET", "/admin/organisations/{id:int}/deactivate", "S 200 200 404 404 403 403 403 403 403 403 403 403 403 403 403 403"),
        new("POST", "/admin/organisations/{id:int}/deactivate", "S 302 409 404 404 403 403 403 403 403 403 403 403 403 403 403 403"),
        new("GET", "/admin/organisations/{id:int}/edit", "S 200 200 404 404 403 403 403 403 403 403 403 403 403 403 403 403"),
        new("POST", "/admin/organisations/{id:int}/edit", "S 200 200 404 404 403 403 403 403 403 403 403 403 403 403 403 403"),
        new("GET", "/admin/organisations/{id:int}/move", "S 200 200 404 404 403 403 403 403 403 403 403 403 403 403 403 403"),
        new("POST", "/admin/organisations/{id:int}/move", "S 200 200 404 404 403 403 403 403 403 403 403 403 403 403 403 403"),
        new("GET", "/admin/users", "S 200 200 200 200 403 403 403 403 403 403 403 403 403 403 403 403"),
        new("GET", "/admin/users/create", "S 200 200 200 200 403 403 403 403 403 403 403 403 403 403 403 403"),
        new("POST", "/admin/users/create", "S 200 200 200 200 403 403 403 403 403 403 403 403 403 403 403 403"),
        new("GET", "/admin/users/export", "S 200 200 200 200 403 403 403 403 403 403 403 403 403 403 403 403"),
        new("GET", "/admin/users/import", "S 200 200 200 200 403 403 403 403 403 403 403 403 403 403 403 403"),
        new("POST", "/admin/users/import", "S 200 200 200 200 403 403 403 403 403 403 403 403 403 403 403 403"),
        new("POST", "/admin/users/import/confirm", "S 200 200 200 200 403 403 403 403 403 403 403 403 403 403 403 403"),
        new("GET", "/admin/users/import/template", "S 200 200 200 200 403 403 403 403 403 403 403 403 403 403 403 403"),
        new("GET", "/admin/users/{id}", "S 200 200 404 404 403 403 403 403 403 403 403 403 403 403 403 403"),
        new("GET", "/admin/users/{id}/confirm/{operation:regex(^(disable|reset-password)$)}", "S 200 200 404 404 403 403 403 403 403 403 403 403 403 403 403 403"),
        new("POST", "/admin/users/{id}/disable", "S 302 409 404 404 403 403 403 403 403 403 403 403 403 403 403 403"),
        new("GET", "/admin/users/{id}/edit", "S 200 200 404 404 403 403 403 403 403 403 403 403 403 403 403 403"),
        new("POST", "/admin/users/{id}/edit", "S 200 200 404 404 403 403 403 403 403 403 403 403 403 403 403 403"),
        new("POST", "/admin/users/{id}/enable", "S 302 409 404 404 403 403 403 403 403 403 403 403 403 403 403 403"),
        new("POST", "/admin/users/{id}/reset-password", "S 200 200 404 404 403 403 403 403 403 403 403 403 403 403 403 403"),
        new("POST", "/admin/users/{id}/unlock", "S 409 409 404 404 403 403 403 403 403 403 403 403 403 403 403 403"),
        new("GET", "/api/campaigns/{id:int}/rollup", "401 403 403 403 403 200 200 404 404 403 403 403 403 403 403 403 403"),
        new("GET", "/campaigns/create", "S 403 403 403 403 200 200 200 200 403 403 403 403 403 403 403 403"),
        new("POST", "/campaigns/create", "S 403 403 403 403 200 200 200 200 403 403 403 403 403 403 403 403"),
        new("GET", "/campaigns/{campaignId:int}/activities", "S 403 403 403 403 200 404 404 404 403 403 403 403 403 403 403 403"),
        new("GET", "/campaigns/{campaignId:int}/activities/calendar", "S 403 403 403 403 200 404 404 404 403 403 403 403 403 403 403 403"),
        new("POST", "/campaigns/{campaignId:int}/activities/public", "S 403 403 403 403 302 404 404 404 403 403 403 403 403 403 403 403"),
        new("POST", "/campaigns/{campaignId:int}/extensions", "S 403 403 403 403 404 404 404 404 403 403 403 403 403 403 403 403"),
        new("GET", "/campaigns/{campaignId:int}/main-events/create", "S 403 403 403 403 200 404 404 404 403 403 403 403 403 403 403 403"),
        new("POST", "/campaigns/{campaignId:int}/main-events/create", "S 403 403 403 403 200 404 404 404 403 403 403 403 403 403 403 403"),
        new("GET", "/campaigns/{campaignId:int}/main-events/{id:int}/edit", "S 403 403 403 403 200 404 404 404 403 403 403 403 403 403 403 403"),
        new("POST", "/campaigns/{campaignId:int}/main-events/{id:int}/edit", "S 403 403 403 403 200 404 404 404 403 403 403 403 403 403 403 403"),
        new("GET", "/campaigns/{campaignId:int}/my-activities", "S 403 403 403 403 200 404 200 404 200 404 200 404 403 403 403 403"),
        new("GET", "/campaigns/{campaignId:int}/my-activities/create", "S 403 403 403 403 200 404 200 404 200 404 200 404 403 403 403 403"),
        new("POST", "/campaigns/{campaignId:int}/my-activities/create", "S 403 403 403 403 200 404 200 404 200 404 200 404 403 403 403 403"),
        new("GET", "/campaigns/{campaignId:int}/notices/create", "S 403 403 403 403 200 404 404 404 403 403 403 403 403 403 403 403"),
        new("POST", "/campaigns/{campaignId:int}/notices/create", "S 403 403 403 403 200 404 404 404 403 403 403 403 403 403 403 403"),
        new("GET", "/campaigns/{campaignId:int}/public-activities", "200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200"),
        new("GET", "/campaigns/{campaignId:int}/report", "S 403 403 403 403 403 403 403 403 404 404 200 404 403 403 403 403"),
        new("POST", "/campaigns/{campaignId:int}/report", "S 403 403 403 403 403 403 403 403 404 404 409 404 403 403 403 403"),
        new("POST", "/campaigns/{campaignId:int}/report/autosave", "S 403 403 403 403 403 403 403 403 404 404 409 404 403 403 403 403"),
        new("POST", "/campaigns/{campaignId:int}/report/files", "S 403 403 403 403 403 403 403 403 404 404 409 404 403 403 403 403"),
        new("POST", "/campaigns/{campaignId:int}/report/files/{fileId:guid}/remove", "S 403 403 403 403 403 403 403 403 404 404 409 404 403 403 403 403"),
        new("POST", "/campaigns/{campaignId:int}/report/media", "S 403 403 403 403 403 403 403 403 404 404 200 404 403 403 403 403"),
        new("POST", "/campaigns/{campaignId:int}/report/media/{order:int}/remove", "S 403 403 403 403 403 403 403 403 404 404 409 404 403 403 403 403"),
        new("POST", "/campaigns/{campaignId:int}/report/videos", "S 403 403 403 403 403 403 403 403 404 404 409 404 403 403 403 403"),
        new("POST", "/campaigns/{campaignId:int}/report/withdraw", "S 403 403 403 403 403 403 403 403 404 404 302 404 403 403 403 403"),
        new("GET", "/campaigns/{campaignId:int}/reports", "S 403 403 403 403 200 404 404 404 403 403 403 403 403 403 403 403"),
        new("GET", "/campaigns/{campaignId:int}/selections/create", "S 403 403 403 403 200 404 404 404 403 403 403 403 403 403 403 403"),
        new("POST", "/campaigns/{campaignId:int}/selections/create", "S 403 403 403 403 200 404 404 404 403 403 403 403 403 403 403 403"),
        new("GET", "/campaigns/{id:int}", "S 403 403 403 403 200 404 404 404 403 403 403 403 403 403 403 403"),
        new("GET", "/campaigns/{id:int}/close", "S 403 403 403 403 200 404 404 404 403 403 403 403 403 403 403 403"),
        new("POST", "/campaigns/{id:int}/close", "S 403 403 403 403 302 404 404 404 403 403 403 403 403 403 403 403"),
        new("POST", "/campaigns/{id:int}/copy", "S 403 403 403 403 302 404 404 404 403 403 403 403 403 403 403 403"),
        new("GET", "/campaigns/{id:int}/edit", "S 403 403 403 403 200 404 404 404 403 403 403 403 403 403 403 403"),
        new("POST", "/campaigns/{id:int}/edit", "S 403 403 403 403 200 404 404 404 403 403 403 403 403 403 403 403"),
        new("POST", "/campaigns/{id:int}/exports", "S 403 403 403 403 302 404 404 404 403 403 403 403 403 403 403 403"),
        new("GET", "/campaigns/{id:int}/forward", "S 403 403 403 403 404 404 200 404 403 403 403 403 403 403 403 403"),
        new("POST", "/campaigns/{id:int}/forward", "S 403 403 403 403 404 404 200 404 403 403 403 403 403 403 403 403"),
        new("POST", "/campaigns/{id:int}/participants", "S 403 403 403 403 302 404 404 404 403 403 403 403 403 403 403 403"),
        new("POST", "/campaigns/{id:int}/participants/{organisationId:int}/remove", "S 403 403 403 403 409 404 404 404 403 403 403 403 403 403 403 403"),
        new("GET", "/campaigns/{id:int}/progress", "S 403 403 403 403 200 200 404 404 403 403 403 403 403 403 403 403"),
        new("GET", "/campaigns/{id:int}/reminders", "S 403 403 403 403 200 200 404 404 403 403 403 403 403 403 403 403"),
        new("POST", "/campaigns/{id:int}/reminders", "S 403 403 403 403 302 404 404 404 403 403 403 403 403 403 403 403"),
        new("POST", "/campaigns/{id:int}/reminders/settings", "S 403 403 403 403 302 404 404 404 403 403 403 403 403 403 403 403"),
        new("GET", "/campaigns/{id:int}/rollup", "S 403 403 403 403 200 200 404 404 403 403 403 403 403 403 403 403"),
        new("GET", "/campaigns/{id:int}/rollup.xlsx", "S 403 403 403 403 200 200 404 404 403 403 403 403 403 403 403 403"),
        new("GET", "/culture/{name}", "302 302 302 302 302 302 302 302 302 302 302 302 302 302 302 302 302"),
        new("ANY", "/error/{code:int}", "404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404"),
        new("GET", "/expert", "S 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200"),
        new("GET", "/exports/{id:guid}", "S 403 403 403 403 200 404 404 404 403 403 403 403 403 403 403 403"),
        new("GET", "/exports/{id:guid}/download", "S 403 403 403 403 404 404 404 404 403 403 403 403 403 403 403 403"),
        new("GET", "/filer", "S 403 403 403 403 403 403 403 403 200 200 200 200 403 403 403 403"),
        new("ANY", "/health", "200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200"),
        new("GET", "/main-events/{id:int}", "S 403 403 403 403 200 404 404 404 403 403 403 403 403 403 403 403"),
        new("GET", "/main-events/{id:int}/sub-venue", "S 403 403 403 403 404 404 200 404 404 404 200 404 403 403 403 403"),
        new("POST", "/main-events/{id:int}/sub-venue", "S 403 403 403 403 404 404 200 404 404 404 200 404 403 403 403 403"),
        new("POST", "/main-events/{id:int}/sub-venue/status", "S 403 403 403 403 404 404 302 404 404 404 302 404 403 403 403 403"),
        new("GET", "/my-selections", "S 403 403 403 403 403 403 403 403 200 200 200 200 403 403 403 403"),
        new("GET", "/nominations/{id:int}/edit", "S 403 403 403 403 403 403 403 403 404 404 200 404 403 403 403 403"),
        new("POST", "/nominations/{id:int}/edit", "S 403 403 403 403 403 403 403 403 404 404 200 404 403 403 403 403"),
        new("POST", "/nominations/{id:int}/files", "S 403 403 403 403 403 403 403 403 404 404 409 404 403 403 403 403"),
        new("GET", "/nominations/{id:int}/files/{fileId:guid}", "S 404 404 404 404 200 404 404 404 404 404 200 404 404 404 404 404"),
        new("POST", "/nominations/{id:int}/files/{fileId:guid}/remove", "S 403 403 403 403 403 403 403 403 404 404 409 404 403 403 403 403"),
        new("POST", "/nominations/{id:int}/withdraw", "S 403 403 403 403 403 403 403 403 404 404 409 404 403 403 403 403"),
        new("GET", "/notices", "200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200"),
        new("GET", "/notices/{id:int}", "200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200"),
        new("POST", "/notices/{id:int}/acknowledge", "S 404 404 302 404 404 404 302 404 404 404 302 404 404 404 302 404"),
        new("POST", "/notices/{id:int}/attachments", "S 403 403 403 403 409 404 404 404 403 403 403 403 403 403 403 403"),
        new("POST", "/notices/{id:int}/attachments/statistics", "S 403 403 403 403 409 404 404 404 403 403 403 403 403 403 403 403"),
        new("GET", "/notices/{id:int}/attachments/{fileId:guid}", "200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200"),
        new("POST", "/notices/{id:int}/attachments/{fileId:guid}/remove", "S 403 403 403 403 409 404 404 404 403 403 403 403 403 403 403 403"),
        new("GET", "/notices/{id:int}/edit", "S 403 403 403 403 302 404 404 404 403 403 403 403 403 403 403 403"),
        new("POST", "/notices/{id:int}/edit", "S 403 403 403 403 200 404 404 404 403 403 403 403 403 403 403 403"),
        new("GET", "/notices/{id:int}/publish", "S 403 403 403 403 200 404 404 404 403 403 403 403 403 403 403 403"),
        new("POST", "/notices/{id:int}/publish", "S 403 403 403 403 409 404 404 404 403 403 403 403 403 403 403 403"),
        new("GET", "/notices/{id:int}/receipts", "S 403 403 403 403 200 404 404 404 403 403 403 403 403 403 403 403"),
        new("POST", "/notices/{id:int}/receipts/{organisationId:int}", "S 403 403 403 403 302 404 404 404 403 403 403 403 403 403 403 403"),
        new("GET", "/notices/{id:int}/revise", "S 403 403 403 403 200 404 404 404 403 403 403 403 403 403 403 403"),
        new("POST", "/notices/{id:int}/revise", "S 403 403 403 403 200 404 404 404 403 403 403 403 403 403 403 403"),
        new("GET", "/notices/{id:int}/revisions/{number:int}", "200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200"),
        new("GET", "/notices/{id:int}/withdraw", "S 403 403 403 403 200 404 404 404 403 403 403 403 403 403 403 403"),
        new("POST", "/notices/{id:int}/withdraw", "S 403 403 403 403 200 404 404 404 403 403 403 403 403 403 403 403"),
        new("GET", "/notifications", "S 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200"),
        new("POST", "/notifications/read-all", "S 302 302 302 302 302 302 302 302 302 302 302 302 302 302 302 302"),
        new("POST", "/notifications/{id:long}/open", "S 404 404 404 404 404 404 404 404 404 404 302 404 404 404 404 404"),
        new("GET", "/organiser", "S 403 403 403 403 200 200 200 200 403 403 403 403 403 403 403 403"),
        new("GET", "/reports/{id:int}", "S 404 404 404 404 200 404 200 404 404 404 200 404 200 404 404 404"),
        new("POST", "/reports/{id:int}/approve", "S 403 403 403 403 403 403 403 403 403 403 403 403 409 404 404 404"),
        new("GET", "/reports/{id:int}/files/{fileId:guid}", "S 404 404 404 404 200 404 200 404 404 404 200 404 200 404 404 404"),
        new("POST", "/reports/{id:int}/reopen", "S 403 403 403 403 302 404 404 404 403 403 403 403 403 403 403 403"),
        new("POST", "/reports/{id:int}/return", "S 403 403 403 403 403 403 403 403 403 403 403 403 409 404 404 404"),
        new("GET", "/reports/{id:int}/versions/{number:int}", "S 404 404 404 404 200 404 200 404 404 404 200 404 200 404 404 404"),
        new("GET", "/reports/{id:int}/word", "S 404 404 404 404 200 404 200 404 404 404 200 404 200 404 404 404"),
        new("GET", "/reviewer", "S 403 403 403 403 403 403 403 403 403 403 403 403 200 200 200 200"),
        new("GET", "/reviews", "S 403 403 403 403 403 403 403 403 403 403 403 403 200 200 200 200"),
        new("POST", "/reviews/bulk-approve", "S 403 403 403 403 403 403 403 403 403 403 403 403 302 302 302 302"),
        new("POST", "/reviews/bulk-approve/confirm", "S 403 403 403 403 403 403 403 403 403 403 403 403 302 302 302 302"),
        new("GET", "/selection-rounds/{id:int}", "S 403 403 403 403 200 404 404 404 403 403 403 403 403 403 403 403"),
        new("GET", "/selection-rounds/{id:int}/ballot", "S 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404"),
        new("POST", "/selection-rounds/{id:int}/ballot", "S 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404"),
        new("GET", "/selection-rounds/{id:int}/edit", "S 403 403 403 403 200 404 404 404 403 403 403 403 403 403 403 403"),
        new("POST", "/selection-rounds/{id:int}/edit", "S 403 403 403 403 200 404 404 404 403 403 403 403 403 403 403 403"),
        new("POST", "/selection-rounds/{id:int}/end", "S 403 403 403 403 302 404 404 404 403 403 403 403 403 403 403 403"),
        new("POST", "/selection-rounds/{id:int}/meeting", "S 403 403 403 403 302 404 404 404 403 403 403 403 403 403 403 403"),
        new("GET", "/selection-rounds/{id:int}/minutes", "S 403 403 403 403 404 404 404 404 403 403 403 403 403 403 403 403"),
        new("POST", "/selection-rounds/{id:int}/ties", "S 403 403 403 403 409 404 404 404 403 403 403 403 403 403 403 403"),
        new("GET", "/selections", "S 403 403 403 403 200 200 200 200 403 403 403 403 403 403 403 403"),
        new("GET", "/selections/{id:int}", "S 403 403 403 403 200 404 404 404 403 403 403 403 403 403 403 403"),
        new("GET", "/selections/{id:int}/edit", "S 403 403 403 403 200 404 404 404 403 403 403 403 403 403 403 403"),
        new("POST", "/selections/{id:int}/edit", "S 403 403 403 403 200 404 404 404 403 403 403 403 403 403 403 403"),
        new("POST", "/selections/{id:int}/experts", "S 403 403 403 403 200 404 404 404 403 403 403 403 403 403 403 403"),
        new("POST", "/selections/{id:int}/experts/{expertId:int}/remove", "S 403 403 403 403 302 404 404 404 403 403 403 403 403 403 403 403"),
        new("POST", "/selections/{id:int}/groups/{groupId:int}/remove", "S 403 403 403 403 302 404 404 404 403 403 403 403 403 403 403 403"),
        new("GET", "/selections/{id:int}/my-nominations", "S 403 403 403 403 403 403 403 403 404 404 200 404 403 403 403 403"),
        new("GET", "/selections/{id:int}/my-nominations/create", "S 403 403 403 403 403 403 403 403 404 404 200 404 403 403 403 403"),
        new("POST", "/selections/{id:int}/my-nominations/create", "S 403 403 403 403 403 403 403 403 404 404 200 404 403 403 403 403"),
        new("POST", "/selections/{id:int}/nominations/{nominationId:int}/check", "S 403 403 403 403 409 404 404 404 403 403 403 403 403 403 403 403"),
        new("POST", "/selections/{id:int}/result", "S 403 403 403 403 409 404 404 404 403 403 403 403 403 403 403 403"),
        new("GET", "/selections/{id:int}/rounds/create", "S 403 403 403 403 200 404 404 404 403 403 403 403 403 403 403 403"),
        new("POST", "/selections/{id:int}/rounds/create", "S 403 403 403 403 200 404 404 404 403 403 403 403 403 403 403 403"),
        new("DELETE", "/uploads/{id:guid}", "S 403 403 403 403 403 403 403 403 404 404 204 404 403 403 403 403"),
        new("GET", "/uploads/{id:guid}", "S 403 403 403 403 403 403 403 403 404 404 200 404 403 403 403 403"),
        new("PUT", "/uploads/{id:guid}", "S 403 403 403 403 403 403 403 403 404 404 200 404 403 403 403 403"),
        new("ANY", "/{*path}", "404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404"),
    ];
}
