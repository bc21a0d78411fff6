using System.Globalization;
using System.Text;
using System.Text.Json;

namespace StatusBoard.Core.Providers;

/// <summary>
/// Turns a fetched body into a <see cref="JsonDocument"/> or a precise reason why it is not JSON,
/// and reads values defensively: a field of the wrong type reads as absent instead of throwing.
/// </summary>
internal static class JsonPayload
{
    private static readonly JsonDocumentOptions s_options = new()
    {
        MaxDepth = 64,
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Parses a body as JSON; UTF-8 (with or without BOM) and UTF-16/32 with a BOM are accepted.</summary>
    public static bool TryParse(string provider, ReadOnlyMemory<byte> body, out JsonDocument document, out string error)
    {
        document = null!;
        if (!TryDecode(provider, body, out var bytes, out error))
        {
            return false;
        }
        try
        {
            document = JsonDocument.Parse(bytes, s_options);
            return true;
        }
        catch (JsonException ex)
        {
            error = $"{provider}: invalid JSON ({Shorten(ex.Message)})";
            return false;
        }
        catch (ArgumentException ex)
        {
            // Invalid UTF-8 surfaces as ArgumentException from some reader paths.
            error = $"{provider}: the body is not valid UTF-8 JSON ({Shorten(ex.Message)})";
            return false;
        }
    }

    /// <summary>
    /// The body as UTF-8 bytes that may be JSON: BOMs removed, UTF-16 converted; empty bodies, invalid UTF-8 and
    /// HTML/XML are refused with a reason. Shared by every JSON reader, whatever parser it uses next.
    /// </summary>
    public static bool TryDecode(string provider, ReadOnlyMemory<byte> body, out byte[] bytes, out string error)
    {
        bytes = Decode(body.Span);
        var trimmed = bytes.AsSpan().TrimStart(" \t\r\n"u8);
        if (trimmed.IsEmpty)
        {
            error = $"{provider}: the response body is empty";
            return false;
        }
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            // JsonDocument validates strings lazily; check up front so bad bytes never reach a reader.
            error = $"{provider}: the body is not valid UTF-8 JSON";
            return false;
        }
        if (trimmed[0] == (byte)'<')
        {
            error = $"{provider}: expected JSON but the response is HTML or XML";
            return false;
        }
        error = "";
        return true;
    }

    private static byte[] Decode(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return body[3..].ToArray();
        }
        if (body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || body.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            // UTF-16 with a BOM (AWS serves JSON like this); detectEncodingFromByteOrderMarks picks the right one.
            using var reader = new StreamReader(new MemoryStream(body.ToArray()), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return Encoding.UTF8.GetBytes(reader.ReadToEnd());
        }
        return body.ToArray();
    }

    public static string Shorten(string message) =>
        message.Length <= 160 ? message : string.Concat(message.AsSpan(0, 157), "...");

    /// <summary>The named property if the element is an object that has it.</summary>
    public static JsonElement? Prop(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    /// <summary>A string property, or a number/bool rendered as text; null when absent or another type.</summary>
    public static string? Str(this JsonElement element, string name) => element.Prop(name) switch
    {
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Number } v => v.GetRawText(),
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        _ => null,
    };

    public static bool? Bool(this JsonElement element, string name) => element.Prop(name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => null,
    };

    /// <summary>The items of an array property; empty when absent, null or not an array.</summary>
    public static IEnumerable<JsonElement> Items(this JsonElement element, string name) =>
        element.Prop(name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    /// <summary>A timestamp property parsed with its offset; null when absent or unparseable.</summary>
    public static DateTimeOffset? Date(this JsonElement element, string name) =>
        element.Str(name) is { } text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : null;
}
