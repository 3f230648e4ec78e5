namespace Fer.Datasets;

/// <summary>
/// A text reader that passes another one's characters through and refuses a line longer than a limit as soon as the
/// limit is passed: a gzip bomb holding one multi-gigabyte line, or a file that is not a CSV, never makes the CSV
/// parser above it grow its buffers past the limit. Lines end at \n, \r\n or \r; lines are counted from 1.
/// </summary>
internal sealed class LineLengthGuard : TextReader
{
    private readonly TextReader _inner;
    private readonly int _maxLength;
    private readonly Func<long, int, Exception> _tooLong;
    private int _length;
    private long _lineNumber = 1;
    private bool _afterReturn;

    /// <param name="inner">The reader guarded; disposed with this one.</param>
    /// <param name="maxLength">The most characters a line may have, without its terminator.</param>
    /// <param name="tooLong">Makes the exception for a line over the limit, given its line number and the limit.</param>
    public LineLengthGuard(TextReader inner, int maxLength, Func<long, int, Exception> tooLong)
    {
        _inner = inner;
        _maxLength = maxLength;
        _tooLong = tooLong;
    }

    public override int Read(Span<char> buffer)
    {
        var read = _inner.Read(buffer);
        Check(buffer[..read]);
        return read;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    /// <summary>Not supported: peeking would let characters past the check; callers read in blocks.</summary>
    public override int Peek() => -1;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Check(ReadOnlySpan<char> chunk)
    {
        while (!chunk.IsEmpty)
        {
            var stop = chunk.IndexOfAny('\n', '\r');
            var take = stop < 0 ? chunk.Length : stop;
            if (take > 0)
            {
                _afterReturn = false;
                if (_length + take > _maxLength)
                {
                    throw _tooLong(_lineNumber, _maxLength);
                }

                _length += take;
            }

            if (stop < 0)
            {
                return;
            }

            var terminator = chunk[stop];
            if (terminator == '\n' && _afterReturn)
            {
                _afterReturn = false;   // the \n of a \r\n: the line was counted at its \r
            }
            else
            {
                _lineNumber++;
                _afterReturn = terminator == '\r';
            }

            _length = 0;
            chunk = chunk[(stop + 1)..];
        }
    }
}
