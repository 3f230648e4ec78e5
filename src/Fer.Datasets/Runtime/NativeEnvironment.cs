using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Fer.Internal;

/// <summary>
/// Native settings that must be in place before LibTorch first runs a kernel, owned by this assembly (one per
/// process). Applied by its module initializer, which Fer.Core's module initializer runs too, so that they hold
/// whichever of our types is touched first.
/// </summary>
internal static partial class NativeEnvironment
{
    /// <summary>
    /// The oneDNN variable that caps the instruction set its kernels may use. Fer leaves it to the user: the AVX-512
    /// kernels that were wrong on AMD EPYC (LibTorch 2.10) are no longer reached (see <c>ConvolutionGeometry</c>).
    /// </summary>
    internal const string OneDnnMaxIsaVariable = "ONEDNN_MAX_CPU_ISA";

    /// <summary>glibc's mallopt parameter numbers (malloc.h).</summary>
    private const int MallocTrimThreshold = -1;
    private const int MallocMmapThreshold = -3;

    /// <summary>The largest mmap threshold glibc accepts on 64-bit systems: 32 MB.</summary>
    internal const int MmapThresholdBytes = 32 * 1024 * 1024;

    /// <summary>Free memory at the top of the heap kept for reuse before glibc returns it to the system: 256 MB.</summary>
    internal const int TrimThresholdBytes = 256 * 1024 * 1024;

    private static int _configured;

    /// <summary>
    /// Keeps tensor buffers in glibc's heap (see <see cref="ConfigureAllocator"/>).
    /// </summary>
    public static void Configure()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1 || !OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            ConfigureAllocator();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Without libc's getenv/mallopt (not glibc) the settings cannot reach native code; defaults apply.
        }
    }

    /// <summary>
    /// glibc's malloc serves blocks above a threshold (128 KB at start) with fresh pages from mmap and gives them
    /// back with munmap when freed, so a training step or a batch that allocates activation buffers of a few hundred
    /// KB pays page faults and zeroing for them again and again. Raising the threshold to 32 MB (and the trim
    /// threshold to 256 MB) keeps those buffers in the heap for reuse, which speeds training and batch inference up
    /// markedly; PyTorch gains the same way (figures in docs/benchmarks.md). Memory freed
    /// by tensors is reused, not returned to the system, up to 256 MB of free heap top. Left alone when the user
    /// tunes malloc (MALLOC_MMAP_THRESHOLD_, MALLOC_TRIM_THRESHOLD_ or GLIBC_TUNABLES set).
    /// </summary>
    private static void ConfigureAllocator()
    {
        if (GetEnv("MALLOC_MMAP_THRESHOLD_") != IntPtr.Zero || GetEnv("MALLOC_TRIM_THRESHOLD_") != IntPtr.Zero || GetEnv("GLIBC_TUNABLES") != IntPtr.Zero)
        {
            return;
        }

        AllocatorConfigured = MallOpt(MallocMmapThreshold, MmapThresholdBytes) == 1 & MallOpt(MallocTrimThreshold, TrimThresholdBytes) == 1;
    }

    /// <summary>True when glibc accepted the allocator settings.</summary>
    internal static bool AllocatorConfigured { get; private set; }

    /// <summary>The value of a variable as native code sees it (libc's getenv), or null.</summary>
    internal static string? Read(string name)
        => OperatingSystem.IsLinux() && GetEnv(name) is var value && value != IntPtr.Zero ? Marshal.PtrToStringUTF8(value) : null;

#pragma warning disable CA2255 // A library initializer is the only point that runs before any native kernel.
    [ModuleInitializer]
    internal static void OnModuleLoad() => Configure();
#pragma warning restore CA2255

    [LibraryImport("libc", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetEnv(string name);

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int MallOpt(int parameter, int value);
}
