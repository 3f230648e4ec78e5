namespace Fer;

/// <summary>
/// Thrown when a model cannot be built, compiled, trained, saved or loaded: an invalid layer
/// configuration, an input of the wrong shape, or a model file that is truncated, forged or
/// of an unsupported format version.
/// </summary>
public class FerModelException : FerException
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong: what was expected, what was received, and how to fix it.</param>
    public FerModelException(string message) : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong: what was expected, what was received, and how to fix it.</param>
    /// <param name="innerException">The underlying cause.</param>
    public FerModelException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
