
namespace Fer.Internal;

/// <summary>Checks of the class-name lists and image shapes that models, loaders and metrics take.</summary>
internal static class ModelInputChecks
{
    /// <summary>
    /// <paramref name="names"/> as a read-only copy, or FER2013's names when null.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two classes, an empty name, or a name twice (case-insensitively).</exception>
    public static IReadOnlyList<string> ClassNameList(IReadOnlyList<string>? names, string argumentName)
    {
        if (names is null)
        {
            return ClassNames.Fer2013;
        }

        if (names.Count < 2)
        {
            throw new ArgumentException($"{argumentName} needs at least two classes, but has {names.Count}.", argumentName);
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException($"{argumentName} contains an empty class name.", argumentName);
            }

            if (!seen.Add(name))
            {
                throw new ArgumentException($"{argumentName} contains the class '{name}' twice (names are compared case-insensitively).", argumentName);
            }
        }

        return Array.AsReadOnly(names.ToArray());
    }

    /// <summary>Refuses a shape without positive channels, height and width.</summary>
    public static void Shape(ImageShape shape, string name)
    {
        if (shape.Channels <= 0 || shape.Height <= 0 || shape.Width <= 0)
        {
            throw new ArgumentOutOfRangeException(name, shape, $"{name} must have positive channels, height and width, but was {shape}.");
        }
    }

    /// <summary>How many images of <paramref name="shape"/> a batch of <paramref name="length"/> pixels holds.</summary>
    /// <exception cref="FerDataException">The length is not a whole, non-zero number of images.</exception>
    public static int ImagesInBatch(int length, ImageShape shape, string name)
    {
        var size = shape.PixelCount;
        if (length == 0 || length % size != 0)
        {
            throw new FerDataException(
                $"{name} has {length} values, but a batch holds a whole, non-zero number of {shape.Height}x{shape.Width} grayscale images of {size} values each.")
            { Input = name };
        }

        return length / size;
    }
}
