using CampaignPortal.Web.Features.Progress;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace CampaignPortal.Web.Data.Seeding;

/// <summary>
/// Start-up work that must happen once however many web processes start together on one database: seeding (two
/// processes inserting the same roles would make one of them fail on the unique index and exit) and the first
/// data-protection key. Held as the "start-up" job lease; a process that finds it taken waits. A process killed while
/// holding it delays the others by at most <see cref="Length"/>.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    public const string LeaseName = "start-up";

    public static readonly TimeSpan Length = TimeSpan.FromMinutes(2);

    private readonly AppDbContext _db;
    private readonly string _holder;

    private StartupLock(AppDbContext db, string holder)
    {
        _db = db;
        _holder = holder;
    }

    public static async Task<StartupLock> AcquireAsync(AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var holder = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
        var giveUp = DateTime.UtcNow + Length + Length;
        while (!await JobLeases.TryClaimAsync(db, LeaseName, holder, Length, clock, cancellationToken))
        {
            if (DateTime.UtcNow > giveUp)
            {
                throw new TimeoutException($"Another process has held the start-up lease for more than {Length.TotalMinutes * 2} minutes.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        return new StartupLock(db, holder);
    }

    /// <summary>
    /// Creates the first key when none is usable now. Without this, two processes starting on an empty key table each
    /// create their own key and protect with it; each finds the other's key only by refreshing its key ring, which the
    /// framework does on an unknown key id during its first 2 minutes and otherwise once a day: a cookie issued by one
    /// process could be refused by the other for up to a day. Later keys are created 2 days before they become active,
    /// so every process has read them by then.
    /// </summary>
    public static void EnsureDataProtectionKey(IKeyManager keys, TimeSpan lifetime, DateTimeOffset now)
    {
        if (!keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now))
        {
            keys.CreateNewKey(now, now + lifetime);
        }
    }

    public async ValueTask DisposeAsync() => await JobLeases.ReleaseAsync(_db, LeaseName, _holder, CancellationToken.None);
}
