using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.Providers;
using StatusBoard.Core.Providers.BetterStack;
using StatusBoard.Core.Providers.GitHub;
using StatusBoard.Core.Providers.GoogleCloud;
using StatusBoard.Core.Providers.Instatus;
using StatusBoard.Core.Providers.Slack;
using StatusBoard.Core.Providers.StatusIo;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Providers;

/// <summary>GitHub, Instatus, Google Cloud, Slack, status.io and Better Stack over their recorded payloads.</summary>
public class PlatformProviderTests
{
    private static ParsedStatus Parse(IStatusProvider provider, string fixture)
    {
        var result = provider.Parse(Payloads.NoRules, Payloads.Of(Fixtures.Read(fixture)));
        result.Error.Should().BeNull();
        return result.Status!;
    }

    [Fact]
    public void GitHub_CurrentSummary_IsReadAsStatuspage()
    {
        var status = Parse(new GitHubProvider(), "statuspage/github-summary-2026-07-24-major.json");

        status.Level.Should().Be(StatusLevel.MajorOutage);
        status.Components.Should().HaveCount(12);
        status.Incidents.Should().ContainSingle();
    }

    [Fact]
    public void GitHub_LegacyGood_IsOperational()
    {
        var status = Parse(new GitHubProvider(), "other/github-legacy-status-api-2016-good.json");

        status.Level.Should().Be(StatusLevel.Operational);
        status.Components.Should().BeEmpty();
    }

    [Fact]
    public void Instatus_UndocumentedOneMajorOutage_IsMajorOutage_WithTheIncident()
    {
        var status = Parse(new InstatusProvider(), "instatus/perplexity-summary-2026-07-23-majoroutage.json");

        status.Level.Should().Be(StatusLevel.MajorOutage);
        status.Summary.Should().Be("Computer sandbox issues");
        var incident = status.Incidents.Should().ContainSingle().Subject;
        incident.Id.Should().Be("cmrxt1rlu000f0zlcv4dzmdlr");
        incident.Status.Should().Be("monitoring");
        incident.Impact.Should().Be(StatusLevel.MajorOutage);
        incident.StartedAt.Should().Be(DateTimeOffset.Parse("2026-07-23T17:48:28.028Z", System.Globalization.CultureInfo.InvariantCulture));
        incident.Url.Should().Be("https://status.perplexity.com/cmrxt1rlu000f0zlcv4dzmdlr");
        status.Maintenances.Should().BeEmpty("the activeMaintenances key is absent");
    }

    [Fact]
    public void GoogleCloud_Current2022_HasNoActiveIncident_IsOperational()
    {
        var status = Parse(new GoogleCloudProvider(), "gcp/gcp-incidents-json-2022-07.json");

        status.Level.Should().Be(StatusLevel.Operational);
        status.Incidents.Should().BeEmpty("all 157 incidents have an end");
        status.Summary.Should().Be("No active incidents");
    }

    [Fact]
    public void GoogleCloud_Legacy2020_FourOngoing_BySeverity_ProductsAsComponents()
    {
        var status = Parse(new GoogleCloudProvider(), "gcp/gcp-incidents-json-2020-08-legacy-hyphen-keys-ongoing.json");

        status.Level.Should().Be(StatusLevel.MajorOutage, "incident 20008 has severity high");
        status.Incidents.Select(i => i.Id).Should().Equal("20006", "20008", "20005", "20003");
        status.Incidents.Select(i => i.Impact).Should().Equal(StatusLevel.PartialOutage, StatusLevel.MajorOutage, StatusLevel.PartialOutage, StatusLevel.PartialOutage);
        var infra = status.Incidents[1];
        infra.Title.Should().Be("We are experiencing issues across multiple GCP products");
        infra.Updates.Should().HaveCount(4);
        infra.Updates.Should().BeInDescendingOrder(u => u.At);
        status.Components.Select(c => c.Name).Should().BeEquivalentTo("Google App Engine", "Google Cloud Infrastructure Components", "Google Cloud Storage", "Operations");
        status.Components.Single(c => c.Name == "Google Cloud Infrastructure Components").Status.Should().Be(StatusLevel.MajorOutage);
    }

