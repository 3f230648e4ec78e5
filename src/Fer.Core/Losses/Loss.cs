using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>
/// A training loss for <see cref="Sequential.Compile"/>: <see cref="CategoricalCrossEntropy"/>, <see cref="MultiTargetCrossEntropy"/>, or
/// <see cref="KnowledgeDistillation"/>, which wraps another loss and adds a teacher's term. Create one with
/// <see cref="Losses"/>. Validation and <see cref="Sequential.Evaluate"/> report <see cref="EvaluationLoss"/>'s
/// value against the labels.
/// </summary>
public abstract class Loss
{
    private protected Loss()
    {
    }

    /// <summary>The loss that validation and evaluation report: this one, or the label loss a wrapping loss holds.</summary>
    public virtual Loss EvaluationLoss => this;

    /// <summary>A description with the loss's settings, e.g. "CategoricalCrossEntropy(labelSmoothing=0.1)".</summary>
    public abstract override string ToString();

    /// <summary>Throws unless the loss can train <paramref name="model"/> (a class-weight count, a teacher's shape).</summary>
    internal virtual void CheckCompatible(Sequential model)
    {
    }

    /// <summary>The mean loss of a training batch; <paramref name="images"/> are the batch's model inputs (a teacher reads them).</summary>
    internal virtual Tensor ComputeTraining(Tensor outputs, Tensor targets, bool outputsAreProbabilities, Tensor images)
        => Compute(outputs, targets, outputsAreProbabilities);

    /// <summary>The mean loss of a batch against its targets; <paramref name="outputs"/> are logits, or probabilities when <paramref name="outputsAreProbabilities"/>.</summary>
    internal abstract Tensor Compute(Tensor outputs, Tensor targets, bool outputsAreProbabilities);
}
