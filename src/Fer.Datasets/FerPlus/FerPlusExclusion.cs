namespace Fer.Datasets;

/// <summary>Why FER+'s rules leave a face out of a <see cref="FerPlusLabelMode"/>.</summary>
public enum FerPlusExclusion
{
    /// <summary>The taggers did not agree enough: no class with more than half of the votes (majority), or the kept emotions hold half of the votes or less.</summary>
    NoAgreement,

    /// <summary>The most voted class is "unknown": the taggers could not tell the emotion.</summary>
    Unknown,

    /// <summary>The most voted class is "not a face" (NF).</summary>
    NotAFace,
}
