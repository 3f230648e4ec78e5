using System.Runtime.CompilerServices;

namespace Fer.Internal;

/// <summary>Argument checks at the public boundary, with messages that name the argument.</summary>
internal static class Guard
{
    public static T NotNull<T>(T? value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class
        => value ?? throw new ArgumentNullException(name);

    public static int Positive(int value, [CallerArgumentExpression(nameof(value))] string? name = null)
        => value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive, but was {value}.");

    public static double Positive(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
        => value > 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive finite number, but was {value}.");

    public static int NotNegative(int value, [CallerArgumentExpression(nameof(value))] string? name = null)
        => value >= 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must not be negative, but was {value}.");

    public static double NotNegative(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
        => value >= 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number >= 0, but was {value}.");

    public static double InRange(double value, double min, double max, [CallerArgumentExpression(nameof(value))] string? name = null)
        => value >= min && value <= max ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [{min}, {max}], but was {value}.");

    public static double Probability(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
        => InRange(value, 0, 1, name);

    public static string DirectoryExists(string path, [CallerArgumentExpression(nameof(path))] string? name = null)
    {
        NotNull(path, name);
        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"The folder '{path}' does not exist.");
        }

        return path;
    }
}
