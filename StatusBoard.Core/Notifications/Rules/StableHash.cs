using System.Security.Cryptography;
using System.Text;

namespace StatusBoard.Core.Notifications.Rules;

/// <summary>A short hash that is the same in every run (string.GetHashCode is not): idempotency keys survive restarts.</summary>
internal static class StableHash
{
    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 12);
}
