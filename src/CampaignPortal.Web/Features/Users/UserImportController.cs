using CampaignPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CampaignPortal.Web.Features.Users;

[Authorize(Policy = Policies.AdminArea)]
[Route("admin/users/import")]
public sealed class UserImportController(UserImportService import) : Controller
{
    private const string ImportView = "~/Features/Users/Views/Import.cshtml";
    private const string PreviewView = "~/Features/Users/Views/ImportPreview.cshtml";
    private const string PasswordsView = "~/Features/Users/Views/Passwords.cshtml";

    [HttpGet("")]
    public IActionResult Index() => View(ImportView);

    [HttpGet("template")]
    public async Task<IActionResult> Template() =>
        File(await import.TemplateAsync(HttpContext.RequestAborted), UserExport.ContentType, "账号导入模板.xlsx");

    [HttpPost("")]
    [RequestSizeLimit(UserImportService.MaxFileBytes + 64 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = UserImportService.MaxFileBytes + 64 * 1024)]
    public async Task<IActionResult> Preview(IFormFile? file)
    {
        if (file is null)
        {
            ModelState.AddModelError("file", "请选择要导入的 .xlsx 文件。");
            return View(ImportView);
        }

        return View(PreviewView, await import.PreviewAsync(file, HttpContext.RequestAborted));
    }

    [HttpPost("confirm")]
    public async Task<IActionResult> Confirm(string token)
    {
        var (preview, created) = await import.ConfirmAsync(token, HttpContext.RequestAborted);
        return created.Count > 0
            ? View(PasswordsView, new OneTimePasswordViewModel($"已导入 {created.Count} 个账号", created))
            : View(PreviewView, preview);
    }
}
