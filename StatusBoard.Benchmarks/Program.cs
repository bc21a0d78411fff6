using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace StatusBoard.Benchmarks;

/// <summary>
/// In-process figures. BenchmarkDotNet: provider parse cost, snapshot publish cost, a full poll cycle
/// (<c>-- --filter '*'</c>). <c>-- circuits [pages] [services]</c>: server memory per live dashboard circuit.
/// <c>-- circuits-rss [services] [steps]</c>: RSS of the published server with 0, 30, 60 open boards.
/// <c>-- poll-to-screen [boards] [services]</c>: from an upstream flip to the changed tile in Chromium, p50/p99.
/// <c>-- history [services] [days]</c>: history database size and write cost per poll cycle.
/// <c>-- notify-latency [samples] [routes]</c>: time from a change to its notifications outbox row.
/// </summary>
public static class BenchmarkMain
{
    public static async Task<int> Main(string[] args)
    {
        if (args.FirstOrDefault() == "circuits")
        {
            var pages = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50;
            var services = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 160;
            await CircuitMemory.RunAsync(pages, services);
            return 0;
        }
        if (args.FirstOrDefault() == "circuits-rss")
        {
            var services = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 120;
            var steps = args.Length > 2 ? args[2].Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray() : [0, 30, 60];
            await CircuitRss.RunAsync(services, steps);
            return 0;
        }
        if (args.FirstOrDefault() == "poll-to-screen")
        {
            var boards = args.Length > 1 ? args[1].Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray() : [1, 100];
            var services = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 120;
            await PollToScreen.RunAsync(boards, services);
            return 0;
        }
        if (args.FirstOrDefault() == "history")
        {
            var services = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 130;
            var days = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 90;
            HistoryVolume.Run(services, days);
            return 0;
        }
        if (args.FirstOrDefault() == "notify-latency")
        {
            var samples = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200;
            var routes = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20;
            await NotifyLatency.RunAsync(samples, routes);
            return 0;
        }
        var config = DefaultConfig.Instance
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(BaselineRatioColumn.RatioMean)
            .WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(70))
            .WithOptions(ConfigOptions.JoinSummary);
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkMain).Assembly).Run(args, config);
        return 0;
    }
}
