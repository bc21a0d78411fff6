using System.Text.Encodings.Web;
using System.Text.Json;
using StatusBoard.Core.Engine;

namespace StatusBoard.Web.Commands;

/// <summary>
/// <c>detect URL [URL…]</c>: runs the auto-detector once against each status page and prints a ready-to-paste
/// catalog entry per page found. Standard output is only the JSON array of entries (so <c>detect … &gt; mine.json</c> is
/// a catalog file); what was tried, and why nothing matched, goes to standard error. Exit 0 when every URL was detected.
/// </summary>
public static class DetectCommand
{
    private static readonly JsonWriterOptions s_json = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (operands, configuration) = CommandLine.Split(args);
        if (operands.Length == 0)
        {
            await error.WriteLineAsync("usage: detect URL [URL ...]   (the address of a status page, e.g. https://www.githubstatus.com)");
            return 1;
        }
        var pages = new List<Uri>();
        foreach (var operand in operands)
        {
            if (!Uri.TryCreate(operand, UriKind.Absolute, out var page) || page.Scheme is not ("http" or "https"))
            {
                await error.WriteLineAsync($"{operand}: not an absolute http(s) URL");
                return 1;
            }
            pages.Add(page);
        }

        var builder = StatusBoardBuilder.Create(configuration);
        builder.Logging.ClearProviders(); // standard output is the catalog; nothing else may be written there
        await using var app = builder.Build();
        var detector = app.Services.GetRequiredService<EntryDetector>();

        var found = new List<DetectedEntry>();
        foreach (var page in pages)
        {
            var entry = await detector.DetectAsync(page, cancellationToken);
            await ExplainAsync(entry, error);
            if (entry.Found)
            {
                found.Add(entry);
            }
        }
        await output.WriteLineAsync(Serialize(found));
        return found.Count == pages.Count ? 0 : 1;
    }

    private static async Task ExplainAsync(DetectedEntry entry, TextWriter error)
    {
        if (entry.Found)
        {
            await error.WriteLineAsync($"{entry.Page}: {entry.Provider} at {entry.Url} — \"{entry.Name}\", {entry.Components.Count} components");
            return;
        }
        await error.WriteLineAsync($"{entry.Page}: no known platform found. Tried:");
        foreach (var attempt in entry.Tried)
        {
            await error.WriteLineAsync($"  {attempt}");
        }
        await error.WriteLineAsync("  None is a Statuspage, incident.io, Instatus or Better Stack API, and the page links no RSS/Atom feed.");
        await error.WriteLineAsync("  Watch it with the \"html\" or \"json\" provider and rules, or an \"http\" probe (see README, Catalog).");
    }

    private static string Serialize(IReadOnlyList<DetectedEntry> entries)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, s_json))
        {
            writer.WriteStartArray();
            foreach (var entry in entries)
            {
                writer.WriteStartObject();
                writer.WriteString("id", entry.Id);
                writer.WriteString("name", entry.Name);
                writer.WriteString("category", "Other");
                writer.WriteString("provider", entry.Provider);
                writer.WriteString("url", entry.Url!.AbsoluteUri);
                writer.WriteString("statusPageUrl", entry.Page.AbsoluteUri);
                writer.WriteString("note", entry.Components.Count == 0
                    ? "detected by StatusBoard; the page lists no components"
                    : $"detected by StatusBoard; components (copy some into \"components\" to watch only those): {string.Join(", ", entry.Components)}");
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
