namespace Fer;

/// <summary>
/// The base of every exception that Fer.Core and Fer.Datasets throw for a domain problem
/// (bad data, a bad model file, an invalid configuration, a missing native library).
/// Argument problems at the public boundary are reported with the usual
/// <see cref="ArgumentException"/> family instead.
/// </summary>
public class FerException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong, naming the input and the problem.</param>
    public FerException(string message) : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong, naming the input and the problem.</param>
    /// <param name="innerException">The underlying cause.</param>
    public FerException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
