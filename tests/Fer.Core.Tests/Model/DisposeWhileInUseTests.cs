namespace Fer.Core.Tests;

/// <summary>
/// Disposing a classifier (its Sequential) while other threads predict: running calls finish with the serial result,
/// later ones get ObjectDisposedException, the native memory is freed once; no crash, in seeded trials, each in its
/// own process so that a crash would be seen and not take the test runner down.
/// </summary>
public sealed class DisposeWhileInUseTests
{
    [Fact]
    public void Disposing_a_classifier_while_eight_threads_predict_is_safe()
        => Assert.Empty(StressTrials.Failures("classifier-dispose", trials: 12, threads: 8));
}
