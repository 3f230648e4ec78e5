using Fer.Internal;
using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>
/// Categorical cross-entropy on soft targets (one-hot, label-smoothed, or mixed by mixup/cutmix), with optional
/// class weights. A sample's weight is the class weights averaged by its target; the batch loss is
/// <c>Σ wᵢ·lossᵢ / N</c>, as Keras's <c>class_weight</c> does.
/// </summary>
public sealed class CategoricalCrossEntropy : Loss
{
    internal CategoricalCrossEntropy(double labelSmoothing, IReadOnlyList<double>? classWeights)
    {
        if (!(labelSmoothing >= 0 && labelSmoothing < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(labelSmoothing), $"CategoricalCrossEntropy: labelSmoothing must be in [0, 1), but was {labelSmoothing}.");
        }

        if (classWeights is not null && classWeights.Any(w => !(w >= 0 && double.IsFinite(w))))
        {
            throw new ArgumentOutOfRangeException(nameof(classWeights), $"CategoricalCrossEntropy: class weights must be finite and >= 0, but were [{string.Join(", ", classWeights)}].");
        }

        LabelSmoothing = labelSmoothing;
        ClassWeights = classWeights?.ToArray();
    }

    /// <summary>Label smoothing ε: targets become <c>t·(1 − ε) + ε/K</c>.</summary>
    public double LabelSmoothing { get; }

    /// <summary>One weight per class, or null for equal weights.</summary>
    public IReadOnlyList<double>? ClassWeights { get; }

    /// <summary>A description such as "CategoricalCrossEntropy(labelSmoothing=0.1)".</summary>
    public override string ToString() => $"CategoricalCrossEntropy(labelSmoothing={LabelSmoothing}{(ClassWeights is null ? "" : ", weighted")})";

    internal override void CheckCompatible(Sequential model) => CheckClassCount(model.OutputCount);

    internal override Tensor Compute(Tensor outputs, Tensor targets, bool outputsAreProbabilities)
    {
        using var scope = NewDisposeScope();
        var classes = outputs.shape[1];
        CheckClassCount(classes);

        var logProbabilities = outputsAreProbabilities ? outputs.ClampTo(1e-7, 1.0).log() : nn.functional.log_softmax(outputs, 1);
        var smoothed = LabelSmoothing > 0 ? targets.Times(1 - LabelSmoothing).Plus(LabelSmoothing / classes) : targets;
        var perSample = -(smoothed * logProbabilities).sum(1);
        if (ClassWeights is { } classWeights)
        {
            var w = tensor(classWeights.Select(v => (float)v).ToArray(), device: outputs.device);
            perSample = perSample * (targets * w).sum(1);
        }

        return perSample.mean().MoveToOuterDisposeScope();
    }

    /// <summary>Throws unless the class weights, if any, number <paramref name="classes"/>.</summary>
    private void CheckClassCount(long classes)
    {
        if (ClassWeights is { } weights && weights.Count != classes)
        {
            throw new FerModelException($"CategoricalCrossEntropy has {weights.Count} class weights but the model outputs {classes} classes.");
        }
    }
}
