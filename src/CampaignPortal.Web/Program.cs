using CampaignPortal.Web.Data;
using CampaignPortal.Web.Data.Seeding;
using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Infrastructure.Forms;

var builder = WebApplication.CreateBuilder(args);
var security = SecurityOptions.From(builder.Configuration, builder.Environment);
var seed = SeedOptions.From(builder.Configuration, builder.Environment);

builder.AddPortalLogging();
builder.Services.AddPortalDatabase(builder.Configuration, builder.Environment);
builder.Services.AddPortalIdentity(security);
builder.Services.AddPortalWeb(builder.Configuration, security);
builder.Services.AddAccessibleFieldErrors();
builder.Services.AddPortalStaticFileCaching();

var app = builder.Build();

using (var scope = app.Services.CreateScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(seed);
}

app.UsePortalPipeline(security);
await app.RunAsync();

/// <summary>Entry point; public for <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
