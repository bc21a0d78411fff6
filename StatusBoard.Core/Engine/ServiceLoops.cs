using StatusBoard.Core.Catalog;

namespace StatusBoard.Core.Engine;

/// <summary>
/// The running poll loops, one per catalog entry. A loop reads its entry through a <see cref="Slot"/>, so a display
/// change reaches it without a restart; a restarted loop waits for its predecessor, so an old reading can never land
/// after a new one.
/// </summary>
internal sealed class ServiceLoops
{
    private readonly Dictionary<string, Slot> _loops = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>One entry's loop: its current definition and how to stop it.</summary>
    public sealed class Slot(ServiceDefinition definition, CancellationTokenSource stopping)
    {
        private volatile ServiceDefinition _definition = definition;

        public ServiceDefinition Definition { get => _definition; set => _definition = value; }

        public CancellationTokenSource Stopping { get; } = stopping;

        public Task Running { get; set; } = Task.CompletedTask;
    }

    /// <summary>Starts (or restarts) the loop of <paramref name="service"/>; <paramref name="run"/> gets its slot and the task of the loop it replaces.</summary>
    public void Start(ServiceDefinition service, CancellationToken stoppingToken, Func<Slot, Task, Task> run)
    {
        lock (_gate)
        {
            var previous = StopLocked(service.Id);
            var slot = new Slot(service, CancellationTokenSource.CreateLinkedTokenSource(stoppingToken));
            slot.Running = run(slot, previous);
            _loops[service.Id] = slot;
        }
    }

    /// <summary>Gives a kept loop its new definition (name, category, link, interval).</summary>
    public void Update(ServiceDefinition service)
    {
        lock (_gate)
        {
            if (_loops.TryGetValue(service.Id, out var slot))
            {
                slot.Definition = service;
            }
        }
    }

    public void Stop(string id)
    {
        lock (_gate)
        {
            StopLocked(id);
        }
    }

    /// <summary>Every loop's task, to await at shutdown.</summary>
    public Task[] All()
    {
        lock (_gate)
        {
            return [.. _loops.Values.Select(s => s.Running)];
        }
    }

    private Task StopLocked(string id)
    {
        if (!_loops.Remove(id, out var slot))
        {
            return Task.CompletedTask;
        }
        slot.Stopping.Cancel();
        // Disposed once the loop has seen the cancellation.
        return slot.Running.ContinueWith(_ => slot.Stopping.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
