using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

// In-process figures: provider parse cost, snapshot publish cost, a full poll cycle.
// Run all:  dotnet run -c Release --project StatusBoard.Benchmarks -- --filter '*'
var config = DefaultConfig.Instance
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddColumn(BaselineRatioColumn.RatioMean)
    .WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(70))
    .WithOptions(ConfigOptions.JoinSummary);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
