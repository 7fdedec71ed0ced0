namespace ChargerController.Testing.Csms;

/// <summary>Direction of a recorded frame, seen from the CSMS.</summary>
public enum FrameDirection
{
    /// <summary>Station → CSMS.</summary>
    FromStation,

    /// <summary>CSMS → station.</summary>
    ToStation,
}
