using System.Globalization;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Messages.Provisioning;
using ChargerController.Ocpp.Transport;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Diagnostics;
using ChargerController.Station.Runtime;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station.Provisioning.NetworkProfiles;

/// <summary>
/// Network connection profiles (B09/B10) and security-profile upgrades (A05) seen from the connection: tells the
/// transport where each attempt goes, in <c>NetworkConfigurationPriority</c> order with
/// <c>NetworkProfileConnectionAttempts</c> tries per entry and a fallback to the slot that last worked; reports failed TLS
/// and authentication as security events (A04); reconnects at once with a new <c>BasicAuthPassword</c> (A01).
/// </summary>
public sealed class NetworkProfileManager : IStationModule, IConnectionTargetProvider
{
    private static readonly VariableKey PriorityKey = VariableKey.Of(DeviceModelCatalog.OcppCommCtrlr, "NetworkConfigurationPriority");
    private static readonly VariableKey PasswordKey = VariableKey.Of(DeviceModelCatalog.SecurityCtrlr, "BasicAuthPassword");
    private static readonly VariableKey ProfileKey = VariableKey.Of(DeviceModelCatalog.SecurityCtrlr, "SecurityProfile");
    private readonly StationDeviceModel _model;
    private readonly NetworkProfileOptions _options;
    private readonly ITlsCredentialSource _credentials;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _raisedSinceConnected = new(StringComparer.Ordinal);
    private readonly List<int> _order;
    private readonly int? _lastConnectedAtStart;
    private SecurityEventReporter? _securityEvents;
    private int _index;
    private int _failures;
    private int _currentSlot;
    private int? _activeSlot;

    /// <summary>Initializes a new instance of the <see cref="NetworkProfileManager"/> class.</summary>
    /// <param name="model">The device model (priority, attempts, password; it also stores the slots).</param>
    /// <param name="options">The configured profile (slot 0).</param>
    /// <param name="credentials">Installed CSMS roots and client certificate.</param>
    /// <param name="loggerFactory">Loggers.</param>
    public NetworkProfileManager(StationDeviceModel model, NetworkProfileOptions options, ITlsCredentialSource credentials, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _model = model;
        _options = options;
        _credentials = credentials;
        _logger = loggerFactory.CreateLogger<NetworkProfileManager>();
        Profiles = new NetworkProfileStore(model);

        // B10.FR.04: the order read at start-up holds until the next boot; a SetVariables of it answers RebootRequired.
        _lastConnectedAtStart = Profiles.GetLastConnectedSlot();
        _order = BuildOrder();
        _currentSlot = _order[0];
        _model.Changed += OnVariableChanged;
        _model.ChangeAnswered += OnChangeAnswered;
        _model.AddValidator(PriorityKey, ValidatePriority);
        _credentials.ClientCertificateChanged += OnClientCertificateChanged;
    }

    /// <inheritdoc/>
    public event EventHandler? ReconnectRequested;

    /// <summary>Gets the stored profiles.</summary>
    public NetworkProfileStore Profiles { get; }

    /// <summary>Gets the slot of the connection in use, if connected since start-up.</summary>
    public int? ActiveSlot
    {
        get
        {
            lock (_gate)
            {
                return _activeSlot;
            }
        }
    }

    /// <summary>Gets the security profile of the connection in use (or of the first slot to try before the first connection).</summary>
    public int ActiveSecurityProfile => _model.GetInt(DeviceModelCatalog.SecurityCtrlr, "SecurityProfile", (int)_options.SecurityProfile);

    /// <summary>Gets the slots tried, in order (the priority list read at start-up, then the slot that last worked).</summary>
    public IReadOnlyList<int> Order => _order;

    /// <inheritdoc/>
    public void Attach(StationModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _securityEvents = context.SecurityEvents;
        context.Register(new SetNetworkProfileHandler(this, _logger), allowedWhilePending: false);
    }

    /// <inheritdoc/>
    public ConnectionTarget? GetTarget()
    {
        int slot;
        lock (_gate)
        {
            slot = _order[_index];
            _currentSlot = slot;
        }

        return TargetFor(slot);
    }

    /// <inheritdoc/>
    public void OnConnected(ConnectionTarget? target)
    {
        int slot;
        lock (_gate)
        {
            slot = _currentSlot;
            _activeSlot = slot;
            _failures = 0;
            _raisedSinceConnected.Clear();
        }

        var profile = ProfileOf(slot)?.SecurityProfile ?? (int)_options.SecurityProfile;
        var previous = ActiveSecurityProfile;
        _model.SetByStation(VariableKey.Of(DeviceModelCatalog.OcppCommCtrlr, "ActiveNetworkProfile"), slot.ToString(CultureInfo.InvariantCulture));
        _model.SetByStation(ProfileKey, profile.ToString(CultureInfo.InvariantCulture));
        Profiles.SetLastConnectedSlot(slot);
        NetworkProfileLog.ConnectedOn(_logger, slot, profile);
        if (profile > previous)
        {
            // A05.FR.06: once the higher profile works, slots of a lower one leave the priority list for good.
            var kept = ParsePriority(_model.GetValue(PriorityKey)).Where(s => (ProfileOf(s)?.SecurityProfile ?? (int)_options.SecurityProfile) >= profile).ToList();
            if (kept.Count > 0)
            {
                _model.SetByStation(PriorityKey, string.Join(',', kept));
            }

            Raise(SecurityEventReporter.ReconfigurationOfSecurityParameters, $"Security profile raised from {previous} to {profile} (A05)", once: false);
        }
    }

