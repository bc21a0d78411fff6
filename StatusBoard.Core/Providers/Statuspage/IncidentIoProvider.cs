namespace StatusBoard.Core.Providers.Statuspage;

/// <summary>
/// incident.io-hosted pages read through their Statuspage-compatible <c>/api/v2/summary.json</c>
/// (ULID ids, flat components, no <c>scheduled_maintenances</c> key): the Statuspage reader handles that shape.
/// </summary>
internal sealed class IncidentIoProvider : StatuspageProvider
{
    public override string Name => "incidentio";
}
