using System.Globalization;
using System.Text;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Organisations;

/// <summary>
/// Organisation administration within the signed-in admin's subtree. Everything outside it is "not found".
/// </summary>
public sealed partial class OrganisationAdminService(AppDbContext db, CurrentUser currentUser, AuditLog audit, TimeProvider clock, ILogger<OrganisationAdminService> logger)
{
    public async Task<OrganisationTreeViewModel> TreeAsync(string? query, bool showInactive, CancellationToken cancellationToken)
    {
        var scope = await currentUser.GetOrganisationAsync(cancellationToken);
        var rows = await OrderedTreeAsync(scope, cancellationToken);
        var total = rows.Count;
        var names = rows.ToDictionary(r => r.Id, r => r.Name);
        if (!showInactive)
        {
            rows = rows.Where(r => r.IsActive).ToList();
        }

        if (!string.IsNullOrWhiteSpace(query))
        {
            var needle = Normalise(query);
            rows = rows.Where(r => Normalise(r.Name).Contains(needle, StringComparison.Ordinal) || Normalise(r.ShortName).Contains(needle, StringComparison.Ordinal))
                .Select(r => r with { Level = 0, ParentName = r.ParentId is { } p && names.TryGetValue(p, out var n) ? n : null })
                .ToList();
        }

        return new OrganisationTreeViewModel(scope.Name, scope.Id, query, showInactive, rows, total);
    }

    /// <summary>Active organisations of the admin's subtree, in tree order, for drop-downs.</summary>
    public async Task<IReadOnlyList<OrganisationOption>> PickerAsync(CancellationToken cancellationToken, int? excludeSubtreeOf = null, int? alsoInclude = null)
    {
        var scope = await currentUser.GetOrganisationAsync(cancellationToken);
        var rows = await OrderedTreeAsync(scope, cancellationToken, withAccountCounts: false);
        var excluded = new HashSet<int>();
        if (excludeSubtreeOf is { } root)
        {
            var path = await db.Organisations.Where(o => o.Id == root).Select(o => o.Path).SingleAsync(cancellationToken);
            excluded = (await db.Organisations.WithinSubtree(path).Select(o => o.Id).ToListAsync(cancellationToken)).ToHashSet();
        }

        return rows.Where(r => (r.IsActive || r.Id == alsoInclude) && !excluded.Contains(r.Id))
            .Select(r => new OrganisationOption(r.Id, new string('\u3000', r.Level) + r.Name + (r.IsActive ? string.Empty : "（已停用）")))
            .ToList();
    }

    public async Task<Organisation?> FindAsync(int id, CancellationToken cancellationToken)
    {
        var scope = await currentUser.GetOrganisationAsync(cancellationToken);
        return await db.Organisations.WithinSubtree(scope.Path).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
    }

    public async Task<bool> IsScopeRootAsync(int id, CancellationToken cancellationToken) =>
        (await currentUser.GetOrganisationAsync(cancellationToken)).Id == id;

    public async Task<CommandResult> CreateAsync(OrganisationInput input, CancellationToken cancellationToken)
    {
        if (input.ParentId is not { } parentId || await FindAsync(parentId, cancellationToken) is not { IsActive: true } parent)
        {
            return CommandResult.Invalid(nameof(input.ParentId), "请选择您管理范围内、处于启用状态的上级单位。");
        }

        if (await NameTakenAsync(parent.Id, input.Name, null, cancellationToken))
        {
            return NameTaken(input.Name, parent.Name);
        }

        var organisation = new Organisation(input.Name, input.ShortName ?? string.Empty, input.Kind!.Value, parent, clock.GetUtcNow());
        organisation.SetContact(input.Phone, input.Address);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(AuditAction.OrganisationCreated, nameof(Organisation), Id(organisation),
            $"新建单位“{organisation.Name}”，上级单位“{parent.Name}”", subjectOrganisationId: organisation.Id, cancellationToken: cancellationToken);
        LogChanged(logger, "created", organisation.Id);
        return CommandResult.Ok(organisation.Id);
    }

