using System.Runtime.InteropServices;

namespace Fer.Internal;

/// <summary>
/// Turns LibTorch's NNPACK backend off once LibTorch is loaded. For every convolution LibTorch asks whether NNPACK is
/// available before it checks the batch size (NNPACK is only chosen for batches of 16 or more, and never ahead of
/// oneDNN, which Fer's channels-last float convolutions always get), and where NNPACK cannot start (CPUs its cpuinfo
/// does not know, e.g. AMD Zen 5) each asking prints "Could not initialize NNPACK! Reason: Unsupported hardware." to
/// stderr: seven lines per single-face prediction. With NNPACK off (PyTorch's torch.backends.nnpack.set_flags(False))
/// LibTorch no longer asks, nothing else changes, and no log level is touched, so real warnings still show.
/// TorchSharp 0.107 does not expose the switch, so it is called by its C++ name (Itanium ABI: Linux and macOS).
/// </summary>
internal static unsafe class NnpackSwitch
{
    private const string GlobalContext = "_ZN2at13globalContextEv";
    private const string SetUserEnabledNnpack = "_ZN2at7Context20setUserEnabledNNPACKEb";
    private const string UserEnabledNnpack = "_ZNK2at7Context17userEnabledNNPACKEv";

    /// <summary>Turns NNPACK off; false when LibTorch's library or the switch cannot be found (Windows, or another LibTorch build).</summary>
    public static bool TurnOff()
    {
        if (Find(SetUserEnabledNnpack) is not { } set || Context() is not { } context)
        {
            return false;
        }

        ((delegate* unmanaged<IntPtr, byte, void>)set)(context, 0);
        return true;
    }

    /// <summary>Whether NNPACK is enabled in LibTorch's global context; null when the switch cannot be found.</summary>
    public static bool? IsEnabled()
        => Find(UserEnabledNnpack) is { } get && Context() is { } context ? ((delegate* unmanaged<IntPtr, byte>)get)(context) != 0 : null;

    private static IntPtr? Context() => Find(GlobalContext) is { } get ? ((delegate* unmanaged<IntPtr>)get)() : null;

    private static IntPtr? Find(string symbol)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        // LibTorch is loaded by now (TorchSharp loaded it); opening it by its soname returns the loaded copy.
        foreach (var name in new[] { "libtorch_cpu.so", "libtorch_cpu.dylib" })
        {
            if (NativeLibrary.TryLoad(name, out var library) && NativeLibrary.TryGetExport(library, symbol, out var address))
            {
                return address;
            }
        }

        return null;
    }
}
