using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Infrastructure.Files;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignPortal.IntegrationTests.Selections;

/// <summary>Resources the security matrices need for the selection endpoints.</summary>
public static class SelectionMatrixData
{
    /// <summary>A PDF stored as a unit's upload would be (bytes on disk, row saved), for a nomination's supporting file.</summary>
    public static async Task<Guid> StoreFileAsync(PortalFactory factory, int organisationId)
    {
        using var scope = factory.Services.CreateScope();
        var files = scope.ServiceProvider.GetRequiredService<FileService>();
        using var content = new MemoryStream(SelectionUploads.Pdf);
        var stored = await files.StoreAsync(content, "推荐表.pdf", FileTypes.Documents, organisationId, null, default);
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        return stored.File!.Id;
    }
}
