using System.Text.Json;

namespace StatusBoard.Core.Providers;

/// <summary>
/// Base of the providers that read one JSON document: parsing, disposal and the promise never to throw are here,
/// so each platform only maps its shape.
/// </summary>
internal abstract class JsonStatusProvider : IStatusProvider
{
    public abstract string Name { get; }

    public ProviderResult Parse(ProviderInput input, FetchedPayload payload) =>
        ParseSafely(Name, payload, root => Read(root, payload));

    /// <summary>Maps a parsed document; may return <see cref="ProviderResult.Fail"/> with a reason naming the field.</summary>
    protected abstract ProviderResult Read(JsonElement root, FetchedPayload payload);

    public static ProviderResult ParseSafely(string provider, FetchedPayload payload, Func<JsonElement, ProviderResult> read)
    {
        if (!JsonPayload.TryParse(provider, payload.Body, out var document, out var error))
        {
            return ProviderResult.Fail(error);
        }
        using (document)
        {
            try
            {
                return read(document.RootElement);
            }
            catch (Exception ex) when (ex is InvalidOperationException or FormatException or OverflowException or KeyNotFoundException or ArgumentException)
            {
                // A value of an unexpected JSON kind deep in the payload: one service unknown, never a crash.
                return ProviderResult.Fail($"{provider}: unexpected shape ({ex.Message})");
            }
        }
    }

    /// <summary>Fails with the JSON kind found when the root is not what the platform serves.</summary>
    protected ProviderResult WrongRoot(JsonElement root, string expected) =>
        ProviderResult.Fail($"{Name}: expected {expected} at the root, got {root.ValueKind}");
}
