namespace StatusBoard.Core.Providers;

/// <summary>
/// One status-page platform: a pure function of (provider input, fetched payload) → normalized result.
/// Implementations must never throw for bad input: they return <see cref="ProviderResult.Fail"/> with a reason
/// that names the provider and what was wrong.
/// </summary>
public interface IStatusProvider
{
    /// <summary>The catalog's <c>provider</c> value this class handles (e.g. <c>statuspage</c>).</summary>
    string Name { get; }

    /// <summary>
    /// True when a non-2xx answer is itself data (the HTTP probe); otherwise the engine reports it as
    /// <c>unknown</c> without calling <see cref="Parse"/>.
    /// </summary>
    bool AcceptsAnyStatusCode => false;

    /// <summary>Checks the provider-specific settings of a catalog entry; yields one message per problem.</summary>
    IEnumerable<string> Validate(ProviderInput input) => [];

    /// <summary>Turns a successfully fetched payload into a normalized status.</summary>
    ProviderResult Parse(ProviderInput input, FetchedPayload payload);
}
