// Compiled by MSBuild's RoslynCodeTaskFactory from Fer.Datasets.targets (and into the tests, with
// FER_LIBSTDCXX_REQUIREMENT_TESTS defined, for the pure ELF logic). Keep it to what both compilers accept.
#nullable enable
#pragma warning disable CA1846 // Substring: the task factory compiles against netstandard, which lacks the span overloads.
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Fer.Build
{
    /// <summary>
    /// Makes TorchSharp's shim (libLibTorchSharp.so) load with the libstdc++ of GCC 12 (Debian 12, Ubuntu 22.04) by
    /// marking its requirement of libstdc++'s version GLIBCXX_3.4.32 as weak, in the app's own copy of the file.
    /// </summary>
    /// <remarks>
    /// The shim is built with GCC 13, whose &lt;iostream&gt; makes every object that includes it name
    /// <c>std::ios_base_library_init()</c> (version GLIBCXX_3.4.32) through an assembler <c>.globl</c>: a reference
    /// that is never called nor relocated, there only to pull in a libstdc++ that initialises the standard streams
    /// itself. With GCC 12's libstdc++ those streams are initialised by LibTorch (compiled with older headers, one
    /// <c>ios_base::Init</c> object per file) before the shim loads. The dynamic loader refuses a missing version
    /// unless its entry carries VER_FLG_WEAK, so that flag is all that changes, and only when every symbol bound to
    /// the version is on <see cref="UncalledSymbols"/>; otherwise the file is left as it is.
    /// </remarks>
    internal static class LibStdCxxRequirement
    {
        /// <summary>The newest libstdc++ version that GCC 12 provides; later ones are candidates for weakening.</summary>
        public const int NewestGcc12Version = 30;

        /// <summary>Symbols referenced only to require a version, never called or relocated.</summary>
        public static readonly string[] UncalledSymbols = { "_ZSt21ios_base_library_initv" };

        private const ushort VerFlagWeak = 0x2;
        private const uint SectionGnuVerneed = 0x6ffffffe;
        private const uint SectionGnuVersym = 0x6fffffff;
        private const uint SectionDynsym = 11;

        /// <summary>What <see cref="Weaken"/> found and did.</summary>
        public enum Outcome
        {
            /// <summary>The file needs no libstdc++ version above GCC 12's: nothing to do.</summary>
            NothingNeeded,

            /// <summary>Every such requirement was weakened (now, or before).</summary>
            Weakened,

            /// <summary>A needed version has symbols that are really used: the file was left unchanged.</summary>
            RequirementIsReal,

            /// <summary>Not a 64-bit little-endian ELF file with version needs: left unchanged.</summary>
            NotApplicable,
        }

        /// <summary>Weakens the shim's GCC 13-only libstdc++ requirements in <paramref name="image"/> (in place).</summary>
        public static Outcome Weaken(byte[] image, out string detail)
        {
            if (!TryReadSections(image, out var sections))
            {
                detail = "not a 64-bit little-endian ELF shared object";
                return Outcome.NotApplicable;
            }

            var verneed = sections.Find(s => s.Type == SectionGnuVerneed);
            var versym = sections.Find(s => s.Type == SectionGnuVersym);
            var dynsym = sections.Find(s => s.Type == SectionDynsym);
            if (verneed is null || versym is null || dynsym is null || verneed.Link >= sections.Count || dynsym.Link >= sections.Count)
            {
                detail = "no symbol version needs";
                return Outcome.NotApplicable;
            }

            var symbolStrings = sections[(int)dynsym.Link];
            var toWeaken = new List<(long FlagsOffset, string Version)>();
            var alreadyWeak = false;
            foreach (var need in VersionNeeds(image, sections, verneed))
            {
                if (need.File != "libstdc++.so.6" || !IsAfterGcc12(need.Version))
                {
                    continue;
                }

                if ((need.Flags & VerFlagWeak) != 0)
                {
                    alreadyWeak = true;
                    continue;
                }

                foreach (var symbol in SymbolsOfVersion(image, dynsym, versym, symbolStrings, need.Index))
                {
                    if (Array.IndexOf(UncalledSymbols, symbol) < 0)
                    {
                        detail = $"{need.Version} is needed by {symbol}, which the shim really uses";
                        return Outcome.RequirementIsReal;
                    }
                }

                toWeaken.Add((need.AuxOffset + 4, need.Version));
            }

            if (toWeaken.Count == 0)
            {
                detail = "no libstdc++ version newer than GCC 12's is required";
                return alreadyWeak ? Outcome.Weakened : Outcome.NothingNeeded;
            }

            foreach (var (flagsOffset, _) in toWeaken)
            {
                var flags = (ushort)(ReadU16(image, flagsOffset) | VerFlagWeak);
                image[flagsOffset] = (byte)flags;
                image[flagsOffset + 1] = (byte)(flags >> 8);
            }

            detail = "weakened " + string.Join(", ", toWeaken.ConvertAll(w => w.Version));
            return Outcome.Weakened;
        }

        /// <summary>
        /// The versions the file requires, as (library, version, weak), in file order; empty where the file is not a
        /// 64-bit little-endian ELF file with version needs.
        /// </summary>
        public static List<(string Library, string Version, bool Weak)> ReadRequirements(byte[] image)
        {
            var result = new List<(string, string, bool)>();
            if (!TryReadSections(image, out var sections))
            {
                return result;
            }

            var verneed = sections.Find(s => s.Type == SectionGnuVerneed);
            if (verneed is null || verneed.Link >= sections.Count)
            {
                return result;
            }

            foreach (var need in VersionNeeds(image, sections, verneed))
            {
                result.Add((need.File, need.Version, (need.Flags & VerFlagWeak) != 0));
            }

            return result;
        }

        /// <summary>Every (library, version) entry of the version-needs section, with where its flags are stored.</summary>
        private static IEnumerable<(string File, long AuxOffset, ushort Flags, ushort Index, string Version)> VersionNeeds(byte[] image, List<Section> sections, Section verneed)
        {
            var strings = sections[(int)verneed.Link];
            var position = verneed.Offset;
            for (var entry = 0u; entry < verneed.Info; entry++)
            {
                CheckRange(image, position, 16);
                var count = ReadU16(image, position + 2);
                var file = ReadString(image, strings, ReadU32(image, position + 4));
                var aux = position + ReadU32(image, position + 8);
                for (var i = 0; i < count; i++)
                {
                    CheckRange(image, aux, 16);
                    yield return (file, aux, ReadU16(image, aux + 4), ReadU16(image, aux + 6), ReadString(image, strings, ReadU32(image, aux + 8)));
                    var nextAux = ReadU32(image, aux + 12);
                    if (nextAux == 0)
                    {
                        break;
                    }

                    aux += nextAux;
                }

                var next = ReadU32(image, position + 12);
                if (next == 0)
                {
                    break;
                }

                position += next;
            }
        }

        /// <summary>Whether a version name is GLIBCXX_3.4.N with N above GCC 12's newest.</summary>
        public static bool IsAfterGcc12(string version)
        {
            const string prefix = "GLIBCXX_3.4.";
            return version.StartsWith(prefix, StringComparison.Ordinal)
                && int.TryParse(version.Substring(prefix.Length), out var minor)
                && minor > NewestGcc12Version;
        }

        private static IEnumerable<string> SymbolsOfVersion(byte[] image, Section dynsym, Section versym, Section strings, ushort index)
        {
            const int symbolSize = 24;
            var count = dynsym.Size / symbolSize;
            for (var i = 0L; i < count; i++)
            {
                var versionOffset = versym.Offset + (2 * i);
                CheckRange(image, versionOffset, 2);
                if ((ReadU16(image, versionOffset) & 0x7fff) != index)
                {
                    continue;
                }

                var symbol = dynsym.Offset + (i * symbolSize);
                CheckRange(image, symbol, symbolSize);
                yield return ReadString(image, strings, ReadU32(image, symbol));
            }
        }

        private static bool TryReadSections(byte[] image, out List<Section> sections)
        {
            sections = new List<Section>();
            if (image.Length < 64 || image[0] != 0x7f || image[1] != (byte)'E' || image[2] != (byte)'L' || image[3] != (byte)'F'
                || image[4] != 2 || image[5] != 1)
            {
                return false;
            }

            var tableOffset = (long)ReadU64(image, 0x28);
            var entrySize = ReadU16(image, 0x3a);
            var entries = ReadU16(image, 0x3c);
            if (entrySize < 64 || tableOffset <= 0 || tableOffset + ((long)entrySize * entries) > image.Length)
            {
                return false;
            }

            for (var i = 0; i < entries; i++)
            {
                var header = tableOffset + ((long)i * entrySize);
                var section = new Section
                {
                    Type = ReadU32(image, header + 4),
                    Offset = (long)ReadU64(image, header + 0x18),
                    Size = (long)ReadU64(image, header + 0x20),
                    Link = ReadU32(image, header + 0x28),
                    Info = ReadU32(image, header + 0x2c),
                };
                if (section.Type != 8 /* SHT_NOBITS */ && (section.Offset < 0 || section.Size < 0 || section.Offset + section.Size > image.Length))
                {
                    return false;
                }

                sections.Add(section);
            }

            return true;
        }

        private static string ReadString(byte[] image, Section table, uint offset)
        {
            var start = table.Offset + offset;
            CheckRange(image, start, 1);
            var end = start;
            while (end < table.Offset + table.Size && image[end] != 0)
            {
                end++;
            }

            return Encoding.ASCII.GetString(image, (int)start, (int)(end - start));
        }

        private static void CheckRange(byte[] image, long offset, long length)
        {
            if (offset < 0 || offset + length > image.Length)
            {
                throw new InvalidDataException($"ELF structure points outside the file (offset {offset}, length {length}, file {image.Length} bytes).");
            }
        }

        private static ushort ReadU16(byte[] image, long offset)
        {
            CheckRange(image, offset, 2);
            return (ushort)(image[offset] | (image[offset + 1] << 8));
        }

        private static uint ReadU32(byte[] image, long offset)
        {
            CheckRange(image, offset, 4);
            return (uint)(image[offset] | (image[offset + 1] << 8) | (image[offset + 2] << 16) | (image[offset + 3] << 24));
        }

        private static ulong ReadU64(byte[] image, long offset) => ReadU32(image, offset) | ((ulong)ReadU32(image, offset + 4) << 32);

        private sealed class Section
        {
            public uint Type;
            public long Offset;
            public long Size;
            public uint Link;
            public uint Info;
        }
    }

#if !FER_LIBSTDCXX_REQUIREMENT_TESTS
    /// <summary>
    /// MSBuild task: weakens the GCC 13-only libstdc++ requirement of each given copy of libLibTorchSharp.so (see
    /// <see cref="LibStdCxxRequirement"/>). The file is rewritten through a temporary file, never in place, so a hard
    /// link into the NuGet cache is never modified.
    /// </summary>
    public sealed class WeakenLibStdCxxRequirement : Microsoft.Build.Utilities.Task
    {
        /// <summary>The copies to patch (in the output or publish folder).</summary>
        [Microsoft.Build.Framework.Required]
        public Microsoft.Build.Framework.ITaskItem[] Files { get; set; } = Array.Empty<Microsoft.Build.Framework.ITaskItem>();

        /// <inheritdoc />
        public override bool Execute()
        {
            foreach (var item in Files)
            {
                var path = item.ItemSpec;
                if (!File.Exists(path))
                {
                    continue;
                }

                var image = File.ReadAllBytes(path);
                LibStdCxxRequirement.Outcome outcome;
                string detail;
                try
                {
                    outcome = LibStdCxxRequirement.Weaken(image, out detail);
                }
                catch (InvalidDataException e)
                {
                    Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High, $"Fer: {path} left unchanged: {e.Message}");
                    continue;
                }

                if (outcome == LibStdCxxRequirement.Outcome.Weakened && detail.StartsWith("weakened", StringComparison.Ordinal))
                {
                    var temporary = path + ".fer-tmp";
                    File.WriteAllBytes(temporary, image);
                    File.Delete(path);
                    File.Move(temporary, path);
                }

                var importance = outcome == LibStdCxxRequirement.Outcome.RequirementIsReal
                    ? Microsoft.Build.Framework.MessageImportance.High
                    : Microsoft.Build.Framework.MessageImportance.Low;
                Log.LogMessage(importance, $"Fer: {path}: {detail}");
            }

            return !Log.HasLoggedErrors;
        }
    }
#endif
}
