using TorchSharp.Modules;

namespace Fer.Core;

/// <summary>One run of <see cref="Sequential.Fit"/>: the model, its optimizer, the callbacks and the history so far.</summary>
internal sealed class TrainingSession
{
    public TrainingSession(Sequential model, OptimizerHelper optimizer, IReadOnlyList<Callback> callbacks)
    {
        Model = model;
        Optimizer = optimizer;
        Callbacks = callbacks;
    }

    public Sequential Model { get; }

    public OptimizerHelper Optimizer { get; }

    public IReadOnlyList<Callback> Callbacks { get; }

    /// <summary>The completed epochs; replaced by a restored run's history on resume.</summary>
    public History History { get; set; } = new();
}
