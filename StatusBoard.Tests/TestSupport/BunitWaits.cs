using System.Runtime.CompilerServices;
using Bunit;

namespace StatusBoard.Tests.TestSupport;

/// <summary>
/// bUnit waits (WaitForState, WaitForAssertion) end as soon as their condition holds; their default 1 s bound is
/// only a failure deadline, which a loaded 2-core machine can miss. A generous bound costs nothing when tests pass.
/// </summary>
internal static class BunitWaits
{
    [ModuleInitializer]
    internal static void Initialize() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(30);
}
