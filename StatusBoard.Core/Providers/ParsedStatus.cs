using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Providers;

/// <summary>What a provider understood from one payload: the level and everything behind it.</summary>
public sealed record ParsedStatus(
    StatusLevel Level,
    string? Summary,
    IReadOnlyList<ComponentStatus> Components,
    IReadOnlyList<Incident> Incidents,
    IReadOnlyList<Maintenance> Maintenances)
{
    public static ParsedStatus Of(StatusLevel level, string? summary = null) => new(level, summary, [], [], []);
}

/// <summary>
/// The outcome of parsing: a status, or a reason the payload could not be understood.
/// A failure is data (the service shows <c>unknown</c> with the reason), never an exception.
/// </summary>
public sealed record ProviderResult(ParsedStatus? Status, string? Error)
{
    public bool IsSuccess => Status is not null;

    public static ProviderResult Ok(ParsedStatus status) => new(status, null);

    public static ProviderResult Fail(string error) => new(null, error);
}
