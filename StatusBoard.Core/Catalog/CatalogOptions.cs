namespace StatusBoard.Core.Catalog;

/// <summary>The service catalog and the catalog-wide keys of the <c>StatusBoard</c> configuration section.</summary>
public sealed class CatalogOptions
{
    public const string SectionName = "StatusBoard";

    /// <summary>Services to watch, in display order (from <c>StatusBoard:Services</c> or <c>StatusBoard:CatalogFile</c>).</summary>
    public List<ServiceDefinition> Services { get; } = [];

    /// <summary>Default poll interval. Defaults to one minute.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Path of a JSON array of services that replaces <c>StatusBoard:Services</c>, if set.</summary>
    public string? CatalogFile { get; set; }

    /// <summary>Where anything stored goes. Defaults to a <c>data</c> folder in the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Problems found while reading configuration; reported by <see cref="ValidateCatalogOptions"/>.</summary>
    public List<string> LoadErrors { get; } = [];

    public TimeSpan IntervalOf(ServiceDefinition service) => service.Interval ?? PollInterval;
}