    public async Task<CommandResult> UpdateAsync(int id, OrganisationInput input, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } organisation)
        {
            return CommandResult.NotFound;
        }

        if (await IsScopeRootAsync(id, cancellationToken) && (input.Name.Trim() != organisation.Name || input.Kind != organisation.Kind))
        {
            return CommandResult.Invalid(nameof(input.Name), "本单位的全称和类别由上级单位的管理员修改；您可以修改简称、联系电话和地址。");
        }

        if (await NameTakenAsync(organisation.ParentId, input.Name, organisation.Id, cancellationToken))
        {
            return NameTaken(input.Name, "同一上级单位");
        }

        var before = $"{organisation.Name}/{organisation.ShortName}/{organisation.Kind.ToChinese()}";
        organisation.Update(input.Name, input.ShortName ?? string.Empty, input.Kind!.Value);
        organisation.SetContact(input.Phone, input.Address);
        audit.Record(AuditAction.OrganisationUpdated, nameof(Organisation), Id(organisation),
            $"修改单位信息：{before} → {organisation.Name}/{organisation.ShortName}/{organisation.Kind.ToChinese()}", subjectOrganisationId: organisation.Id);
        await db.SaveChangesAsync(cancellationToken);
        LogChanged(logger, "updated", organisation.Id);
        return CommandResult.Ok(organisation.Id);
    }

    public async Task<CommandResult> MoveAsync(int id, int? newParentId, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } organisation)
        {
            return CommandResult.NotFound;
        }

        if (await IsScopeRootAsync(id, cancellationToken))
        {
            return CommandResult.Invalid(nameof(MoveOrganisationInput.NewParentId), "不能调整本单位自己的上级单位：那会使它离开您的管理范围。请联系上级单位管理员。");
        }

        if (newParentId is not { } parentId || await FindAsync(parentId, cancellationToken) is not { IsActive: true } parent)
        {
            return CommandResult.Invalid(nameof(MoveOrganisationInput.NewParentId), "只能移到您管理范围内、处于启用状态的单位之下。");
        }

        if (parent.IsWithin(organisation))
        {
            return CommandResult.Invalid(nameof(MoveOrganisationInput.NewParentId), "不能把单位移到它自己或它的下级单位之下。");
        }

        if (parent.Id == organisation.ParentId)
        {
            return CommandResult.Invalid(nameof(MoveOrganisationInput.NewParentId), "该单位已经在所选上级单位之下，请选择另一个上级单位。");
        }

        if (await NameTakenAsync(parent.Id, organisation.Name, organisation.Id, cancellationToken))
        {
            return NameTaken(organisation.Name, parent.Name);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var oldParent = await db.Organisations.Where(o => o.Id == organisation.ParentId).Select(o => o.Name).SingleAsync(cancellationToken);
        var move = organisation.MoveUnder(parent);
        audit.Record(AuditAction.OrganisationMoved, nameof(Organisation), Id(organisation),
            $"上级单位由“{oldParent}”调整为“{parent.Name}”", subjectOrganisationId: organisation.Id);
        await db.SaveChangesAsync(cancellationToken);
        var descendants = move.OldPath.Length;
#pragma warning disable CA1845 // An expression tree translated to SQL (substr / SUBSTRING), not string code to optimise.
        await db.Organisations
            .Where(o => o.Path.StartsWith(move.OldPath))
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.Path, o => move.NewPath + o.Path.Substring(descendants))
                .SetProperty(o => o.Depth, o => o.Depth + move.DepthChange), cancellationToken);
#pragma warning restore CA1845
        await transaction.CommitAsync(cancellationToken);
        LogChanged(logger, "moved", organisation.Id);
        return CommandResult.Ok(organisation.Id);
    }

    public async Task<ConfirmActiveViewModel?> ConfirmActiveAsync(int id, bool activate, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } organisation)
        {
            return null;
        }

        var children = await db.Organisations.CountAsync(o => o.ParentId == id && o.IsActive, cancellationToken);
        var users = await db.Users.CountAsync(u => u.OrganisationId == id && !u.IsDisabled, cancellationToken);
        return new ConfirmActiveViewModel(id, organisation.Name, activate, children, users);
    }

    public async Task<CommandResult> SetActiveAsync(int id, bool activate, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } organisation)
        {
            return CommandResult.NotFound;
        }

        if (!activate && await IsScopeRootAsync(id, cancellationToken))
        {
            throw new DomainException("不能停用本单位自己。");
        }

        if (activate)
        {
            organisation.Activate();
        }
        else
        {
            organisation.Deactivate();
        }

        audit.Record(activate ? AuditAction.OrganisationActivated : AuditAction.OrganisationDeactivated, nameof(Organisation), Id(organisation),
            $"{(activate ? "启用" : "停用")}单位“{organisation.Name}”", subjectOrganisationId: organisation.Id);
        await db.SaveChangesAsync(cancellationToken);
        LogChanged(logger, activate ? "activated" : "deactivated", organisation.Id);
        return CommandResult.Ok(organisation.Id);
    }

    /// <summary>The subtree in depth-first order, siblings in creation order, with account counts.</summary>
    private async Task<List<OrganisationRow>> OrderedTreeAsync(UserOrganisation scope, CancellationToken cancellationToken, bool withAccountCounts = true)
    {
        var organisations = await db.Organisations.AsNoTracking().WithinSubtree(scope.Path)
            .Select(o => new { o.Id, o.ParentId, o.Name, o.ShortName, o.Kind, o.IsActive })
            .ToListAsync(cancellationToken);
        var users = withAccountCounts
            ? await db.Users.AsNoTracking().WithinSubtree(scope.Path)
                .GroupBy(u => u.OrganisationId)
                .Select(g => new { OrganisationId = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.OrganisationId, g => g.Count, cancellationToken)
            : [];
        var children = organisations.ToLookup(o => o.ParentId);
        var byId = organisations.ToDictionary(o => o.Id);
        var rows = new List<OrganisationRow>(organisations.Count);
        var stack = new Stack<(int Id, int Level)>();
        stack.Push((scope.Id, 0));
        while (stack.Count > 0)
        {
            var (id, level) = stack.Pop();
            var o = byId[id];
            rows.Add(new OrganisationRow(o.Id, o.ParentId, o.Name, o.ShortName, o.Kind, level, users.GetValueOrDefault(o.Id), o.IsActive, null));
            foreach (var child in children[id].OrderByDescending(c => c.Id))
            {
                stack.Push((child.Id, level + 1));
            }
        }

        return rows;
    }

    private async Task<bool> NameTakenAsync(int? parentId, string name, int? exceptId, CancellationToken cancellationToken)
    {
        var trimmed = name.Trim();
        return await db.Organisations.AnyAsync(o => o.ParentId == parentId && o.Name == trimmed && o.Id != exceptId, cancellationToken);
    }

    private static CommandResult NameTaken(string name, string parentName) =>
        CommandResult.Invalid(nameof(OrganisationInput.Name), $"“{parentName}”下已有名为“{name.Trim()}”的单位。");

    private static string Id(Organisation organisation) => organisation.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Search ignores width and Latin case: "ＡＢＣ" finds "abc".</summary>
    private static string Normalise(string value) => value.Trim().Normalize(NormalizationForm.FormKC).ToUpperInvariant();

    [LoggerMessage(Level = LogLevel.Information, Message = "Organisation {OrganisationId} {Change}")]
    private static partial void LogChanged(ILogger logger, string change, int organisationId);
}
