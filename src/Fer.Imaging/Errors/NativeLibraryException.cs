namespace Fer;

/// <summary>
/// Thrown by the first call that needs TorchSharp's native library (LibTorch) when that library
/// cannot be loaded. The message says why and how to fix it (on Debian 12: a newer libstdc++).
/// </summary>
public sealed class NativeLibraryException : FerException
{
    /// <summary>Creates an exception with a message and the loader's own exception.</summary>
    /// <param name="message">Why the library could not be loaded and how to fix it.</param>
    /// <param name="innerException">The loader's exception.</param>
    public NativeLibraryException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
