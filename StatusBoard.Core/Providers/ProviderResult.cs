namespace StatusBoard.Core.Providers;

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
