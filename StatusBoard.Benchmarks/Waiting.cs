using System.Diagnostics;

namespace StatusBoard.Benchmarks;

/// <summary>Polls a condition of another process (a server, a browser) until it holds, failing after <c>timeout</c> (default two minutes).</summary>
public static class Waiting
{
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > (timeout ?? TimeSpan.FromMinutes(2)))
            {
                throw new TimeoutException($"waited {deadline.Elapsed} for {what}");
            }
            await Task.Delay(100);
        }
    }
}
