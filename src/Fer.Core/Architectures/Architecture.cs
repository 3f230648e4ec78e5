using Fer.Datasets;

namespace Fer.Core;

/// <summary>A named network preset that builds a fresh <see cref="Sequential"/> for an input shape and class count. See <see cref="Architectures"/>.</summary>
public sealed class Architecture
{
    private readonly Func<ImageShape, int, IEnumerable<Layer>> _layers;

    internal Architecture(string name, string description, Func<ImageShape, int, IEnumerable<Layer>> layers)
    {
        Name = name;
        Description = description;
        _layers = layers;
    }

    /// <summary>The preset's name, e.g. "MiniXception".</summary>
    public string Name { get; }

    /// <summary>What the preset is and where it comes from.</summary>
    public string Description { get; }

    /// <summary>Builds an untrained model.</summary>
    /// <param name="inputShape">The input shape; FER2013's (1, 48, 48) when omitted.</param>
    /// <param name="classes">The number of classes.</param>
    /// <param name="seed">Seed of the initial weights, batch order and dropout.</param>
    /// <param name="device">Where the model runs; the CPU by default.</param>
    public Sequential Build(ImageShape? inputShape = null, int classes = 7, int seed = 0, ComputeDevice? device = null)
    {
        if (classes < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(classes), classes, "classes must be at least 2.");
        }

        var shape = inputShape ?? ImageShape.Fer2013;
        var model = new Sequential(shape, seed, device);
        foreach (var layer in _layers(shape, classes))
        {
            model.Add(layer);
        }

        model.TrainingInfo[TrainingInfoKeys.Architecture] = Name;
        return model;
    }

    /// <summary>The preset's name.</summary>
    public override string ToString() => Name;
}
