using System.Collections.Concurrent;
using System.Diagnostics;
using Fer.Core;

namespace Fer.Stress;

/// <summary>
/// Many threads predict on one classifier for a while with a seeded mix of valid and invalid inputs (wrong pixel
/// counts, corrupt and empty image bytes, a missing file); every valid call must equal the serial result, every
/// invalid one must be refused by the library, and resident memory must stay flat (the last quarter's peak within
/// 64 MB of the first quarter's).
/// </summary>
internal static class SoakTrial
{
    public static (bool Passed, string Report) Run(int seed, int threads, TimeSpan duration)
    {
        using var classifier = EmotionClassifier.LoadDefault();
        var random = new Random(seed);
        var faces = Enumerable.Range(0, 8).Select(_ =>
        {
            var pixels = new byte[48 * 48];
            random.NextBytes(pixels);
            return pixels;
        }).ToArray();
        var expected = faces.Select(f => classifier.PredictPixels(f).Probabilities.Values.ToArray()).ToArray();
        byte[][] invalid = [new byte[10], new byte[48 * 48 + 1], [], [0x89, 0x50, 0x4E, 0x47, 1, 2, 3], [0xFF, 0xD8, 0xFF, 0, 0, 0]];

        var problems = new ConcurrentQueue<string>();
        long valid = 0, refused = 0;
        var stop = Stopwatch.StartNew();
        var samples = new ConcurrentQueue<(double Seconds, long Bytes)>();
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var local = new Random(seed * 1000 + t);
            while (stop.Elapsed < duration)
            {
                var pick = local.Next(10);
                try
                {
                    if (pick < 7)
                    {
                        var i = local.Next(faces.Length);
                        if (!classifier.PredictPixels(faces[i]).Probabilities.Values.SequenceEqual(expected[i]))
                        {
                            problems.Enqueue("a valid prediction differed from the serial one");
                        }

                        Interlocked.Increment(ref valid);
                    }
                    else if (pick < 9)
                    {
                        var bad = invalid[local.Next(invalid.Length)];
                        if (bad.Length is 10 or 48 * 48 + 1)
                        {
                            classifier.PredictPixels(bad);
                        }
                        else
                        {
                            classifier.Predict(bad);
                        }

                        problems.Enqueue("an invalid input was accepted");
                    }
                    else
                    {
                        classifier.Predict("/nonexistent/face.jpg");
                        problems.Enqueue("a missing file was accepted");
                    }
                }
                catch (Exception e) when (e is Fer.FerException or FileNotFoundException or ArgumentException)
                {
                    Interlocked.Increment(ref refused);
                }
                catch (Exception e)
                {
                    problems.Enqueue($"{e.GetType().Name}: {e.Message}");
                }
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        while (workers.Any(w => w.IsAlive))
        {
            Thread.Sleep(250);
            samples.Enqueue((stop.Elapsed.TotalSeconds, Process.GetCurrentProcess().WorkingSet64));
        }

        var ordered = samples.ToArray();
        var quarter = Math.Max(1, ordered.Length / 4);
        var early = ordered.Take(quarter).Max(s => s.Bytes);
        var late = ordered.TakeLast(quarter).Max(s => s.Bytes);
        if (late - early > 64L * 1024 * 1024)
        {
            problems.Enqueue($"resident memory grew from {early / 1048576} MB to {late / 1048576} MB");
        }

        var passed = problems.IsEmpty;
        return (passed, $"{(passed ? "ok" : "FAILED")}: soak seed {seed}, {threads} threads, {duration.TotalSeconds:0} s: {valid:N0} valid calls equal to serial, {refused:N0} invalid refused; memory {early / 1048576} MB early, {late / 1048576} MB late; {string.Join("; ", problems.Distinct().Take(5))}");
    }
}
