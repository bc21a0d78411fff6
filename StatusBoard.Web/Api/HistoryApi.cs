using Microsoft.Extensions.Logging.Abstractions;
using StatusBoard.Core.History;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Api;

/// <summary>
/// <c>/api/status/{id}/history?days=90&amp;tz=Europe/Berlin</c>: one entry per day (worst level, fraction operational);
/// <c>/api/status/{id}/incidents?days=90</c>: the incident timeline, newest first.
/// </summary>
public static partial class HistoryApi
{
    public const int MaxDays = 400;

    public static IEndpointRouteBuilder MapHistoryApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/status").RequireCors(WebServiceCollectionExtensions.OpenReadPolicy).WithTags("History");
        group.MapGet("/{id}/history", GetHistory).WithName("GetServiceHistory").WithSummary("Daily worst level and uptime of one service.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/{id}/incidents", GetIncidents).WithName("GetServiceIncidents").WithSummary("Incidents of one service, newest first.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    public static IResult GetHistory(string id, int? days, string? tz, SnapshotStore store, HistoryQueries history, ILoggerFactory? loggers = null)
    {
        if (Check(id, days, store) is { } problem)
        {
            return problem;
        }
        if (!HistoryQueries.TryFindZone(tz, out var zone))
        {
            return Problem(StatusCodes.Status400BadRequest, "Unknown time zone", $"'{tz}' is not a time zone id (e.g. UTC, Europe/Berlin).");
        }
        try
        {
            var daily = history.Daily(id, days ?? 90, zone);
            return TypedResults.Json(new
            {
                service = id,
                timeZone = zone.Id,
                days = daily.Select(d => new
                {
                    date = d.Date.ToString("yyyy-MM-dd"),
                    worst = d.Worst?.ToApiName(),
                    operational = d.Operational is { } o ? Math.Round(o, 5) : (double?)null,
                    coverage = Math.Round(d.Coverage, 5),
                }),
            });
        }
        catch (Exception e) when (HistoryQueries.IsDatabaseFailure(e))
        {
            return Unavailable(id, e, loggers);
        }
    }

    public static IResult GetIncidents(string id, int? days, SnapshotStore store, HistoryQueries history, ILoggerFactory? loggers = null)
    {
        if (Check(id, days, store) is { } problem)
        {
            return problem;
        }
        try
        {
            var incidents = history.Incidents(id, days ?? 90);
            return TypedResults.Json(new
            {
                service = id,
                incidents = incidents.Select(i => new
                {
                    id = i.Id,
                    kind = i.Kind,
                    title = i.Title,
                    status = i.Status,
                    impact = i.Impact.ToApiName(),
                    startedAt = i.StartedAt,
                    resolvedAt = i.ResolvedAt,
                    lastSeen = i.LastSeen,
                    url = i.Url,
                    updates = i.Updates.Select(u => new { at = u.At, status = u.Status, body = u.Body }),
                }),
            });
        }
        catch (Exception e) when (HistoryQueries.IsDatabaseFailure(e))
        {
            return Unavailable(id, e, loggers);
        }
    }

    private static IResult? Check(string id, int? days, SnapshotStore store)
    {
        if (store.Current.Find(id) is null)
        {
            return Problem(StatusCodes.Status404NotFound, "Unknown service", $"No service with id '{id}' is in the catalog.");
        }
        if (days is < 1 or > MaxDays)
        {
            return Problem(StatusCodes.Status400BadRequest, "Bad days", $"days must be between 1 and {MaxDays}.");
        }
        return null;
    }

    /// <summary>The driver's message can name files and settings: it goes to the log, the caller gets a generic reason.</summary>
    private static IResult Unavailable(string id, Exception e, ILoggerFactory? loggers)
    {
        LogUnavailable((loggers ?? NullLoggerFactory.Instance).CreateLogger(typeof(HistoryApi).FullName!), id, e.Message);
        return Problem(StatusCodes.Status503ServiceUnavailable, "History unavailable",
            "The history database is not available right now; the live status is unaffected. Operators: see the log or the health endpoint.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "History of {ServiceId} not read: {Error}")]
    private static partial void LogUnavailable(ILogger logger, string serviceId, string error);

    private static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
