using System.Text;

namespace ChargerController.Hardware.Tests.Rfid;

/// <summary>Builds what an RDM6300 transmits for a tag.</summary>
public static class Rdm6300Frames
{
    public static byte[] Build(byte[] data, bool breakChecksum = false)
    {
        var checksum = data.Aggregate((byte)0, (x, b) => (byte)(x ^ b));
        if (breakChecksum)
        {
            checksum ^= 0x01;
        }

        return [0x02, .. Encoding.ASCII.GetBytes(Convert.ToHexString(data) + checksum.ToString("X2")), 0x03];
    }
}
