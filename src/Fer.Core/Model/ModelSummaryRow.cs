namespace Fer.Core;

/// <summary>One layer of a <see cref="ModelSummary"/>.</summary>
/// <param name="Name">The layer's name, e.g. "conv2d_1".</param>
/// <param name="Kind">The layer's kind, e.g. "Conv2D".</param>
/// <param name="OutputShape">The output shape with the batch dimension, e.g. "(None, 32, 48, 48)".</param>
/// <param name="Parameters">Trainable and non-trainable parameters of the layer.</param>
public sealed record ModelSummaryRow(string Name, string Kind, string OutputShape, long Parameters);
