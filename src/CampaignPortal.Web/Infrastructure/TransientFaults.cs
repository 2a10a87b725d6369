using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace CampaignPortal.Web.Infrastructure;

/// <summary>
/// Faults that pass on their own: the database is held by another writer, or the upload folder cannot be written.
/// The person is told to try again later (503 with <c>Retry-After</c>, or a message beside the upload); nothing they
/// were told is saved was half-written.
/// </summary>
public static class TransientFaults
{
    /// <summary>Seconds a client is asked to wait before retrying while the database is busy.</summary>
    public const int RetryAfterSeconds = 10;

    public const string DatabaseBusyMessage =
        "系统繁忙：数据库暂时被占用，您刚才的操作没有保存。请不要关闭页面，稍候片刻后重新提交；如多次出现，请联系平台管理员。";

    public const string StorageUnavailableMessage =
        "服务器暂时无法保存文件（存储空间已满或暂不可写），文件没有上传。请稍后重新上传；如多次出现，请联系平台管理员。";

    // errno values on Linux: no space, read-only file system, quota exceeded. Windows: disk full, handle disk full.
    private static readonly int[] StorageErrors = [28, 30, 122, unchecked((int)0x80070070), unchecked((int)0x80070027)];

    /// <summary>SQLite busy or locked (5, 6) after its busy timeout; SQL Server timeout (-2), deadlock victim (1205), lock timeout (1222).</summary>
    public static bool IsDatabaseBusy(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite when sqlite.SqliteErrorCode is 5 or 6:
                case SqlException sql when sql.Number is -2 or 1205 or 1222:
                    return true;
            }
        }

        return false;
    }

    /// <summary>The file store refused a write: disk or quota full, read-only or no permission.</summary>
    public static bool IsStorageUnavailable(Exception exception) =>
        exception is UnauthorizedAccessException
        || (exception is IOException io && Array.IndexOf(StorageErrors, io.HResult) >= 0);
}
