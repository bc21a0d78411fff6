using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace StatusBoard.Web.Operations;

/// <summary>
/// /healthz body: overall status plus each check with its description and data, as JSON. Data under
/// <see cref="OperatorOnly"/> keys is shown to operators only (<see cref="OperatorAccess"/>).
/// </summary>
public static class HealthResponse
{
    /// <summary>Data keys that may reveal the machine (paths, driver messages).</summary>
    public static class OperatorOnly
    {
        public const string Path = "path";
        public const string LastError = "lastError";
    }

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var operatorDetail = OperatorAccess.IsOperator(context);
        var body = new
        {
            status = report.Status.ToString(),
            totalMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = operatorDetail
                    ? e.Value.Data
                    : e.Value.Data.Where(d => d.Key is not (OperatorOnly.Path or OperatorOnly.LastError)).ToDictionary(),
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
