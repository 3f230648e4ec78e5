using System.Runtime.CompilerServices;

namespace Fer.Core;

/// <summary>Applies <see cref="Fer.Internal.NativeEnvironment"/> when Fer.Core loads, before any of its code runs a kernel.</summary>
internal static class NativeSetup
{
#pragma warning disable CA2255 // A library initializer is the only point that runs before any native kernel.
    [ModuleInitializer]
    internal static void OnModuleLoad() => Fer.Internal.NativeEnvironment.Configure();
#pragma warning restore CA2255
}
