namespace Fer.Datasets;

/// <summary>The FER2013 usage splits, as named in the CSV's Usage column.</summary>
public enum Fer2013Split
{
    /// <summary>The 28,709 training faces.</summary>
    Training,

    /// <summary>The 3,589 faces of the public test set.</summary>
    PublicTest,

    /// <summary>The 3,589 faces of the private test set.</summary>
    PrivateTest,
}
