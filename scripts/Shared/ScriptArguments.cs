using System.Globalization;
using Fer.Core;

/// <summary>The training scripts' arguments: "--name value" pairs, names case-insensitive, later ones winning.</summary>
internal static class ScriptArguments
{
    public static Dictionary<string, string> Parse(string[] args)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            result[args[i].TrimStart('-')] = args[i + 1];
        }

        return result;
    }

    /// <summary>Whether --public-test (read or skip, <paramref name="fallback"/> when absent) asks to read PublicTest.</summary>
    public static bool ReadsPublicTest(Dictionary<string, string> options, string fallback)
    {
        var value = options.GetValueOrDefault("public-test", fallback);
        return value switch
        {
            "read" => true,
            "skip" => false,
            _ => throw new ArgumentException($"--public-test must be read or skip, not '{value}'."),
        };
    }

    /// <summary>The weight precision a model is saved at: --precision half (the default) or full.</summary>
    public static WeightPrecision Precision(Dictionary<string, string> options) => options.GetValueOrDefault("precision", "half") switch
    {
        "half" => WeightPrecision.Half,
        "full" => WeightPrecision.Full,
        var other => throw new ArgumentException($"--precision must be half or full, not '{other}'."),
    };

    /// <summary>The thread count for TorchSharp: --threads, the processor count when absent.</summary>
    public static int Threads(Dictionary<string, string> options)
        => int.Parse(options.GetValueOrDefault("threads", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
}
