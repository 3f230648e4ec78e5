using Fer.Datasets;

namespace Fer.Core;

/// <summary>A <see cref="Sequential"/> model's layers built into modules, with each layer's name and output shape.</summary>
/// <param name="Net">The modules, in order.</param>
/// <param name="Layers">Each layer's summary name ("conv2d", "conv2d_1", …), the layer and its output shape.</param>
/// <param name="LargestElements">The most elements any layer holds per image at once (for inference chunking).</param>
internal sealed record BuiltNetwork(SequentialNet Net, List<(string Name, Layer Layer, Shape Output)> Layers, long LargestElements);
