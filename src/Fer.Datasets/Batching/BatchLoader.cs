using System.Collections.Concurrent;
using Fer.Internal;
using TorchSharp;
using static TorchSharp.torch;

namespace Fer.Datasets.Batching;

/// <summary>
/// Turns <see cref="LabeledFaces"/> into mini-batches of tensors on a device: shuffled (or sampled) per epoch
/// with a seed, normalised, augmented, and prefetched on a background thread so that a training step does not
/// wait on data. The order of an epoch depends only on the seed and the epoch number, so a resumed run sees the
/// same batches as an uninterrupted one.
/// </summary>
/// <remarks>
/// The tensor-level loader, for custom TorchSharp training loops: its batches are TorchSharp tensors on a TorchSharp
/// <c>Device</c>, which the caller disposes. Apps that do not work with tensors train with Fer.Core's
/// <c>Sequential.Fit</c> or <c>EmotionClassifier.Train</c>, which use this loader inside.
/// </remarks>
public sealed class BatchLoader
{
    private readonly LabeledFaces _data;
    private readonly float[] _lookup;

    /// <summary>Creates a loader over <paramref name="data"/>.</summary>
    /// <param name="data">The images and labels.</param>
    /// <param name="options">Batch size, order, normalisation, augmentation, device and sampling.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The batch size or the samples per epoch are not positive, or the prefetch count is negative.</exception>
    /// <exception cref="ArgumentException">The sampling weights do not match the data (count, negative, non-finite or all zero).</exception>
    /// <exception cref="NativeLibraryException">TorchSharp's native library cannot be loaded.</exception>
    public BatchLoader(LabeledFaces data, BatchLoaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        Guard.Positive(options.BatchSize, "options.BatchSize");
        Guard.NotNegative(options.Prefetch, "options.Prefetch");
        if (options.SamplesPerEpoch is { } samples)
        {
            Guard.Positive(samples, "options.SamplesPerEpoch");
        }

        if (options.SampleWeights is { } weights && (weights.Count != data.Count || weights.Any(w => !(w >= 0 && double.IsFinite(w))) || weights.All(w => w == 0)))
        {
            throw new ArgumentException($"BatchLoader: options.SampleWeights must hold one finite weight >= 0 per image ({data.Count}), not all zero, but holds {weights.Count}.", nameof(options));
        }

        TorchRuntime.EnsureAvailable();
        _data = data;
        Options = options;
        options.Normalization.Validate();

        // Augmentation works on [0, 1] pixels and normalises afterwards; without it, one lookup does both.
        _lookup = (options.Augmentation is { Enabled: true } ? Normalization.UnitRange : options.Normalization).LookupTable();
    }

    /// <summary>The options the loader was created with.</summary>
    public BatchLoaderOptions Options { get; }

    /// <summary>The number of batches in an epoch.</summary>
    public int BatchCount => (SampleCount + Options.BatchSize - 1) / Options.BatchSize;

    private int SampleCount => Options.SamplesPerEpoch ?? _data.Count;

    /// <summary>The image order of one epoch.</summary>
    internal int[] Order(int epoch)
    {
        var random = new Random(SeedMixer.MixToInt(Options.Seed, epoch, 0x5eed));
        if (Options.SampleWeights is { } weights)
        {
            return WeightedDraw(weights, SampleCount, random);
        }

        var order = Enumerable.Range(0, _data.Count).ToArray();
        if (Options.Shuffle)
        {
            random.Shuffle(order);
        }

        return order;
    }

