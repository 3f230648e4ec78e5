using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Fer.Internal;

/// <summary>
/// Native settings that must be in place before LibTorch first runs a kernel. Applied by a module initializer of
/// each Fer assembly, so that they hold whichever of our types is touched first.
/// </summary>
internal static partial class NativeEnvironment
{
    /// <summary>The oneDNN variable that caps the instruction set its kernels may use.</summary>
    internal const string OneDnnMaxIsaVariable = "ONEDNN_MAX_CPU_ISA";

    /// <summary>The instruction set oneDNN is capped at when the user has not chosen one.</summary>
    internal const string CappedIsa = "AVX";

    private static int _configured;

    /// <summary>
    /// Caps oneDNN at AVX unless the user chose otherwise: on AVX-512 CPUs (seen on AMD EPYC with LibTorch 2.10),
    /// oneDNN's AVX-512 and AVX2 convolution backward passes return NaN gradients at random when more than one thread
    /// runs (measured: 7 of 16 batches with AVX-512, 1–4 of 32 with AVX2, 0 of 32 with AVX or SSE4.1, over repeated
    /// runs). AVX kernels are correct there and train as fast as AVX2 on these machines. Set ONEDNN_MAX_CPU_ISA
    /// yourself (e.g. to DEFAULT) to override.
    /// </summary>
    public static void Configure()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1 || !OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            if (GetEnv(OneDnnMaxIsaVariable) == IntPtr.Zero)
            {
                _ = SetEnv(OneDnnMaxIsaVariable, CappedIsa, 0);
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Without libc's setenv the variable cannot reach native code; oneDNN then uses its default.
        }
    }

    /// <summary>The value of a variable as native code sees it (libc's getenv), or null.</summary>
    internal static string? Read(string name)
        => OperatingSystem.IsLinux() && GetEnv(name) is var value && value != IntPtr.Zero ? Marshal.PtrToStringUTF8(value) : null;

#pragma warning disable CA2255 // A library initializer is the only point that runs before any native kernel.
    [ModuleInitializer]
    internal static void OnModuleLoad() => Configure();
#pragma warning restore CA2255

    [LibraryImport("libc", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetEnv(string name);

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
