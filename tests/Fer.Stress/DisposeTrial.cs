using System.Collections.Concurrent;
using Fer.Core;
using Fer.Datasets;
using Fer.Detection;

namespace Fer.Stress;

/// <summary>
/// Several threads use one object while another thread disposes it after a seeded delay. Passes when every call
/// either returned the serial result or threw <see cref="ObjectDisposedException"/>, and the process is still alive.
/// </summary>
internal sealed record DisposeTrial(bool Passed, string Report)
{
    public static DisposeTrial Classifier(int seed, int threads)
    {
        var random = new Random(seed);
        var pixels = new byte[48 * 48];
        random.NextBytes(pixels);
        var classifier = EmotionClassifier.LoadDefault();
        var expected = classifier.PredictPixels(pixels).Probabilities.Values.ToArray();
        return Run(seed, threads, () => classifier.PredictPixels(pixels).Probabilities.Values.ToArray(), expected, classifier.Dispose, (a, b) => a.SequenceEqual(b));
    }

    public static DisposeTrial OnnxClassifier(int seed, int threads)
    {
        var random = new Random(seed);
        var pixels = new byte[48 * 48];
        random.NextBytes(pixels);
        var classifier = Fer.Onnx.OnnxEmotionClassifier.LoadDefault();
        var expected = classifier.PredictPixels(pixels).Probabilities.Values.ToArray();
        return Run(seed, threads, () => classifier.PredictPixels(pixels).Probabilities.Values.ToArray(), expected, classifier.Dispose, (a, b) => a.SequenceEqual(b));
    }

    public static DisposeTrial Detector(int seed, int threads, string photoPath)
    {
        using var photo = Photo.Load(photoPath);
        var detector = new BlazeFaceDetector();
        var expected = detector.Detect(photo).ToArray();
        return Run(seed, threads, () => detector.Detect(photo).ToArray(), expected, detector.Dispose, (a, b) => a.SequenceEqual(b));
    }

    private static DisposeTrial Run<T>(int seed, int threads, Func<T> call, T expected, Action dispose, Func<T, T, bool> same)
    {
        var random = new Random(seed);
        var delay = TimeSpan.FromMilliseconds(random.Next(0, 200));
        var problems = new ConcurrentQueue<string>();
        var calls = 0;
        var refused = 0;
        using var start = new Barrier(threads + 1);
        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            while (true)
            {
                try
                {
                    var result = call();
                    Interlocked.Increment(ref calls);
                    if (!same(result, expected))
                    {
                        problems.Enqueue("a call returned a different result from the serial one");
                    }
                }
                catch (ObjectDisposedException)
                {
                    Interlocked.Increment(ref refused);
                    return;
                }
                catch (Exception e)
                {
                    problems.Enqueue($"{e.GetType().Name}: {e.Message}");
                    return;
                }
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        start.SignalAndWait();
        Thread.Sleep(delay);
        dispose();
        dispose(); // a second Dispose does nothing
        var finished = workers.All(w => w.Join(TimeSpan.FromSeconds(60)));
        if (!finished)
        {
            problems.Enqueue("a worker did not stop within 60 s after Dispose");
        }

        var passed = problems.IsEmpty && refused == threads;
        return new DisposeTrial(passed, $"{(passed ? "ok" : "FAILED")}: seed {seed}, {threads} threads, disposed after {delay.TotalMilliseconds} ms, {calls} calls, {refused} refused; {string.Join("; ", problems.Distinct())}");
    }
}
