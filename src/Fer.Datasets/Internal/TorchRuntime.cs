using TorchSharp;

namespace Fer.Internal;

/// <summary>
/// Loads TorchSharp's native library once and turns a load failure into a
/// <see cref="NativeLibraryException"/> that says why and how to fix it.
/// </summary>
internal static class TorchRuntime
{
    internal const string RequiredLibStdCxxSymbol = "GLIBCXX_3.4.32";

    private static readonly Lazy<Exception?> LoadFailure = new(TryLoad, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Throws <see cref="NativeLibraryException"/> if LibTorch cannot be loaded; otherwise does nothing.</summary>
    public static void EnsureAvailable()
    {
        if (LoadFailure.Value is { } failure)
        {
            throw new NativeLibraryException(DescribeFailure(failure, LibStdCxxHasRequiredSymbol()), failure);
        }
    }

    /// <summary>The message for a load failure; <paramref name="libStdCxxOk"/> is null where it cannot be told.</summary>
    internal static string DescribeFailure(Exception failure, bool? libStdCxxOk)
    {
        var cause = libStdCxxOk switch
        {
            false => $"This system's libstdc++ lacks the symbol {RequiredLibStdCxxSymbol} (it comes from GCC >= 13), which LibTorch 2.10 needs.",
            true => $"This system's libstdc++ has {RequiredLibStdCxxSymbol}, so another native dependency is missing or the TorchSharp-cpu package's native files were not copied to the output folder.",
            null => $"LibTorch 2.10 needs libstdc++ from GCC >= 13 (symbol {RequiredLibStdCxxSymbol}).",
        };
        return "TorchSharp's native library (LibTorch 2.10) could not be loaded. " + cause +
               " Debian 12 lacks that libstdc++; Ubuntu 24.04 and Debian 13 have it. " +
               "Fix: run scripts/install-prereqs.sh from the Fer.Core repository, or by hand add Debian trixie as an apt source " +
               "pinned to priority 100, run 'apt-get update', then 'apt-get install -y -t trixie libstdc++6'. " +
               $"Loader said: {failure.GetType().Name}: {failure.Message}";
    }

    private static Exception? TryLoad()
    {
        try
        {
            using var probe = torch.zeros(1);
            return null;
        }
#pragma warning disable CA1031 // Any failure to load the native library is reported as NativeLibraryException.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return e;
        }
    }

    /// <summary>Whether the libstdc++ that the dynamic loader would pick has the symbol; null if it cannot be found.</summary>
    internal static bool? LibStdCxxHasRequiredSymbol()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        string[] candidates =
        [
            "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
            "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
            "/usr/lib64/libstdc++.so.6",
            "/usr/lib/libstdc++.so.6",
        ];
        var path = candidates.FirstOrDefault(File.Exists);
        if (path is null)
        {
            return null;
        }

        try
        {
            var bytes = File.ReadAllBytes(path);
            var needle = System.Text.Encoding.ASCII.GetBytes(RequiredLibStdCxxSymbol);
            return bytes.AsSpan().IndexOf(needle) >= 0;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
