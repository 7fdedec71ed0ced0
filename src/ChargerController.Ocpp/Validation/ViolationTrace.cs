using ChargerController.Ocpp.Rpc;

namespace ChargerController.Ocpp.Validation;

/// <summary>A violation being returned up the walk; each level adds its path segment (only failures allocate).</summary>
internal sealed class ViolationTrace
{
    private const int MaxSegmentLength = 64;
    private readonly List<string> _reversedSegments = new(4);

    public ViolationTrace(RpcErrorCode code, string description)
    {
        Code = code;
        Description = description.Length <= 255 ? description : description[..255];
    }

    public RpcErrorCode Code { get; }

    public string Description { get; }

    public ViolationTrace Under(string segment)
    {
        // Property names can come from the peer: keep the path short and printable, and escape it as a JSON
        // pointer token (RFC 6901 §3: "~" → "~0", "/" → "~1").
        var printable = segment.Length <= MaxSegmentLength ? segment : segment[..MaxSegmentLength];
        if (printable.AsSpan().IndexOfAny("~/") >= 0 || printable.Any(char.IsControl))
        {
            printable = new string([.. printable.Select(c => char.IsControl(c) ? '?' : c)]).Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
        }

        _reversedSegments.Add(printable);
        return this;
    }

    public PayloadViolation ToViolation()
    {
        var path = _reversedSegments.Count == 0 ? string.Empty : "/" + string.Join('/', Enumerable.Reverse(_reversedSegments));
        return new PayloadViolation(Code, path, Description);
    }
}
