namespace Fer.Datasets;

/// <summary>Class name lists. The FER2013 list is the default everywhere a list is optional.</summary>
public static class ClassNames
{
    /// <summary>The FER2013 names in label order: angry, disgust, fear, happy, sad, surprise, neutral.</summary>
    public static IReadOnlyList<string> Fer2013 { get; } =
        Array.AsReadOnly(Enum.GetNames<Emotion>().Select(n => n.ToLowerInvariant()).ToArray());

    internal static IReadOnlyList<string> Validate(IReadOnlyList<string>? names, string argumentName)
    {
        if (names is null)
        {
            return Fer2013;
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
}
