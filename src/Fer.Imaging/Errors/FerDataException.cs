namespace Fer;

/// <summary>
/// Thrown when input data cannot be used: a missing file, a malformed CSV row, a corrupt image,
/// a wrong pixel count, an unknown label or an empty data set. The message names the input
/// (file, line, index) and the problem.
/// </summary>
public class FerDataException : FerException
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong, naming the input and the problem.</param>
    public FerDataException(string message) : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong, naming the input and the problem.</param>
    /// <param name="innerException">The underlying cause.</param>
    public FerDataException(string message, Exception? innerException) : base(message, innerException)
    {
    }

    /// <summary>The input the problem was found in (a path, or a description such as "pixels"), when known.</summary>
    public string? Input { get; init; }

    /// <summary>The 1-based line number the problem was found on, for text inputs such as CSV files.</summary>
    public long? LineNumber { get; init; }
}
