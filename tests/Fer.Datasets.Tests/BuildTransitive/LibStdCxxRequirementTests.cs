using System.Text;
using Fer.Build;

namespace Fer.Datasets.Tests.BuildTransitive;

/// <summary>
/// The build step that lets apps load LibTorch on GCC 12's libstdc++ (Debian 12, Ubuntu 22.04): it marks the shim's
/// GLIBCXX_3.4.32 requirement weak and changes nothing else; it refuses when the version is really used.
/// </summary>
public sealed class LibStdCxxRequirementTests
{
    private const string Shim = "libLibTorchSharp.so";

    /// <summary>TorchSharp's shim as the package ships it (the NuGet cache), or null where it is not on this machine.</summary>
    private static string? PackagedShim()
    {
        var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                   ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var path = Path.Combine(root, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", Shim);
        return File.Exists(path) ? path : null;
    }

    private static bool NeedsGcc13(IEnumerable<(string Library, string Version, bool Weak)> requirements)
        => requirements.Any(r => r.Library == "libstdc++.so.6" && LibStdCxxRequirement.IsAfterGcc12(r.Version) && !r.Weak);

    [SkippableFact]
    public void The_packaged_shim_needs_gcc13_and_the_patch_changes_only_that_flag()
    {
        var path = PackagedShim();
        Skip.If(path is null, "TorchSharp 0.107.0's linux-x64 shim is not in the NuGet cache");
        var original = File.ReadAllBytes(path!);
        var before = LibStdCxxRequirement.ReadRequirements(original);
        Assert.True(NeedsGcc13(before), "the packaged shim no longer needs GLIBCXX_3.4.32: the build step may be unneeded");

        var patched = (byte[])original.Clone();
        Assert.Equal(LibStdCxxRequirement.Outcome.Weakened, LibStdCxxRequirement.Weaken(patched, out var detail));
        Assert.Equal("weakened GLIBCXX_3.4.32", detail);

        var after = LibStdCxxRequirement.ReadRequirements(patched);
        Assert.False(NeedsGcc13(after));
        Assert.Equal(before.Select(r => (r.Library, r.Version)), after.Select(r => (r.Library, r.Version)));
        Assert.Equal(1, Enumerable.Range(0, original.Length).Count(i => original[i] != patched[i]));

        // A second pass finds nothing left to do and changes nothing.
        var again = (byte[])patched.Clone();
        Assert.Equal(LibStdCxxRequirement.Outcome.Weakened, LibStdCxxRequirement.Weaken(again, out _));
        Assert.Equal(patched, again);
    }

    [SkippableFact]
    public void The_shim_in_the_build_output_loads_with_gcc12s_libstdcxx()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", Shim);
        Skip.IfNot(File.Exists(path), $"no linux-x64 {Shim} in the test output");
        var requirements = LibStdCxxRequirement.ReadRequirements(File.ReadAllBytes(path));
        Assert.Contains(requirements, r => r.Version == "GLIBCXX_3.4.32" && r.Weak);
        Assert.False(NeedsGcc13(requirements), string.Join(", ", requirements.Select(r => $"{r.Library}:{r.Version}{(r.Weak ? " (weak)" : string.Empty)}")));
    }

    [SkippableFact]
    public void A_version_that_a_called_symbol_needs_is_left_required()
    {
        var path = PackagedShim();
        Skip.If(path is null, "TorchSharp 0.107.0's linux-x64 shim is not in the NuGet cache");
        var image = File.ReadAllBytes(path!);

        // Rename the uncalled marker symbol (same length) so that the version now serves a symbol we cannot vouch for.
        var marker = Encoding.ASCII.GetBytes("_ZSt21ios_base_library_initv\0");
        var at = image.AsSpan().IndexOf(marker);
        Assert.True(at > 0);
        image[at + 5] = (byte)'X';
        var copy = (byte[])image.Clone();

        Assert.Equal(LibStdCxxRequirement.Outcome.RequirementIsReal, LibStdCxxRequirement.Weaken(image, out var detail));
        Assert.Contains("GLIBCXX_3.4.32 is needed by _ZSt2Xios_base_library_initv", detail);
        Assert.Equal(copy, image);
    }

    [Fact]
    public void Files_that_are_not_64_bit_elf_objects_are_left_alone()
    {
        var text = Encoding.ASCII.GetBytes("not an ELF file at all, just some text that is long enough to have a header");
        var copy = (byte[])text.Clone();
        Assert.Equal(LibStdCxxRequirement.Outcome.NotApplicable, LibStdCxxRequirement.Weaken(text, out _));
        Assert.Equal(copy, text);
        Assert.Empty(LibStdCxxRequirement.ReadRequirements(text));
    }

    [SkippableFact]
    public void A_truncated_shim_is_refused_without_a_crash()
    {
        var path = PackagedShim();
        Skip.If(path is null, "TorchSharp 0.107.0's linux-x64 shim is not in the NuGet cache");
        var image = File.ReadAllBytes(path!);
        foreach (var length in new[] { 64, 4096, image.Length / 2, image.Length - 1 })
        {
            var truncated = image[..length];
            try
            {
                Assert.Equal(LibStdCxxRequirement.Outcome.NotApplicable, LibStdCxxRequirement.Weaken(truncated, out _));
            }
            catch (InvalidDataException e)
            {
                Assert.Contains("outside the file", e.Message);
            }
        }
    }

    [Theory]
    [InlineData("GLIBCXX_3.4.32", true)]
    [InlineData("GLIBCXX_3.4.31", true)]
    [InlineData("GLIBCXX_3.4.30", false)]
    [InlineData("GLIBCXX_3.4.9", false)]
    [InlineData("CXXABI_1.3.15", false)]
    [InlineData("GLIBCXX_3.4.x", false)]
    public void Only_versions_after_gcc12_are_candidates(string version, bool candidate)
        => Assert.Equal(candidate, LibStdCxxRequirement.IsAfterGcc12(version));
}