    /// <inheritdoc/>
    public void OnConnectFailed(ConnectionTarget? target, ConnectFailureKind kind, string reason)
    {
        var attempts = Math.Max(1, _model.GetInt(DeviceModelCatalog.OcppCommCtrlr, "NetworkProfileConnectionAttempts", 3));
        int from, to = -1, failures;
        lock (_gate)
        {
            from = _order[_index];
            failures = ++_failures;
            var lastEntryIsLastGood = _index == _order.Count - 1 && _order[_index] == _lastConnectedAtStart;
            if (failures >= attempts && _order.Count > 1 && !lastEntryIsLastGood)
            {
                // B10.FR.03: NetworkProfileConnectionAttempts per entry, then the next one. B10.FR.07: once the list is
                // through, keep reconnecting (Part 4 §5.3 back-off) to the slot that last worked when it ends the list;
                // else B10.FR.08: around again. Never give up (B10.FR.09).
                _index = (_index + 1) % _order.Count;
                _failures = 0;
                to = _order[_index];
            }
        }

        NetworkProfileLog.AttemptFailed(_logger, failures, attempts, from, kind.ToString(), reason);
        if (to >= 0)
        {
            NetworkProfileLog.FallingBack(_logger, from, to);
        }

        var type = kind switch
        {
            ConnectFailureKind.InvalidCsmsCertificate => SecurityEventReporter.InvalidCsmsCertificate,
            ConnectFailureKind.Unauthorized => SecurityEventReporter.FailedToAuthenticateAtCsms,
            ConnectFailureKind.InvalidTlsVersion => SecurityEventReporter.InvalidTlsVersion,
            ConnectFailureKind.InvalidTlsCipherSuite => SecurityEventReporter.InvalidTlsCipherSuite,
            _ => null,
        };
        if (type is not null)
        {
            // A04: one event per kind and outage; a station retrying every minute must not flood the queue.
            Raise(type, $"slot {from}: {reason}", once: true);
        }
    }

    /// <summary>Checks a SetNetworkProfile request (B09.FR.02/04/05).</summary>
    /// <param name="request">The request.</param>
    /// <returns>Null when acceptable, else why not.</returns>
    internal string? Check(SetNetworkProfileRequest request)
    {
        var slots = ParsePriority(DeviceModelCatalog.NetworkProfileSlots);
        if (!slots.Contains(request.ConfigurationSlot))
        {
            return "B09.FR.05: configurationSlot not in the valuesList of NetworkConfigurationPriority";
        }

        if (ActiveSlot == request.ConfigurationSlot)
        {
            return "configurationSlot is the profile in use";
        }

        var profile = request.ConnectionData;
        if (profile.SecurityProfile is < 1 or > 3)
        {
            return "securityProfile must be 1, 2 or 3";
        }

        var active = ActiveSecurityProfile;
        if (profile.SecurityProfile < active)
        {
            // B09.FR.04/31/32: only 3 -> 2, and only when AllowSecurityProfileDowngrade is true.
            var allowed = _model.GetBool(DeviceModelCatalog.SecurityCtrlr, "AllowSecurityProfileDowngrade", false) && active == 3 && profile.SecurityProfile == 2;
            if (!allowed)
            {
                return $"B09.FR.04: security profile {profile.SecurityProfile} is lower than the active {active}";
            }
        }

        if (profile.OcppTransport != Ocpp.Enums.OCPPTransportEnumType.JSON)
        {
            return "only OCPP-J (JSON) is supported";
        }

        if (!Uri.TryCreate(profile.OcppCsmsUrl, UriKind.Absolute, out var url) || url.Scheme != (profile.SecurityProfile == 1 ? "ws" : "wss") || !string.IsNullOrEmpty(url.UserInfo))
        {
            return $"ocppCsmsUrl must be an absolute {(profile.SecurityProfile == 1 ? "ws" : "wss")}:// URL without credentials";
        }

        if (profile.MessageTimeout < 1)
        {
            return "messageTimeout must be at least 1 s";
        }

        if (profile.BasicAuthPassword is { } password && (password.Length is < 16 or > 40))
        {
            return "A00.FR.205: basicAuthPassword must have 16 to 40 characters";
        }

        return null;
    }

    /// <summary>Stores an accepted profile.</summary>
    /// <param name="request">The request.</param>
    internal void Store(SetNetworkProfileRequest request) => Profiles.Save(request.ConfigurationSlot, request.ConnectionData);

    private static List<int> ParsePriority(string? value)
    {
        var slots = new List<int>();
        foreach (var part in (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var slot) && !slots.Contains(slot))
            {
                slots.Add(slot);
            }
        }

