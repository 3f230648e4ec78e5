using System.Diagnostics;

namespace Fer.Onnx.Tests;

/// <summary>One classifier shared by threads, disposed while in use, and used for 100,000 predictions.</summary>
public sealed class OnnxEmotionClassifierConcurrencyTests
{
    [Fact]
    public void Eight_threads_get_the_serial_results()
    {
        using var classifier = OnnxEmotionClassifier.LoadDefault();
        var faces = RealFaces.Pixels();
        var count = faces.Length / (48 * 48);
        var expected = Enumerable.Range(0, count).Select(i => classifier.PredictPixels(faces.AsSpan(i * 48 * 48, 48 * 48))).ToArray();

        var results = new float[8 * 50][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var face = i % count;
            results[i] = classifier.PredictPixels(faces.AsSpan(face * 48 * 48, 48 * 48)).Probabilities.Values.ToArray();
        });

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % count].Probabilities.Values, results[i]);
        }
    }

    [Fact]
    public void Disposing_while_eight_threads_predict_is_safe()
        => Assert.Empty(StressTrials.Failures("onnx-classifier-dispose", trials: 6, threads: 8));

    [Fact]
    public void A_disposed_classifier_refuses_new_predictions()
    {
        var classifier = OnnxEmotionClassifier.LoadDefault();
        classifier.Dispose();
        classifier.Dispose();

        Assert.Throws<ObjectDisposedException>(() => classifier.PredictPixels(new byte[48 * 48]));
    }

    [Fact]
    public void Memory_stays_flat_over_100_000_predictions()
    {
        // A tiny network of the embedded models' layer kinds (conv, batch norm, pooling, dense): what could leak is the
        // classifier's and ONNX Runtime's per-call state, not the weights, and it keeps 101,000 predictions quick.
        using var network = new Fer.Core.Sequential((1, 48, 48), seed: 1)
            .Add(Fer.Core.Layers.Conv2D(8, kernel: 3, padding: Fer.Core.Padding.Same))
            .Add(Fer.Core.Layers.BatchNorm())
            .Add(Fer.Core.Layers.ReLU())
            .Add(Fer.Core.Layers.MaxPool2D(2))
            .Add(Fer.Core.Layers.Conv2D(16, kernel: 3, padding: Fer.Core.Padding.Same))
            .Add(Fer.Core.Layers.BatchNorm())
            .Add(Fer.Core.Layers.ReLU())
            .Add(Fer.Core.Layers.GlobalAvgPool2D())
            .Add(Fer.Core.Layers.Dense(7))
            .Add(Fer.Core.Layers.Softmax());
        network.ClassNames = Fer.ClassNames.Fer2013;
        network.Normalization = Fer.Datasets.Normalization.Fer2013;
        using var classifier = OnnxEmotionClassifier.Load(Fer.Core.OnnxExporter.Export(network), "tinyvgg", new OnnxClassifierOptions { Threads = 1 });
        var faces = RealFaces.Pixels();
        var count = faces.Length / (48 * 48);
        var batch = new byte[100 * 48 * 48];
        for (var i = 0; i < 100; i++)
        {
            faces.AsSpan((i % count) * 48 * 48, 48 * 48).CopyTo(batch.AsSpan(i * 48 * 48));
        }

        // Warm up (arenas, pools, JIT), then measure 1,000 batches of 100 faces and 1,000 single faces.
        for (var i = 0; i < 20; i++)
        {
            classifier.PredictPixelBatch(batch);
        }

        var before = ResidentBytes();
        for (var i = 0; i < 1_000; i++)
        {
            Assert.Equal(100, classifier.PredictPixelBatch(batch).Count);
            classifier.PredictPixels(faces.AsSpan((i % count) * 48 * 48, 48 * 48));
        }

        var growth = ResidentBytes() - before;
        Assert.True(growth < 32L * 1024 * 1024, $"resident memory grew by {growth / (1024 * 1024)} MB over 101,000 predictions");
    }

    private static long ResidentBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }
}
