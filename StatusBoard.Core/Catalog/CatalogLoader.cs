using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace StatusBoard.Core.Catalog;

/// <summary>
/// Reads the catalog from configuration by hand rather than with the binder, because entries carry
/// provider-specific rule objects that only the provider understands, and every problem must be reported
/// with its key path instead of a binder exception.
/// </summary>
internal static class CatalogLoader
{
    public static void Load(IConfiguration configuration, CatalogOptions options)
    {
        var root = configuration.GetSection(CatalogOptions.SectionName);
        options.PollInterval = ReadTimeSpan(root, "PollInterval", options.PollInterval, options.LoadErrors) ?? options.PollInterval;
        options.DataDirectory = root["DataDirectory"] is { Length: > 0 } dir ? dir : options.DataDirectory;
        options.CatalogFile = root["CatalogFile"] is { Length: > 0 } file ? file : null;

        var services = options.CatalogFile is null
            ? root.GetSection("Services")
            : LoadCatalogFile(options.CatalogFile, options.LoadErrors);
        if (services is null)
        {
            return;
        }

        foreach (var entry in services.GetChildren().OrderBy(c => int.TryParse(c.Key, out var i) ? i : int.MaxValue))
        {
            options.Services.Add(ReadEntry(entry, options.LoadErrors));
        }
    }

    private static ServiceDefinition ReadEntry(IConfigurationSection entry, List<string> errors)
    {
        var id = entry["id"]?.Trim() ?? "";
        var url = entry["url"]?.Trim();
        Uri.TryCreate(url, UriKind.Absolute, out var uri);
        return new ServiceDefinition
        {
            Id = id,
            Name = entry["name"]?.Trim() is { Length: > 0 } name ? name : id,
            Category = entry["category"]?.Trim() is { Length: > 0 } category ? category : "Other",
            Provider = entry["provider"]?.Trim().ToLowerInvariant() ?? "",
            // A missing or relative url is reported by the validator; keep a placeholder so the entry stays readable.
            Url = uri ?? new Uri("invalid:" + Uri.EscapeDataString(url ?? "")),
            StatusPageUrl = entry["statusPageUrl"]?.Trim() is { Length: > 0 } page ? page : null,
            Interval = ReadTimeSpan(entry, "interval", null, errors, id),
            Components = entry.GetSection("components") is { } filter && filter.Exists()
                ? filter.GetChildren().Select(c => c.Value?.Trim() ?? "").ToArray()
                : null,
            Probe = Uri.TryCreate(entry["probe"]?.Trim(), UriKind.Absolute, out var probe) ? probe : null,
            ConfigPath = entry.Path,
            Settings = entry,
        };
    }

    private static TimeSpan? ReadTimeSpan(IConfigurationSection section, string key, TimeSpan? fallback,
        List<string> errors, string? serviceId = null)
    {
        var raw = section[key];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }
        if (TimeSpan.TryParse(raw, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero)
        {
            return value;
        }
        var owner = serviceId is null ? "" : $" (service '{serviceId}')";
        errors.Add($"{section.Path}:{key} '{raw}'{owner} is not a positive TimeSpan such as 00:01:00.");
        return fallback;
    }

    /// <summary>Where a <c>StatusBoard:CatalogFile</c> value points (relative to the working directory).</summary>
    public static string FullPathOf(string path) => Path.GetFullPath(path, Directory.GetCurrentDirectory());

    private static IConfigurationSection? LoadCatalogFile(string path, List<string> errors)
    {
        var fullPath = FullPathOf(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            errors.Add($"StatusBoard:CatalogFile '{fullPath}' cannot be read: {ex.Message}");
            return null;
        }

        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                errors.Add($"StatusBoard:CatalogFile '{fullPath}' must hold a JSON array of services, not a {document.RootElement.ValueKind}.");
                return null;
            }
        }
        catch (JsonException ex)
        {
            errors.Add($"StatusBoard:CatalogFile '{fullPath}' is not valid JSON: {ex.Message}");
            return null;
        }

        // The JSON configuration provider only accepts an object at the root: wrap the array.
        var wrapped = Encoding.UTF8.GetBytes("{\"Services\":").Concat(bytes).Concat("}"u8.ToArray()).ToArray();
        var fileConfig = new ConfigurationBuilder().AddJsonStream(new MemoryStream(wrapped)).Build();
        return fileConfig.GetSection("Services");
    }
}
