using System.Diagnostics;

namespace StatusBoard.Benchmarks;

/// <summary>Polls a condition of another process (a server, a browser) until it holds, failing after two minutes.</summary>
public static class Waiting
{
    public static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"waited 2 minutes for {what}");
            }
            await Task.Delay(100);
        }
    }
}
