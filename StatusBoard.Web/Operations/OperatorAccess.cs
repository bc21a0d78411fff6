using System.Security.Cryptography;
using System.Text;

namespace StatusBoard.Web.Operations;

/// <summary>
/// Who may see operator detail (database paths, driver messages): a client on this machine (loopback), or a caller
/// (or no network peer at all) or sending <c>X-StatusBoard-Operator-Key</c> equal to <c>StatusBoard:OperatorKey</c>. Everyone else is anonymous.
/// </summary>
public static class OperatorAccess
{
    public const string KeyHeader = "X-StatusBoard-Operator-Key";
    public const string KeySetting = "StatusBoard:OperatorKey";

    public static bool IsOperator(HttpContext context)
    {
        // No remote address means no network peer (an in-process host or a Unix socket): that is this machine.
        if (context.Connection.RemoteIpAddress is not { } remote || System.Net.IPAddress.IsLoopback(remote))
        {
            return true;
        }
        var configured = context.RequestServices.GetRequiredService<IConfiguration>()[KeySetting];
        var sent = context.Request.Headers[KeyHeader].ToString();
        // Fixed-time comparison: the answer's timing must not reveal how much of a guess was right.
        return !string.IsNullOrEmpty(configured) && sent.Length > 0 &&
            CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(configured));
    }
}
