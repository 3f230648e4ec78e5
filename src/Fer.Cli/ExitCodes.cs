namespace Fer.Cli;

/// <summary>The exit codes of <c>fer</c>, stable for scripts.</summary>
internal static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Success = 0;

    /// <summary>An input could not be used (missing or corrupt image, malformed data, invalid model file); the message names it.</summary>
    public const int InputError = 1;

    /// <summary>The command line is wrong (unknown option, missing argument).</summary>
    public const int UsageError = 2;

    /// <summary>The native library could not be loaded; the message says how to fix it.</summary>
    public const int EnvironmentError = 3;

    /// <summary>Cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
