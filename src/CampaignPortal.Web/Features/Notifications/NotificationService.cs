using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Notifications;

public sealed record NotificationRow(long Id, NotificationKind Kind, string Text, DateTimeOffset CreatedAt, bool IsRead);

public sealed record NotificationListViewModel(IReadOnlyList<NotificationRow> Rows, int Unread, int Total, int Page, int PageCount);

/// <summary>
/// The bell: notifications are written per person, in the caller's transaction (the caller saves), and each person
/// reads and clears only their own; another person's notification is "not found".
/// </summary>
public sealed class NotificationService(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public const int PageSize = 20;

    /// <summary>Queues one notification for every enabled account of the given organisations.</summary>
    public async Task<int> QueueForOrganisationsAsync(
        IReadOnlyCollection<int> organisationIds, NotificationKind kind, string text, string link, CancellationToken cancellationToken)
    {
        if (organisationIds.Count == 0)
        {
            return 0;
        }

        var userIds = await db.Users.AsNoTracking().Where(u => organisationIds.Contains(u.OrganisationId) && !u.IsDisabled)
            .Select(u => u.Id).ToListAsync(cancellationToken);
        Queue(userIds, kind, text, link);
        return userIds.Count;
    }

    /// <summary>Queues one notification for every enabled account of the organisation holding the role (e.g. its reviewers).</summary>
    public async Task<int> QueueForRoleAsync(int organisationId, string role, NotificationKind kind, string text, string link, CancellationToken cancellationToken)
    {
        var userIds = await (
            from u in db.Users
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where u.OrganisationId == organisationId && !u.IsDisabled && r.Name == role
            select u.Id).Distinct().ToListAsync(cancellationToken);
        Queue(userIds, kind, text, link);
        return userIds.Count;
    }

    private void Queue(IEnumerable<string> userIds, NotificationKind kind, string text, string link)
    {
        var now = clock.GetUtcNow();
        var shortened = text.Length > Schema.Notification ? string.Concat(text.AsSpan(0, Schema.Notification - 1), "…") : text;
        db.Notifications.AddRange(userIds.Select(id => new Notification(id, kind, shortened, link, now)));
    }

    /// <summary>The bell's count, read with the user's organisation (<see cref="CurrentUser.GetBadgesAsync"/>).</summary>
    public async Task<int> UnreadCountAsync(CancellationToken cancellationToken) =>
        currentUser.UserId is null ? 0 : (await currentUser.GetBadgesAsync(cancellationToken)).Unread;

    public async Task<NotificationListViewModel> ListAsync(int page, CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId ?? throw new InvalidOperationException("Not signed in.");
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        var total = await mine.CountAsync(cancellationToken);
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await mine.OrderByDescending(n => n.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(n => new NotificationRow(n.Id, n.Kind, n.Text, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(cancellationToken);
        return new NotificationListViewModel(rows, unread, total, page, pageCount);
    }

    /// <summary>Marks one of the user's notifications read and gives its link; null when it is not theirs.</summary>
    public async Task<string?> OpenAsync(long id, CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId;
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.UserId == userId, cancellationToken);
        if (notification is null)
        {
            return null;
        }

        notification.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return notification.Link;
    }

    public async Task<int> ReadAllAsync(CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId;
        var now = clock.GetUtcNow();
        return await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }
}
