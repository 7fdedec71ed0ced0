namespace ChargerController.Ocpp.Serialization;

/// <summary>
/// RFC 3339 §5.6 <c>date-time</c> on UTF-8 text, without allocation. OCPP requires it for every dateTime
/// (Part 2 §2.1.4) and the schemas mark those fields <c>format: date-time</c>. Reading accepts any number of
/// fraction digits (kept to 100 ns) and any offset; writing uses UTC with <c>Z</c> and at most 3 fraction digits,
/// as Part 2 §2.1.4 limits senders to millisecond precision.
/// </summary>
internal static class Rfc3339
{
    /// <summary>Longest text <see cref="Format"/> writes: <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>.</summary>
    public const int MaxFormattedLength = 24;

    public static bool TryParse(ReadOnlySpan<byte> s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 20
            || !Digits(s, 0, 4, out var year) || s[4] != '-'
            || !Digits(s, 5, 2, out var month) || s[7] != '-'
            || !Digits(s, 8, 2, out var day) || (s[10] | 0x20) != 't'
            || !Digits(s, 11, 2, out var hour) || s[13] != ':'
            || !Digits(s, 14, 2, out var minute) || s[16] != ':'
            || !Digits(s, 17, 2, out var second))
        {
            return false;
        }

        // Leap second 60 cannot be held by DateTimeOffset; it is rejected like any other out-of-range field.
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var i = 19;
        long fractionTicks = 0;
        if (s[i] == '.')
        {
            i++;
            var start = i;
            long scale = TimeSpan.TicksPerSecond;
            while (i < s.Length && (uint)(s[i] - '0') <= 9)
            {
                if (scale > 1)
                {
                    scale /= 10;
                    fractionTicks += (s[i] - '0') * scale;
                }

                i++;
            }

            if (i == start)
            {
                return false;
            }
        }

        if (i >= s.Length)
        {
            return false;
        }

        TimeSpan offset;
        if ((s[i] | 0x20) == 'z')
        {
            offset = TimeSpan.Zero;
            i++;
        }
        else if (s[i] is (byte)'+' or (byte)'-')
        {
            if (s.Length - i != 6 || !Digits(s, i + 1, 2, out var oh) || s[i + 3] != ':' || !Digits(s, i + 4, 2, out var om) || oh > 23 || om > 59)
            {
                return false;
            }

            offset = new TimeSpan(oh, om, 0);
            if (s[i] == '-')
            {
                offset = -offset;
            }

            i += 6;
        }
        else
        {
            return false;
        }

        if (i != s.Length)
        {
            return false;
        }

        try
        {
            value = new DateTimeOffset(year, month, day, hour, minute, second, offset).AddTicks(fractionTicks);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            // 0001-01-01T00:00:00+01:00 and similar: valid text, but outside the DateTimeOffset range in UTC.
            return false;
        }
    }

    /// <summary>Writes <paramref name="value"/> in UTC as <c>yyyy-MM-ddTHH:mm:ss[.f{1,3}]Z</c>; returns the length.</summary>
    public static int Format(DateTimeOffset value, Span<byte> destination)
    {
        var utc = value.UtcDateTime;
        Write(destination, 0, utc.Year, 4);
        destination[4] = (byte)'-';
        Write(destination, 5, utc.Month, 2);
        destination[7] = (byte)'-';
        Write(destination, 8, utc.Day, 2);
        destination[10] = (byte)'T';
        Write(destination, 11, utc.Hour, 2);
        destination[13] = (byte)':';
        Write(destination, 14, utc.Minute, 2);
        destination[16] = (byte)':';
        Write(destination, 17, utc.Second, 2);
        var length = 19;
        var millis = utc.Millisecond;
        if (millis != 0)
        {
            destination[length++] = (byte)'.';
            var digits = millis % 100 == 0 ? 1 : millis % 10 == 0 ? 2 : 3;
            var scaled = digits == 1 ? millis / 100 : digits == 2 ? millis / 10 : millis;
            Write(destination, length, scaled, digits);
            length += digits;
        }

        destination[length++] = (byte)'Z';
        return length;
    }

    private static bool Digits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        for (var k = start; k < start + count; k++)
        {
            var d = (uint)(s[k] - '0');
            if (d > 9)
            {
                return false;
            }

            value = (value * 10) + (int)d;
        }

        return true;
    }

    private static void Write(Span<byte> destination, int start, int value, int digits)
    {
        for (var k = start + digits - 1; k >= start; k--)
        {
            destination[k] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
