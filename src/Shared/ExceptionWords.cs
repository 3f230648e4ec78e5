using System.Text.Json;

namespace Fer.Internal;

/// <summary>
/// Our words for what a framework exception says about a malformed input, so that a refusal never carries raw
/// framework text ("Object reference not set…", "An element of type 'Number' cannot be converted…"); the framework's
/// exception stays attached as the inner exception for whoever debugs.
/// </summary>
internal static class ExceptionWords
{
    /// <summary>
    /// The message of an exception the library threw itself (its own words, without .NET's "(Parameter '…')" suffix),
    /// otherwise <see cref="Describe"/>.
    /// </summary>
    public static string Of(Exception e)
    {
        if (e is not FerException && e.Source?.StartsWith("Fer", StringComparison.Ordinal) != true)
        {
            return Describe(e);
        }

        return e is ArgumentException { ParamName: { } parameter } argument
            ? argument.Message.Replace($" (Parameter '{parameter}')", "", StringComparison.Ordinal)
            : e.Message;
    }

    /// <summary>What is wrong, in a few words: the JSON position for a parse error, otherwise the kind of problem.</summary>
    public static string Describe(Exception e) => e switch
    {
        JsonException { LineNumber: { } line, BytePositionInLine: { } position } => $"it is not valid JSON (line {line + 1}, byte {position + 1})",
        JsonException => "it is not valid JSON",
        InvalidOperationException => "a value has the wrong type (text where a number belongs, a list where an object belongs, or the reverse)",
        NullReferenceException or KeyNotFoundException => "a required value is missing or null",
        FormatException => "a value is not written as expected",
        OverflowException => "a number is out of range",
        IndexOutOfRangeException or ArgumentOutOfRangeException => "a list is shorter or a number larger than the rest of the file says",
        _ => "it is malformed",
    };
}
