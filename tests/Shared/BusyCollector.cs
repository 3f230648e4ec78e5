namespace Fer.Testing;

/// <summary>
/// A thread that runs garbage collections and finalizers without pause until disposed, to expose native calls whose
/// arguments (such as TorchSharp's implicitly converted Scalars) a collection can free mid-call.
/// </summary>
internal sealed class BusyCollector : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private BusyCollector(int generation)
    {
        _loop = Task.Run(() =>
        {
            while (!_stop.IsCancellationRequested)
            {
                GC.Collect(generation);
                GC.WaitForPendingFinalizers();
            }
        });
    }

    /// <summary>Starts collecting <paramref name="generation"/> (0: the young objects, where fresh Scalars live).</summary>
    public static BusyCollector Start(int generation = 0) => new(generation);

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _loop;
        _stop.Dispose();
    }
}
