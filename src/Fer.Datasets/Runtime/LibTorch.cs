using Fer.Internal;

namespace Fer.Datasets;

/// <summary>
/// The LibTorch runtime under every TorchSharp-based Fer package: loaded once per process, by this assembly, with
/// its native settings applied first. Call <see cref="EnsureAvailable"/> at an app's start (a container's health
/// check, say) to learn at once, with an exception that says why and how to fix it, whether models can run here.
/// Every Fer entry point that needs LibTorch calls it too.
/// </summary>
public static class LibTorch
{
    /// <summary>Loads LibTorch if this process has not yet; does nothing when it is loaded.</summary>
    /// <exception cref="NativeLibraryException">
    /// LibTorch cannot be loaded: no LibTorch runtime package in the app, native files not copied, or a system
    /// library too old (the message says which and what to do).
    /// </exception>
    public static void EnsureAvailable() => TorchRuntime.EnsureAvailable();
}
