using Fer.Datasets;
using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>What a <see cref="Sequential"/> model refuses as input: each check names what was expected and what was found.</summary>
internal static class ModelInputs
{
    /// <summary>Refuses a batch that is not (N, C, H, W) of the model's input shape.</summary>
    public static void Batch(Sequential model, Tensor images)
    {
        var shape = images.shape;
        if (shape.Length != 4 || shape[1] != model.InputShape.Channels || shape[2] != model.InputShape.Height || shape[3] != model.InputShape.Width)
        {
            throw new FerModelException(
                $"Sequential expected input of shape (N, {model.InputShape.Channels}, {model.InputShape.Height}, {model.InputShape.Width}) but received ({string.Join(", ", shape)}). " +
                (shape.Length == 3 ? "Add a channel dimension." : "Resize the images to the model's input size."));
        }
    }

    /// <summary>Refuses images of another shape than the model's input.</summary>
    public static void Images(Sequential model, ImageShape shape, string source)
    {
        if (shape != model.InputShape)
        {
            throw new FerModelException(
                $"Sequential expected images of shape {model.InputShape} but {source} holds images of shape {shape}. " +
                "Resize the images, or build the model for that input shape.");
        }
    }

    /// <summary>Refuses labelled data whose shape or classes do not fit the model.</summary>
    public static void LabelledData(Sequential model, LabeledFaces data, string name)
    {
        Images(model, data.Shape, $"{name} ({data.Source})");
        if (data.ClassNames.Count != model.OutputCount)
        {
            throw new FerModelException(
                $"The model outputs (None, {model.OutputCount}) but {name} has {data.ClassNames.Count} classes ({string.Join(", ", data.ClassNames)}). End the model with Dense({data.ClassNames.Count}).");
        }

        if (model.ClassNames is { } names && !names.SequenceEqual(data.ClassNames, StringComparer.OrdinalIgnoreCase))
        {
            throw new FerModelException($"The model's classes ({string.Join(", ", names)}) differ from those of {name} ({string.Join(", ", data.ClassNames)}).");
        }
    }
}
