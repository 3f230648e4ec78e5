using System.Runtime.CompilerServices;

namespace Fer.Core;

/// <summary>
/// Makes Fer.Datasets' native settings (it owns LibTorch's loading and settings for the process) hold before any
/// kernel of this assembly runs, even when a Fer.Core type is the first Fer type an app touches.
/// </summary>
internal static class LibTorchSettings
{
#pragma warning disable CA2255 // A library initializer is the only point that runs before any native kernel.
    [ModuleInitializer]
    internal static void OnModuleLoad() => RuntimeHelpers.RunModuleConstructor(typeof(Fer.Datasets.LibTorch).Module.ModuleHandle);
#pragma warning restore CA2255
}
