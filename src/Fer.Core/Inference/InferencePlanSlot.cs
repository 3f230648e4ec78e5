namespace Fer.Core;

/// <summary>
/// A model's evaluation plan for its current weights (<see cref="InferencePlan"/>: batch norms folded into
/// convolutions), built on first use and discarded when the weights are about to change (training, loading,
/// SetWeights). Switching the network between evaluation and training mode happens under the same lock, so that a
/// plan is never built from a network in training mode.
/// </summary>
internal sealed class InferencePlanSlot : IDisposable
{
    private readonly object _lock = new();
    private InferencePlan? _plan;

    /// <summary>The plan, built from <paramref name="net"/> (put in evaluation mode) if there is none.</summary>
    public InferencePlan Get(SequentialNet net)
    {
        if (Volatile.Read(ref _plan) is { } plan)
        {
            return plan;
        }

        lock (_lock)
        {
            if (_plan is null)
            {
                net.eval();
                Volatile.Write(ref _plan, InferencePlan.For(net.Children));
            }

            return _plan!;
        }
    }

    /// <summary>Discards the plan. Not to be called while predictions run.</summary>
    public void Discard()
    {
        lock (_lock)
        {
            _plan?.Dispose();
            _plan = null;
        }
    }

    /// <summary>Discards the plan and puts <paramref name="net"/> in training mode (dropout on, batch statistics updated).</summary>
    public void EnterTraining(SequentialNet net)
    {
        lock (_lock)
        {
            _plan?.Dispose();
            _plan = null;
            net.train();
        }
    }

    public void Dispose() => Discard();
}
