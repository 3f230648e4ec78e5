namespace Fer;

/// <summary>
/// The names by which tools and settings refer to the <see cref="EmbeddedModel"/> values: lower case, words joined by a
/// hyphen (<c>default</c>, <c>accurate</c>, <c>ferplus</c>, <c>ferplus-accurate</c>). The <c>fer</c> tool's <c>--model</c> and the web sample's
/// <c>Model</c> setting take these names; an app that reads a model choice from its configuration can do the same.
/// </summary>
public static class EmbeddedModelNames
{
    /// <summary>The name of every embedded model, in <see cref="EmbeddedModel"/> order.</summary>
    public static IReadOnlyList<string> All { get; } = Array.AsReadOnly(Enum.GetValues<EmbeddedModel>().Select(NameOf).ToArray());

    /// <summary>The name of <paramref name="model"/>: <c>ferplus</c> for <see cref="EmbeddedModel.FerPlus"/>.</summary>
    /// <param name="model">An embedded model.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="model"/> is not a defined value.</exception>
    public static string NameOf(EmbeddedModel model)
    {
        if (!Enum.IsDefined(model))
        {
            throw new ArgumentOutOfRangeException(nameof(model), model, $"Not an embedded model; they are {string.Join(", ", Enum.GetNames<EmbeddedModel>())}.");
        }

        return model switch
        {
            EmbeddedModel.FerPlus => "ferplus",
            EmbeddedModel.FerPlusAccurate => "ferplus-accurate",
            _ => model.ToString().ToLowerInvariant(),
        };
    }

    /// <summary>
    /// The embedded model <paramref name="name"/> refers to: its name (<c>ferplus</c>) or its enum name
    /// (<c>FerPlus</c>), in any case, surrounding spaces ignored.
    /// </summary>
    /// <param name="name">A model name, e.g. from a command line or a configuration file.</param>
    /// <param name="model">The model named, when the result is true.</param>
    /// <returns>Whether <paramref name="name"/> names an embedded model.</returns>
    public static bool TryParse(string? name, out EmbeddedModel model)
    {
        var trimmed = name?.Trim();
        foreach (var candidate in Enum.GetValues<EmbeddedModel>())
        {
            if (string.Equals(trimmed, NameOf(candidate), StringComparison.OrdinalIgnoreCase)
                || string.Equals(trimmed, candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                model = candidate;
                return true;
            }
        }

        model = default;
        return false;
    }

    /// <summary>The embedded model <paramref name="name"/> refers to, as <see cref="TryParse"/> reads it.</summary>
    /// <param name="name">A model name, e.g. from a command line or a configuration file.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> names no embedded model; the message lists the names.</exception>
    public static EmbeddedModel Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryParse(name, out var model)
            ? model
            : throw new ArgumentException($"'{name}' is not the name of an embedded model; the names are {string.Join(", ", All)}.", nameof(name));
    }
}
