namespace CampaignPortal.Web.Domain;

/// <summary>An illegal state change or broken invariant; the web layer answers 409 with <see cref="Exception.Message"/>.</summary>
public sealed class DomainException : Exception
{
    public DomainException(string message) : base(message) { }

    public DomainException() { }

    public DomainException(string message, Exception innerException) : base(message, innerException) { }
}
