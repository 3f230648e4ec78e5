using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace Fer.Datasets;

/// <summary>
/// Decompresses a gzip file and, at its end, checks the decompressed length and CRC-32 against the file's trailer,
/// so that a truncated download (which .NET's <see cref="GZipStream"/> ends silently, even at a row boundary) or
/// corrupted data is an error, never a short data set. Corrupt deflate data surfaces as <see cref="FerDataException"/>
/// too. Single-member gzip files (what gzip and every common tool write) are supported; a file of several
/// concatenated members is refused with how to fix it, since only the last member's trailer can be read.
/// </summary>
/// <remarks>
/// Decompression stops with an error past <see cref="MaxExpansion"/> times the compressed size (at least
/// <see cref="MinBudget"/> bytes): FER2013's CSV compresses about 3:1, so a file that inflates much further is a
/// compression bomb (gigabytes of newlines or of one repeated row), not a data set, and costs seconds, not minutes.
/// </remarks>
internal sealed class CheckedGzipStream : Stream
{
    /// <summary>How many times its compressed size a file may decompress to: five times FER2013's ratio.</summary>
    public const long MaxExpansion = 16;

    /// <summary>The decompressed bytes every file may have, however small it is compressed.</summary>
    public const long MinBudget = 64L * 1024 * 1024;

    private readonly GZipStream _inner;
    private readonly string _path;
    private readonly uint _expectedLength;
    private readonly uint _expectedCrc;
    private readonly Crc32 _crc = new();
    private long _length;
    private bool _checked;

    private readonly long _budget;

    private CheckedGzipStream(GZipStream inner, string path, uint expectedLength, uint expectedCrc, long compressedLength)
    {
        _inner = inner;
        _budget = Math.Max(MinBudget, compressedLength * MaxExpansion);
        _path = path;
        _expectedLength = expectedLength;
        _expectedCrc = expectedCrc;
    }

    /// <summary>Opens <paramref name="file"/> (positioned at 0, gzip magic already seen) for checked decompression.</summary>
    public static CheckedGzipStream Open(FileStream file, string path)
    {
        if (file.Length < 18)
        {
            throw new FerDataException($"{path} is truncated: {file.Length} bytes cannot hold a gzip header and trailer.") { Input = path };
        }

        Span<byte> trailer = stackalloc byte[8];
        file.Position = file.Length - 8;
        file.ReadExactly(trailer);
        file.Position = 0;
        return new CheckedGzipStream(new GZipStream(file, CompressionMode.Decompress), path, BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]), BinaryPrimitives.ReadUInt32LittleEndian(trailer), file.Length);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read;
        try
        {
            read = _inner.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            throw new FerDataException($"{_path} is not valid gzip data (corrupt after {_length:N0} decompressed bytes): {e.Message}", e) { Input = _path };
        }

        if (read > 0)
        {
            _crc.Append(buffer[..read]);
            _length += read;
            if (_length > _budget)
            {
                throw new FerDataException(
                    $"{_path} decompresses to more than {_budget:N0} bytes, over {MaxExpansion} times its compressed size: a data set compresses about 3:1, " +
                    "so this is a compression bomb or not a data set; nothing more was read.")
                { Input = _path };
            }
        }
        else if (!_checked && buffer.Length > 0)
        {
            _checked = true;
            var crc = _crc.GetCurrentHashAsUInt32();
            if ((uint)_length != _expectedLength || crc != _expectedCrc)
            {
                throw new FerDataException(
                    $"{_path} is truncated or corrupt: its gzip trailer records {_expectedLength:N0} bytes (modulo 4 GiB) with CRC-32 {_expectedCrc:x8}, " +
                    $"but {_length:N0} bytes with CRC-32 {crc:x8} were decompressed. Download it again; a file of several concatenated gzip members " +
                    "is not supported either (decompress it and compress it again with gzip).")
                { Input = _path };
            }
        }

        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
