using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.History;

namespace StatusBoard.Tests.TestSupport;

/// <summary>A real (empty) history database in a fresh temp folder, for component tests that render the details.</summary>
public static class TestHistory
{
    public static HistoryDatabase NewDatabase(string? directory = null) =>
        new(Options.Create(new CatalogOptions { DataDirectory = directory ?? TestData.NewDirectory() }), Options.Create(new HistoryOptions()));

    /// <summary>Registers the history's reader and queries (on the TimeProvider the test registered).</summary>
    public static IServiceCollection AddTestHistory(this IServiceCollection services, HistoryDatabase? database = null)
    {
        services.AddSingleton(database ?? NewDatabase());
        services.AddSingleton<HistoryReader>();
        services.AddSingleton<HistoryWriter>();
        services.AddSingleton<HistoryQueries>();
        return services;
    }
}
