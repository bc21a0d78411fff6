namespace StatusBoard.Tests.TestSupport;

/// <summary>Tests that measure process-wide allocation run alone, so other tests' garbage does not count.</summary>
[CollectionDefinition(nameof(MemoryMeasuringCollection), DisableParallelization = true)]
public sealed class MemoryMeasuringCollection;
