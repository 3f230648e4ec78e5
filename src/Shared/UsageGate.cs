namespace Fer.Internal;

/// <summary>
/// Makes <c>Dispose</c> safe while other threads use an object that owns native memory: each use holds a
/// <see cref="Lease"/>; after <see cref="Close"/> new uses get <see cref="ObjectDisposedException"/>, uses already
/// running finish, and the native memory is released exactly once, by whoever leaves last (the closer when nobody
/// is inside). Lock-free: entering and leaving are one interlocked operation each.
/// </summary>
internal sealed class UsageGate
{
    private readonly object _owner;
    private int _users;
    private int _closed;
    private int _released;
    private Action? _release;

    public UsageGate(object owner) => _owner = owner;

    /// <summary>Whether <see cref="Close"/> was called.</summary>
    public bool IsClosed => Volatile.Read(ref _closed) == 1;

    /// <summary>Starts a use; throws <see cref="ObjectDisposedException"/> once the gate is closed.</summary>
    public Lease Enter()
    {
        Interlocked.Increment(ref _users);
        if (Volatile.Read(ref _closed) == 1)
        {
            Leave();
            throw new ObjectDisposedException(_owner.GetType().Name, $"This {_owner.GetType().Name} was disposed.");
        }

        return new Lease(this);
    }

    /// <summary>Closes the gate; <paramref name="release"/> runs once, now or when the last running use ends.</summary>
    public void Close(Action release)
    {
        Volatile.Write(ref _release, release);
        if (Interlocked.Exchange(ref _closed, 1) == 1)
        {
            return;
        }

        if (Volatile.Read(ref _users) == 0)
        {
            ReleaseOnce();
        }
    }

    private void Leave()
    {
        if (Interlocked.Decrement(ref _users) == 0 && Volatile.Read(ref _closed) == 1)
        {
            ReleaseOnce();
        }
    }

    private void ReleaseOnce()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            Volatile.Read(ref _release)?.Invoke();
        }
    }

    /// <summary>One use of the gated object; dispose it when the use ends.</summary>
    public readonly struct Lease : IDisposable
    {
        private readonly UsageGate? _gate;

        internal Lease(UsageGate gate) => _gate = gate;

        /// <summary>Ends the use.</summary>
        public void Dispose() => _gate?.Leave();
    }
}