    /// <summary>Enumerates the batches of one epoch; each batch must be disposed by the caller.</summary>
    public IEnumerable<Batch> Epoch(int epoch, CancellationToken cancellationToken = default)
    {
        var order = Order(epoch);
        if (Options.Prefetch <= 0)
        {
            for (var b = 0; b < BatchCount; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return Make(order, epoch, b);
            }

            yield break;
        }

        using var queue = new BlockingCollection<Batch>(Options.Prefetch);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    for (var b = 0; b < BatchCount && !stop.IsCancellationRequested; b++)
                    {
                        var batch = Make(order, epoch, b);
                        try
                        {
                            queue.Add(batch, stop.Token);
                        }
                        catch (OperationCanceledException)
                        {
                            batch.Dispose();
                            return;
                        }
                    }
                }
                finally
                {
                    queue.CompleteAdding();
                }
            },
            stop.Token,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable(cancellationToken))
            {
                yield return batch;
            }

            producer.GetAwaiter().GetResult();
        }
        finally
        {
            stop.Cancel();
            try
            {
                producer.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // The producer's own failure was surfaced above where it mattered; on early exit it is moot.
            }

            while (queue.TryTake(out var leftover))
            {
                leftover.Dispose();
            }
        }
    }

    private Batch Make(int[] order, int epoch, int batchIndex)
    {
        var start = batchIndex * Options.BatchSize;
        var count = Math.Min(Options.BatchSize, order.Length - start);
        var size = _data.Shape.PixelCount;
        var values = new float[count * size];
        var labels = new int[count];
        var pixels = _data.PixelSpan;
        for (var i = 0; i < count; i++)
        {
            var index = order[start + i];
            labels[i] = _data.LabelSpan[index];
            var source = pixels.Slice(index * size, size);
            var target = values.AsSpan(i * size, size);
            for (var p = 0; p < size; p++)
            {
                target[p] = _lookup[source[p]];
            }
        }

        using var scope = NewDisposeScope();
        var shape = new long[] { count, _data.Shape.Channels, _data.Shape.Height, _data.Shape.Width };
        var images = tensor(values, shape).to(Options.Device);
        var targets = Targets(order.AsSpan(start, count), labels, epoch, batchIndex);
        if (Options.Augmentation is { Enabled: true } augmentation)
        {
            (images, targets) = augmentation.Apply(images, targets, epoch, batchIndex);
            images = Options.Normalization.Apply(images);
        }

        scope.Detach(images, targets);
        return new Batch(images, targets, labels, batchIndex);
    }

    /// <summary>
    /// The (N, classes) training targets of a batch on the device: one-hot labels, the faces' distributions, or one
    /// label drawn from each distribution with a generator of the seed, epoch and batch (the same on a resumed run).
    /// </summary>
    private Tensor Targets(ReadOnlySpan<int> indices, int[] labels, int epoch, int batchIndex)
    {
        var classes = _data.ClassNames.Count;
        if (_data.TargetKind is TargetKind.Distribution or TargetKind.AnyOfLabels)
        {
            var values = new float[indices.Length * classes];
            for (var i = 0; i < indices.Length; i++)
            {
                _data.TargetSpan.Slice(indices[i] * classes, classes).CopyTo(values.AsSpan(i * classes, classes));
            }

            return tensor(values, [indices.Length, classes]).to(Options.Device);
        }

        var chosen = labels;
        if (_data.TargetKind == TargetKind.DrawnLabel)
        {
            var random = new Random(SeedMixer.MixToInt(Options.Seed ^ 0x0d4a3, epoch, batchIndex));
            chosen = new int[indices.Length];
            for (var i = 0; i < indices.Length; i++)
            {
                chosen[i] = Draw(_data.TargetSpan.Slice(indices[i] * classes, classes), random.NextDouble());
            }
        }

        return nn.functional.one_hot(tensor(chosen, ScalarType.Int64).to(Options.Device), classes).to(ScalarType.Float32);
    }

    /// <summary>The class whose cumulative share first exceeds <paramref name="u"/> in [0, 1); the last class with a share otherwise.</summary>
    private static int Draw(ReadOnlySpan<float> distribution, double u)
    {
        var cumulative = 0.0;
        var last = 0;
        for (var k = 0; k < distribution.Length; k++)
        {
            if (distribution[k] <= 0)
            {
                continue;
            }

            last = k;
            cumulative += distribution[k];
            if (u < cumulative)
            {
                return k;
            }
        }

        return last;
    }

    private static int[] WeightedDraw(IReadOnlyList<double> weights, int count, Random random)
    {
        var cumulative = new double[weights.Count];
        var total = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            total += weights[i];
            cumulative[i] = total;
        }

        var drawn = new int[count];
        for (var i = 0; i < count; i++)
        {
            var index = Array.BinarySearch(cumulative, random.NextDouble() * total);
            drawn[i] = Math.Min(index < 0 ? ~index : index, weights.Count - 1);
        }

        return drawn;
    }
}
