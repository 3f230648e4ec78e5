namespace Fer.Detection.Tests;

/// <summary>
/// Disposing a BlazeFaceDetector while other threads detect: running detections finish with the serial result, later
/// ones get ObjectDisposedException, the ONNX Runtime session is released once; seeded trials in child processes.
/// </summary>
public sealed class DisposeWhileDetectingTests
{
    [Fact]
    public void Disposing_a_detector_while_eight_threads_detect_is_safe()
        => Assert.Empty(StressTrials.Failures("detector-dispose", trials: 12, threads: 8, GroupPhotos.PathOf("group3.jpg")));
}
