using TorchSharp;

namespace Fer.Internal;

/// <summary>
/// Loads TorchSharp's native library once and turns a load failure into a
/// <see cref="NativeLibraryException"/> that says why and how to fix it.
/// </summary>
internal static class TorchRuntime
{
    /// <summary>
    /// The newest libstdc++ version LibTorch and TorchSharp's shim really use (GCC 12's). The shim also names
    /// GLIBCXX_3.4.32 (GCC 13), which Fer's build step marks weak in the app's copy (buildTransitive/Fer.Datasets.targets).
    /// </summary>
    internal const string RequiredLibStdCxxSymbol = "GLIBCXX_3.4.30";

    /// <summary>The newest glibc version LibTorch and TorchSharp's shim need.</summary>
    internal const string RequiredGlibc = "2.34";

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
            false => $"This system's libstdc++ is older than GCC 12's (it lacks {RequiredLibStdCxxSymbol}), which LibTorch 2.10 needs: " +
                     "use a system with GCC 12's libstdc++ or newer (Debian 12, Ubuntu 22.04 or later).",
            _ => "The usual causes: the app references no LibTorch runtime package (add libtorch-cpu-linux-x64, libtorch-cpu-win-x64 " +
                 "or libtorch-cpu-osx-arm64 version 2.10.0, or TorchSharp-cpu for every platform, or TorchSharp's CUDA runtime), " +
                 "or its native files were not copied to the output folder; or, on a system with GCC 12's libstdc++ (Debian 12, " +
                 "Ubuntu 22.04), the app's libLibTorchSharp.so still requires GLIBCXX_3.4.32 because Fer's build step was " +
                 "turned off (FerWeakenLibStdCxxRequirement=false) or the file was copied around it.",
        };
        return "TorchSharp's native library (LibTorch 2.10) could not be loaded. " + cause +
               $" LibTorch needs glibc >= {RequiredGlibc} and libstdc++ >= {RequiredLibStdCxxSymbol}; nothing needs upgrading on Debian 12 or later. " +
               $"Loader said: {failure.GetType().Name}: {failure.Message}";
    }

    private static Exception? TryLoad()
    {
        try
        {
            using var probe = torch.zeros(1);
            NnpackSwitch.TurnOff();
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