    [Fact]
    public void Slack_ActiveIncident_IsPartialOutage_WithNotesNewestFirst()
    {
        var status = Parse(new SlackProvider(), "slack/slack-current-v2-2023-09-26-active-incident-notes-redacted.json");

        status.Level.Should().Be(StatusLevel.PartialOutage);
        var incident = status.Incidents.Should().ContainSingle().Subject;
        incident.Id.Should().Be("1269", "the numeric id is read as text");
        incident.Title.Should().Be("Can't dismiss Now you've got Later");
        incident.Url.Should().Be("https://status.slack.com/2023-09/badc5543a21e1fa7");
        incident.Updates.Select(u => u.Body).Should().Equal("sample note 2", "sample note");
        incident.StartedAt!.Value.Offset.Should().Be(TimeSpan.FromHours(-7));
        status.Components.Should().ContainSingle().Which.Should().Be(new ComponentStatus("Connections", "Connections", StatusLevel.PartialOutage));
    }

    [Fact]
    public void StatusIo_GitLabOperational_ContainersAsComponents_UpcomingMaintenanceListed()
    {
        var status = Parse(new StatusIoProvider(), "statusio/gitlab-statusio-status-2023-06-29-operational.json");

        status.Level.Should().Be(StatusLevel.Operational, "an upcoming maintenance does not change the level");
        status.Summary.Should().Be("Operational");
        status.Components.Should().HaveCount(17).And.OnlyContain(c => c.Status == StatusLevel.Operational);
        status.Components[0].Name.Should().Be("Website");
        var maintenance = status.Maintenances.Should().ContainSingle().Subject;
        maintenance.Title.Should().Be("CI Cluster PostgreSQL 14 Upgrade");
        maintenance.InProgress.Should().BeFalse();
        maintenance.ScheduledFor.Should().Be(new DateTimeOffset(2023, 7, 8, 14, 0, 0, TimeSpan.Zero));
        maintenance.Components.Should().Contain("Git Operations").And.HaveCount(5);
        maintenance.Updates.Should().ContainSingle().Which.Body.Should().StartWith("We will be undergoing scheduled maintenance");
    }

    [Fact]
    public void BetterStack_DowntimeWithOtherResourcesUp_IsPartialOutage_OpenMaintenanceIsUpcoming()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 7, 19, 14, 0, 0, TimeSpan.Zero));
        var status = Parse(new BetterStackProvider(time), "betterstack/huggingface-index-json-2026-07-19-downtime.json");

        status.Level.Should().Be(StatusLevel.PartialOutage);
        status.Summary.Should().Be("Spaces Proxy: major outage");
        status.Components.Should().HaveCount(8);
        status.Components.Single(c => c.Name == "Spaces Proxy").Status.Should().Be(StatusLevel.MajorOutage);
        status.Components.Single(c => c.Name == "Huggingface Hub").Group.Should().Be("Current status by service");
        status.Incidents.Should().BeEmpty("every manual report is resolved although ends_at is null");
        var maintenance = status.Maintenances.Should().ContainSingle().Subject;
        maintenance.Id.Should().Be("961899");
        maintenance.InProgress.Should().BeFalse("it starts on 2026-07-22");
    }

    [Fact]
    public void BetterStack_MaintenanceWindowReached_IsInProgress()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 7, 22, 7, 30, 0, TimeSpan.Zero));
        var status = Parse(new BetterStackProvider(time), "betterstack/huggingface-index-json-2026-07-19-downtime.json");

        status.Maintenances.Should().ContainSingle().Which.InProgress.Should().BeTrue();
    }
}
