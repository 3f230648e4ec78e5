namespace Fer;

/// <summary>How predictions average over transformed copies of each image.</summary>
public enum TestTimeAugmentation
{
    /// <summary>One pass on the image as it is.</summary>
    None,

    /// <summary>Average of the image and its mirror.</summary>
    HorizontalFlip,

    /// <summary>Average over ten crops: the four corners and the centre, cut at 90% of the side and resized back, and their mirrors.</summary>
    TenCrop,
}
