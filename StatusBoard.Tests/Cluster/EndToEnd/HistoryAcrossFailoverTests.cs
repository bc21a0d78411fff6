using System.Text.Json;
using FluentAssertions;
using Npgsql;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Cluster.EndToEnd;

/// <summary>
/// Issue 17, fourth test: history in PostgreSQL across a failover. An incident and its transition recorded by the
/// first leader and the ones recorded by the next after a kill -9 are all in the history API of every surviving
/// node, each once, and the transitions in the database chain without a gap or a duplicate.
/// </summary>
[Collection(nameof(BusyChildProcessCollection))]
public sealed class HistoryAcrossFailoverTests
{
    private const string Service = "svc02";

    /// <summary>A page with one open incident of its own id (the shared payload's incident is always <c>inc1</c>).</summary>
    private static string WithIncident(string id, string indicator, string impact) =>
        StatuspageJson.Summary(indicator, incidentImpact: impact, incidentBody: $"Incident {id}").Replace("\"inc1\"", $"\"{id}\"", StringComparison.Ordinal);

    [Fact]
    public async Task LeaderKilledBetweenTwoIncidents_BothAreInEveryNodesHistoryOnce_AndTheTransitionsChain()
    {
        // Arrange: three nodes; the first leader records an incident (operational -> partial outage)
        await using var cluster = await ClusterNodes.StartAsync(3);
        var leader = await cluster.AgreedLeaderAsync();
        await cluster.PolledAsync();
        cluster.Upstream.Set(ClusterNodes.Page(Service), WithIncident("before", "major", "major"));
        await cluster.EventuallyAsync(() => IncidentsAsync(leader), i => i.Any(x => x.Id == "before"), "the first leader recorded 'before'");

        // Act: kill -9 the leader; upstream the first incident is resolved and a critical one opens
        await leader.KillAsync();
        cluster.Upstream.Set(ClusterNodes.Page(Service), WithIncident("after", "critical", "critical"));
        await cluster.AgreedLeaderAsync();

        // Assert: every survivor's history API lists both incidents once, the first one resolved
        foreach (var node in cluster.Alive)
        {
            var incidents = await cluster.EventuallyAsync(() => IncidentsAsync(node),
                i => i.Any(x => x.Id == "after") && i.Any(x => x.Id == "before" && x.Resolved), $"{node.Name} shows both incidents");
            incidents.Select(i => i.Id).Should().BeEquivalentTo(["after", "before"], $"{node.Name}: each incident once");
            var today = JsonDocument.Parse(await node.GetStringAsync($"/api/status/{Service}/history?days=1"));
            today.RootElement.GetProperty("days")[0].GetProperty("worst").GetString().Should().Be("major_outage");
        }

        // Assert: the transitions chain (each one starts where the previous ended), into each level once
        var transitions = await TransitionsAsync(cluster.HistoryDatabase!);
        transitions.Zip(transitions.Skip(1)).Should().OnlyContain(p => p.First.To == p.Second.From, "no transition lost or doubled");
        transitions.Count(t => t.To == "partial_outage").Should().Be(1, string.Join(", ", transitions));
        transitions.Count(t => t.To == "major_outage").Should().Be(1, string.Join(", ", transitions));
        transitions.Should().OnlyHaveUniqueItems();
    }

    private sealed record Incident(string Id, bool Resolved);

    private sealed record Transition(long At, string From, string To);

    private static async Task<IReadOnlyList<Incident>> IncidentsAsync(ClusterNode node)
    {
        using var json = JsonDocument.Parse(await node.GetStringAsync($"/api/status/{Service}/incidents?days=1"));
        return [.. json.RootElement.GetProperty("incidents").EnumerateArray()
            .Select(i => new Incident(i.GetProperty("id").GetString()!, i.GetProperty("resolvedAt").ValueKind != JsonValueKind.Null))];
    }

    private static async Task<IReadOnlyList<Transition>> TransitionsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT at, from_level, to_level FROM transitions WHERE service = @service ORDER BY at, id", connection);
        command.Parameters.AddWithValue("service", Service);
        await using var reader = await command.ExecuteReaderAsync();
        var transitions = new List<Transition>();
        while (await reader.ReadAsync())
        {
            transitions.Add(new Transition(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }
        return transitions;
    }
}
