using System.Text;

namespace SchemaFirst.Sql;

/// <summary>
/// Represents a UTF-8 decoder fallback that replaces invalid bytes with U+FFFD and counts them, so the reader can
/// report the first one with its line and column instead of failing or guessing.
/// </summary>
internal sealed class CountingFallback : DecoderFallback
{
    public int Count;

    public override int MaxCharCount => 1;

    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

    private sealed class Buffer(CountingFallback owner) : DecoderFallbackBuffer
    {
        private bool _pending;

        public override int Remaining => _pending ? 1 : 0;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            owner.Count++;
            _pending = true;
            return true;
        }

        public override char GetNextChar()
        {
            if (!_pending) return '\0';
            _pending = false;
            return '\uFFFD';
        }

        public override bool MovePrevious() => false;
    }
}
