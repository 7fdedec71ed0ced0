using System.Buffers.Binary;

namespace ChargerController.Hardware.Meters;

/// <summary>Turns raw registers into numbers (pure).</summary>
public static class MeterRegisterDecoder
{
    /// <summary>Decodes the registers of one quantity.</summary>
    /// <param name="registers">Exactly the registers of the value, in the order received.</param>
    /// <param name="type">The encoding.</param>
    /// <param name="wordOrder">The word order.</param>
    /// <returns>The number; <see cref="double.NaN"/> for the "no value" patterns meters use (all ones unsigned, max positive signed, REFERENCE 4.4).</returns>
    public static double Decode(ReadOnlySpan<ushort> registers, MeterRegisterType type, MeterWordOrder wordOrder)
    {
        Span<byte> bytes = stackalloc byte[8];
        var length = registers.Length * 2;
        ToBigEndian(registers, wordOrder, bytes[..length]);
        return type switch
        {
            MeterRegisterType.Int16 => NoValue(BinaryPrimitives.ReadInt16BigEndian(bytes) == short.MaxValue, BinaryPrimitives.ReadInt16BigEndian(bytes)),
            MeterRegisterType.UInt16 => NoValue(BinaryPrimitives.ReadUInt16BigEndian(bytes) == ushort.MaxValue, BinaryPrimitives.ReadUInt16BigEndian(bytes)),
            MeterRegisterType.Int32 => NoValue(BinaryPrimitives.ReadInt32BigEndian(bytes) == int.MaxValue, BinaryPrimitives.ReadInt32BigEndian(bytes)),
            MeterRegisterType.UInt32 => NoValue(BinaryPrimitives.ReadUInt32BigEndian(bytes) == uint.MaxValue, BinaryPrimitives.ReadUInt32BigEndian(bytes)),
            MeterRegisterType.Int64 => NoValue(BinaryPrimitives.ReadInt64BigEndian(bytes) == long.MaxValue, BinaryPrimitives.ReadInt64BigEndian(bytes)),
            MeterRegisterType.UInt64 => NoValue(BinaryPrimitives.ReadUInt64BigEndian(bytes) == ulong.MaxValue, BinaryPrimitives.ReadUInt64BigEndian(bytes)),
            MeterRegisterType.Float32 => BinaryPrimitives.ReadSingleBigEndian(bytes),
            MeterRegisterType.Float64 => BinaryPrimitives.ReadDoubleBigEndian(bytes),
            _ => double.NaN,
        };
    }

    /// <summary>Encodes a raw number into registers (the inverse of <see cref="Decode"/>; used by simulators and tests).</summary>
    /// <param name="value">The raw number (before scaling).</param>
    /// <param name="type">The encoding.</param>
    /// <param name="wordOrder">The word order.</param>
    /// <returns>The registers.</returns>
    public static ushort[] Encode(double value, MeterRegisterType type, MeterWordOrder wordOrder)
    {
        Span<byte> bytes = stackalloc byte[8];
        var length = type switch
        {
            MeterRegisterType.Int16 or MeterRegisterType.UInt16 => 2,
            MeterRegisterType.Int32 or MeterRegisterType.UInt32 or MeterRegisterType.Float32 => 4,
            _ => 8,
        };
        switch (type)
        {
            case MeterRegisterType.Int16: BinaryPrimitives.WriteInt16BigEndian(bytes, checked((short)Math.Round(value))); break;
            case MeterRegisterType.UInt16: BinaryPrimitives.WriteUInt16BigEndian(bytes, checked((ushort)Math.Round(value))); break;
            case MeterRegisterType.Int32: BinaryPrimitives.WriteInt32BigEndian(bytes, checked((int)Math.Round(value))); break;
            case MeterRegisterType.UInt32: BinaryPrimitives.WriteUInt32BigEndian(bytes, checked((uint)Math.Round(value))); break;
            case MeterRegisterType.Int64: BinaryPrimitives.WriteInt64BigEndian(bytes, checked((long)Math.Round(value))); break;
            case MeterRegisterType.UInt64: BinaryPrimitives.WriteUInt64BigEndian(bytes, checked((ulong)Math.Round(value))); break;
            case MeterRegisterType.Float32: BinaryPrimitives.WriteSingleBigEndian(bytes, (float)value); break;
            default: BinaryPrimitives.WriteDoubleBigEndian(bytes, value); break;
        }

        var registers = new ushort[length / 2];
        Span<byte> ordered = stackalloc byte[length];
        bytes[..length].CopyTo(ordered);

        // The word-order permutations are their own inverse, so applying the same reordering converts back.
        Span<ushort> words = stackalloc ushort[length / 2];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = BinaryPrimitives.ReadUInt16BigEndian(ordered[(2 * i)..]);
        }

        ToBigEndian(words, wordOrder, ordered);
        for (var i = 0; i < registers.Length; i++)
        {
            registers[i] = BinaryPrimitives.ReadUInt16BigEndian(ordered[(2 * i)..]);
        }

        return registers;
    }

    private static double NoValue(bool isMarker, double value) => isMarker ? double.NaN : value;

    private static void ToBigEndian(ReadOnlySpan<ushort> registers, MeterWordOrder wordOrder, Span<byte> destination)
    {
        var n = registers.Length;
        for (var i = 0; i < n; i++)
        {
            // CDAB/DCBA: least significant word first; BADC/DCBA: bytes inside each word swapped.
            var word = wordOrder is MeterWordOrder.Cdab or MeterWordOrder.Dcba ? registers[n - 1 - i] : registers[i];
            if (wordOrder is MeterWordOrder.Badc or MeterWordOrder.Dcba)
            {
                word = BinaryPrimitives.ReverseEndianness(word);
            }

            BinaryPrimitives.WriteUInt16BigEndian(destination[(2 * i)..], word);
        }
    }
}