        return slots;
    }

    private List<int> BuildOrder()
    {
        var order = ParsePriority(_model.GetValue(PriorityKey)).Where(s => s == 0 || Profiles.Get(s) is not null).ToList();
        if (Profiles.GetLastConnectedSlot() is { } last && !order.Contains(last) && (last == 0 || Profiles.Get(last) is not null))
        {
            // B10.FR.07 / A05: if the new entries never connect, come back to the profile that worked.
            order.Add(last);
        }

        if (order.Count == 0)
        {
            order.Add(0);
        }

        return order;
    }

    private NetworkConnectionProfileType? ProfileOf(int slot) => slot == 0 && Profiles.Get(0) is null ? null : Profiles.Get(slot);

    private ConnectionTarget TargetFor(int slot)
    {
        var profile = ProfileOf(slot);
        var url = profile is null ? _options.CsmsUrl : new Uri(profile.OcppCsmsUrl);
        var securityProfile = profile is null ? _options.SecurityProfile : (SecurityProfile)profile.SecurityProfile;
        var roots = _credentials.GetCsmsRootCertificates();
        return new ConnectionTarget
        {
            Name = "slot " + slot.ToString(CultureInfo.InvariantCulture),
            CsmsUrl = url,
            SecurityProfile = securityProfile,

            // B09.FR.28: the profile's own password if it has one, else SecurityCtrlr.BasicAuthPassword, else the configured one.
            BasicAuthPassword = profile?.BasicAuthPassword ?? _model.GetValue(PasswordKey),
            CsmsRootCertificates = roots.Count > 0 ? roots : null,
            ClientCertificate = _credentials.GetClientCertificate(),
        };
    }

    private string? ValidatePriority(string value)
    {
        foreach (var slot in ParsePriority(value))
        {
            // B10.FR.02: every listed slot must hold a valid profile; slot 0 is the configured one.
            var profile = ProfileOf(slot);
            if (profile is null && slot != 0)
            {
                return $"B10.FR.02: slot {slot} holds no network connection profile";
            }

            var securityProfile = profile?.SecurityProfile ?? (int)_options.SecurityProfile;
            if (securityProfile >= 2 && _credentials.GetCsmsRootCertificates().Count == 0)
            {
                return $"A05.FR.02: slot {slot} needs security profile {securityProfile} but no CSMSRootCertificate is installed";
            }

            if (securityProfile == 3 && _credentials.GetClientCertificate() is not { HasPrivateKey: true })
            {
                return $"A05.FR.03: slot {slot} needs security profile 3 but no ChargingStationCertificate is installed";
            }
        }

        return null;
    }

    private void OnVariableChanged(object? sender, VariableChangedEventArgs e)
    {
        if (!IsPassword(e.Key))
        {
            return;
        }

        // B09.FR.27: a new SecurityCtrlr.BasicAuthPassword replaces the password of every stored profile.
        foreach (var slot in ParsePriority(DeviceModelCatalog.NetworkProfileSlots))
        {
            if (Profiles.Get(slot) is { BasicAuthPassword: not null } profile)
            {
                profile.BasicAuthPassword = null;
                Profiles.Save(slot, profile);
            }
        }
    }

    private void OnChangeAnswered(object? sender, VariableChangedEventArgs e)
    {
        if (!IsPassword(e.Key))
        {
            return;
        }

        // A01.FR.11/12: the change goes to the security log, never the value.
        NetworkProfileLog.PasswordChanged(_logger);
        _ = LogThenReconnectAsync();
    }

    private async Task LogThenReconnectAsync()
    {
        // Queued first, so the event is either sent before the close or replayed on the new connection.
        if (_securityEvents is { } reporter)
        {
            await RaiseAsync(reporter, SecurityEventReporter.ReconfigurationOfSecurityParameters, "BasicAuthPassword changed (A01)").ConfigureAwait(false);
        }

        ReconnectRequested?.Invoke(this, EventArgs.Empty);
    }

    private void OnClientCertificateChanged(object? sender, EventArgs e)
    {
        // A02.FR.08: a renewed ChargingStationCertificate is used at once when the connection authenticates with it.
        if (ActiveSecurityProfile == 3)
        {
            ReconnectRequested?.Invoke(this, EventArgs.Empty);
        }
    }

    private static bool IsPassword(VariableKey key) =>
        string.Equals(key.Component, DeviceModelCatalog.SecurityCtrlr, StringComparison.OrdinalIgnoreCase)
        && string.Equals(key.Variable, "BasicAuthPassword", StringComparison.OrdinalIgnoreCase);

    private void Raise(string type, string techInfo, bool once)
    {
        if (_securityEvents is not { } reporter)
        {
            return;
        }

        if (once)
        {
            lock (_gate)
            {
                if (!_raisedSinceConnected.Add(type))
                {
                    return;
                }
            }
        }

        _ = RaiseAsync(reporter, type, techInfo);
    }

    private async Task RaiseAsync(SecurityEventReporter reporter, string type, string techInfo)
    {
        try
        {
            await reporter.RaiseAsync(type, techInfo, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Called from the connection loop: a full or closed queue must not stop reconnecting.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            NetworkProfileLog.SecurityEventFailed(_logger, type, ex);
        }
    }
}
