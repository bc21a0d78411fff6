namespace StatusBoard.Tests.TestSupport;

/// <summary>
/// Tests that run the real app as a child process polling many services several times a second run alone: beside the
/// rest of the suite on two cores they would starve the tests that count polls within a bound.
/// </summary>
[CollectionDefinition(nameof(BusyChildProcessCollection), DisableParallelization = true)]
public sealed class BusyChildProcessCollection;
