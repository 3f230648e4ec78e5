namespace Fer.Stress;

/// <summary>How one hostile input ended.</summary>
internal enum FuzzOutcome
{
    /// <summary>The library accepted it (the mutation left a valid input).</summary>
    Accepted,

    /// <summary>The library refused it with its own exception family or a documented .NET argument/file exception.</summary>
    Refused,

    /// <summary>Any other exception reached the caller: a raw or misleading failure.</summary>
    Raw,

    /// <summary>It ran past the per-case time limit.</summary>
    Hang,

    /// <summary>The process's peak memory rose more than the ceiling above its baseline.</summary>
    BlowUp,
}
