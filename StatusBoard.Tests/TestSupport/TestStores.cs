using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Tests.TestSupport;

/// <summary>A real <see cref="SnapshotStore"/> seeded with a few catalog services, for component tests.</summary>
public static class TestStores
{
    public static SnapshotStore Create(FakeTimeProvider time, params (string Id, string Category)[] services) =>
        Create(time, Catalog(services), TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>A store on <paramref name="catalog"/> with the given publish timing.</summary>
    public static SnapshotStore Create(FakeTimeProvider time, CatalogOptions catalog, TimeSpan publishDelay, TimeSpan freshnessInterval) =>
        new(time, Options.Create(new SnapshotOptions { PublishDelay = publishDelay, FreshnessInterval = freshnessInterval }),
            catalog.Services.Select(s => ServiceStatus.Pending(s.Id, s.Name, s.Category, s.StatusPageUrl)));

    public static CatalogOptions Catalog(params string[] ids) => Catalog([.. ids.Select(id => (id, "Test"))]);

    public static CatalogOptions Catalog(params (string Id, string Category)[] services)
    {
        var catalog = new CatalogOptions();
        catalog.Services.AddRange(services.Select(s => new ServiceDefinition
        {
            Id = s.Id,
            Name = s.Id,
            Category = s.Category,
            Provider = "statuspage",
            Url = new Uri($"https://{s.Id}.example.test/api/v2/summary.json"),
        }));
        return catalog;
    }

    /// <summary>Publishes a checked status for one service.</summary>
    public static ServiceStatus Set(this SnapshotStore store, TimeProvider time, string id, StatusLevel level, string? summary = null)
    {
        var previous = store.Current.Find(id)!;
        var status = previous with
        {
            Status = level,
            Summary = summary,
            CheckedAt = time.GetUtcNow(),
            LastChangedAt = previous.Status == level ? previous.LastChangedAt : time.GetUtcNow(),
            Error = level == StatusLevel.Unknown ? "test" : null,
        };
        store.Apply(status);
        return status;
    }
}
