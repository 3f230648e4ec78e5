using System.Globalization;

namespace Fer.Cli.Tests;

/// <summary>Runs a `fer` command line in process, capturing its output, error text and exit code (invariant culture).</summary>
internal static class FerRun
{
    public static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = FerCommands.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
