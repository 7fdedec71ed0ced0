namespace ChargerController.Station.Sessions;

/// <summary>How sessions start (configuration section <c>Sessions</c>).</summary>
public sealed record SessionCoordinatorOptions
{
    /// <summary>
    /// Free vend: every EV that plugs in is authorized at once with <see cref="FreeVendIdToken"/>, no card needed
    /// (a private wallbox). Default <see langword="false"/>: a card tap or a remote start is needed.
    /// </summary>
    public bool FreeVend { get; init; }

    /// <summary>The IdToken recorded for free-vend sessions.</summary>
    public string FreeVendIdToken { get; init; } = "FREEVEND";

    /// <summary>
    /// How long an authorization given before the EV is plugged in stays valid (OCPP <c>EVConnectionTimeOut</c>, E03).
    /// Default 60 s.
    /// </summary>
    public TimeSpan ConnectionTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Reads the MasterPassGroupId (AuthCtrlr, C16) at the moment a token is presented; <see langword="null"/> or an empty
    /// answer: no master pass.
    /// </summary>
    public Func<string?>? MasterPassGroupId { get; init; }

    /// <summary>
    /// The Master Pass UI (C16.FR.01): the master pass holder chooses which transactions to stop;
    /// <see langword="null"/>: no UI, a master pass stops them all (C16.FR.02).
    /// </summary>
    public IMasterPassUi? MasterPassUi { get; init; }

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConnectionTimeout, TimeSpan.Zero, nameof(ConnectionTimeout));
        ArgumentException.ThrowIfNullOrWhiteSpace(FreeVendIdToken, nameof(FreeVendIdToken));
    }
}
