using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>A metric computed during <see cref="Sequential.Fit"/> and <see cref="Sequential.Evaluate"/>: accuracy or top-k accuracy.</summary>
public sealed class TrainingMetric
{
    private TrainingMetric(string name, int k)
    {
        Name = name;
        K = k;
    }

    /// <summary>Share of images whose most probable class is the true one ("accuracy").</summary>
    public static TrainingMetric Accuracy { get; } = new("accuracy", 1);

    /// <summary>The metric's name in the history ("accuracy", "top_3_accuracy").</summary>
    public string Name { get; }

    /// <summary>How many of the most probable classes may hold the true one.</summary>
    public int K { get; }

    /// <summary>Share of images whose true class is among the <paramref name="k"/> most probable ("top_k_accuracy").</summary>
    /// <param name="k">At least 1.</param>
    public static TrainingMetric TopKAccuracy(int k) => k switch
    {
        1 => Accuracy,
        > 1 => new TrainingMetric($"top_{k}_accuracy", k),
        _ => throw new ArgumentOutOfRangeException(nameof(k), k, "k must be at least 1."),
    };

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary>The number of correct images in a batch; the true class is the target's largest entry.</summary>
    internal long CountCorrect(Tensor outputs, Tensor targets)
    {
        using var scope = NewDisposeScope();
        var truth = targets.argmax(1);
        if (K == 1)
        {
            return outputs.argmax(1).eq(truth).sum().item<long>();
        }

        var k = Math.Min(K, outputs.shape[1]);
        var top = outputs.topk((int)k, 1).indexes;
        return top.eq(truth.unsqueeze(1)).any(1).sum().item<long>();
    }
}
