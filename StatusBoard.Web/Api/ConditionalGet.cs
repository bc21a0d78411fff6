using Microsoft.Net.Http.Headers;

namespace StatusBoard.Web.Api;

/// <summary>
/// <c>If-None-Match</c> for every cached representation (status JSON, badges): RFC 9110 13.1.2 compares with the
/// weak comparison, so <c>W/"x"</c> matches <c>"x"</c>, and <c>*</c> matches any current representation.
/// </summary>
public static class ConditionalGet
{
    public static bool IsNotModified(HttpRequest request, string etag)
    {
        // Most requests carry no validator: answer without parsing anything.
        if (request.Headers.IfNoneMatch.Count == 0)
        {
            return false;
        }
        var current = EntityTagHeaderValue.Parse(etag);
        return request.GetTypedHeaders().IfNoneMatch.Any(candidate =>
            candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(current, useStrongComparison: false));
    }
}
