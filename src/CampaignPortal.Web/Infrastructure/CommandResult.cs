namespace CampaignPortal.Web.Infrastructure;

/// <summary>
/// What a write service tells its controller: done (with the new id), not found in the user's scope (404), or
/// field errors to show next to the fields. Illegal state changes throw DomainException instead (409).
/// </summary>
public sealed class CommandResult
{
    private CommandResult(bool found, IReadOnlyList<KeyValuePair<string, string>> errors, int? id)
    {
        Found = found;
        Errors = errors;
        Id = id;
    }

    public static CommandResult NotFound { get; } = new(false, [], null);

    public bool Found { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Errors { get; }

    public int? Id { get; }

    public bool Succeeded => Found && Errors.Count == 0;

    public static CommandResult Ok(int? id = null) => new(true, [], id);

    public static CommandResult Invalid(string field, string message) => new(true, [new(field, message)], null);

    public static CommandResult Invalid(IEnumerable<KeyValuePair<string, string>> errors) => new(true, [.. errors], null);

    public void CopyErrorsTo(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState)
    {
        foreach (var (field, message) in Errors)
        {
            modelState.AddModelError(field, message);
        }
    }
}
