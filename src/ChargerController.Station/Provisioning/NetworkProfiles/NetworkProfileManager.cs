using System.Globalization;
using System.Security.Cryptography.X509Certificates;
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
/// and authentication as security events (A04); reconnects at once with a new <c>BasicAuthPassword</c> (A01). The slots
/// are the instances of the 2.1 component <c>NetworkConfiguration</c>, settable through SetNetworkProfile or, for slots
/// outside the priority list, through SetVariables (B09 alternative scenario, B09.FR.20-35).
/// </summary>
public sealed class NetworkProfileManager : IStationModule, IConnectionTargetProvider
{
    private static readonly VariableKey PriorityKey = VariableKey.Of(DeviceModelCatalog.OcppCommCtrlr, "NetworkConfigurationPriority");
    private static readonly VariableKey PasswordKey = VariableKey.Of(DeviceModelCatalog.SecurityCtrlr, "BasicAuthPassword");
    private static readonly VariableKey ProfileKey = VariableKey.Of(DeviceModelCatalog.SecurityCtrlr, "SecurityProfile");
    private static readonly VariableKey IdentityKey = VariableKey.Of(DeviceModelCatalog.SecurityCtrlr, "Identity");
    private static readonly string[] SlotVariables = ["OcppCsmsUrl", "OcppInterface", "OcppTransport", "OcppVersion", "MessageTimeout", "SecurityProfile", "Identity", "BasicAuthPassword"];
    private readonly StationDeviceModel _model;
    private readonly NetworkProfileOptions _options;
    private readonly ITlsCredentialSource _credentials;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _raisedSinceConnected = new(StringComparer.Ordinal);
    private readonly List<int> _slots = ParsePriority(DeviceModelCatalog.NetworkProfileSlots);
    private List<int> _order;
    private int? _lastConnectedAtStart;
    private readonly string _configuredIdentity;
    private SecurityEventReporter? _securityEvents;
    private IBootNotificationControl? _boot;
    private Action<TimeSpan>? _setMessageTimeout;
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
        _configuredIdentity = model.Definitions.FirstOrDefault(d => d.Key == IdentityKey)?.InitialValue ?? string.Empty;
        Profiles.MigrateLegacy(_slots);
        Profiles.ShowConfigured(options);

        // B10.FR.04: after a reboot, begin with the first entry of NetworkConfigurationPriority.
        _lastConnectedAtStart = Profiles.GetLastConnectedSlot();
        _order = BuildOrder();
        _currentSlot = _order[0];
        _model.Changed += OnVariableChanged;
        _model.ChangeAnswered += OnChangeAnswered;
        _model.AddValidator(PriorityKey, ValidatePriority);
        foreach (var slot in _slots)
        {
            foreach (var variable in SlotVariables)
            {
                var captured = slot;
                var name = variable;
                _model.AddValidator(NetworkProfileStore.KeyOf(slot, variable), value => ValidateSlotVariable(captured, name, value));
            }
        }
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
    public IReadOnlyList<int> Order
    {
        get
        {
            lock (_gate)
            {
                return [.. _order];
            }
        }
    }

    /// <inheritdoc/>
    public void Attach(StationModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _securityEvents = context.SecurityEvents;
        _boot = context.Boot;
        _setMessageTimeout = context.SetMessageTimeout;
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
    public void OnConnected(ConnectionTarget? target, X509Certificate2Collection verifiedIssuers)
    {
        ArgumentNullException.ThrowIfNull(verifiedIssuers);
        OnConnected(target);
        if (verifiedIssuers.Count > 0)
        {
            _credentials.OnCsmsVerified(verifiedIssuers);
        }
    }

    /// <inheritdoc/>
    public void OnConnected(ConnectionTarget? target)
    {
        int slot;
        int? before;
        lock (_gate)
        {
            slot = _currentSlot;
            before = _activeSlot;
            _activeSlot = slot;
            _failures = 0;
            _raisedSinceConnected.Clear();
        }

        if (before is { } previousSlot && previousSlot != slot)
        {
            // B10.FR.10 (errata 2025-06): connected through another profile without a reboot, so register there with a
            // BootNotification; whether that CSMS knows the station already does not matter. The same slot again is a
            // plain reconnect (B04): no BootNotification.
            NetworkProfileLog.SwitchedProfile(_logger, previousSlot, slot);
            _boot?.ReestablishRegistration();
        }

        var connected = ProfileOf(slot);
        var profile = connected?.SecurityProfile ?? (int)_options.SecurityProfile;
        var previous = ActiveSecurityProfile;

        // B09 / NetworkConnectionProfile.messageTimeout: the profile in use decides how long a CALL waits; the
        // configuration file's profile uses OCPPCommCtrlr.MessageTimeout[Default]. Set before the first CALL goes out.
        var messageTimeout = connected?.MessageTimeout ?? _model.GetInt(DeviceModelCatalog.OcppCommCtrlr, "MessageTimeout", 30, "Default");
        _setMessageTimeout?.Invoke(TimeSpan.FromSeconds(Math.Max(1, messageTimeout)));

        // B09.FR.28 (errata 2025-09): the deprecated SecurityCtrlr variables follow the profile in use.
        _model.SetByStation(IdentityKey, connected?.Identity ?? _configuredIdentity);
        if (connected?.BasicAuthPassword is { } password)
        {
            _model.SetByStation(PasswordKey, password);
        }

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

    /// <summary>Checks a SetNetworkProfile request (B09.FR.02/04/05, errata 2025-09 reason codes).</summary>
    /// <param name="request">The request.</param>
    /// <returns>Null when acceptable, else why not.</returns>
    internal VariableRejection? Check(SetNetworkProfileRequest request)
    {
        if (!_slots.Contains(request.ConfigurationSlot))
        {
            return new(NetworkProfileValidator.InvalidConfSlot, "B09.FR.05: configurationSlot not in the valuesList of NetworkConfigurationPriority");
        }

        if (ActiveSlot == request.ConfigurationSlot)
        {
            return new(NetworkProfileValidator.ActiveNetworkConf, "configurationSlot is the profile in use");
        }

        var profile = request.ConnectionData;
        if (CheckDowngrade(profile.SecurityProfile) is { } downgrade)
        {
            return downgrade;
        }

        return NetworkProfileValidator.Check(profile) is { } problem ? new(NetworkProfileValidator.InvalidNetworkConf, problem) : null;
    }

    /// <summary>Stores an accepted profile.</summary>
    /// <param name="request">The request.</param>
    internal void Store(SetNetworkProfileRequest request) => Profiles.Save(request.ConfigurationSlot, request.ConnectionData);

    private VariableRejection? CheckDowngrade(int securityProfile)
    {
        var active = ActiveSecurityProfile;
        if (securityProfile < active && securityProfile >= 1)
        {
            // B09.FR.04/31/32/35: only 3 -> 2, and only when AllowSecurityProfileDowngrade is true.
            var allowed = _model.GetBool(DeviceModelCatalog.SecurityCtrlr, "AllowSecurityProfileDowngrade", false) && active == 3 && securityProfile == 2;
            if (!allowed)
            {
                return new(NetworkProfileValidator.NoSecurityDowngrade, $"B09.FR.04: security profile {securityProfile} is lower than the active {active}");
            }
        }

        return null;
    }

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
        var order = ParsePriority(_model.GetValue(PriorityKey)).Where(IsUsable).ToList();
        if (Profiles.GetLastConnectedSlot() is { } last && !order.Contains(last) && IsUsable(last))
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

    private bool IsUsable(int slot) => ProfileOf(slot) is { } profile ? NetworkProfileValidator.Check(profile) is null : slot == 0;

    // Slot 0 is the configuration file's profile until the CSMS writes it.
    private NetworkConnectionProfileType? ProfileOf(int slot) => slot == 0 && !Profiles.IsSetByCsms(0) ? null : Profiles.Get(slot);

    private ConnectionTarget TargetFor(int slot)
    {
        var profile = ProfileOf(slot);
        var url = profile is not null && Uri.TryCreate(profile.OcppCsmsUrl, UriKind.Absolute, out var stored) ? stored : _options.CsmsUrl;
        var securityProfile = profile is null ? _options.SecurityProfile : (SecurityProfile)profile.SecurityProfile;
        var roots = IsMigration(slot, url) ? _credentials.GetCsmsRootCertificatesForMigration() : _credentials.GetCsmsRootCertificates();
        return new ConnectionTarget
        {
            Name = "slot " + slot.ToString(CultureInfo.InvariantCulture),
            CsmsUrl = url,
            SecurityProfile = securityProfile,
            StationId = profile?.Identity,

            // B09.FR.28: the profile's own password if it has one, else SecurityCtrlr.BasicAuthPassword, else the configured one.
            BasicAuthPassword = profile?.BasicAuthPassword ?? _model.GetValue(PasswordKey),
            CsmsRootCertificates = roots.Count > 0 ? roots : null,
            ClientCertificate = _credentials.GetClientCertificate(),
        };
    }

    // B10 vs M05.FR.14/15: a slot other than the one that last worked, pointing at another CSMS, is a migration.
    private bool IsMigration(int slot, Uri url)
    {
        if (Profiles.GetLastConnectedSlot() is not { } last || last == slot)
        {
            return false;
        }

        var lastProfile = ProfileOf(last);
        var lastUrl = lastProfile is not null && Uri.TryCreate(lastProfile.OcppCsmsUrl, UriKind.Absolute, out var stored) ? stored : _options.CsmsUrl;
        return lastUrl != url;
    }

    private VariableRejection? ValidatePriority(string value)
    {
        foreach (var slot in ParsePriority(value))
        {
            // B10.FR.02, B09.FR.33/34: every listed slot must hold a valid profile; slot 0 may be the configured one.
            var profile = ProfileOf(slot);
            if (profile is null && slot != 0)
            {
                return new(NetworkProfileValidator.InvalidNetworkConf, $"B10.FR.02: slot {slot} holds no complete network connection profile (OcppCsmsUrl and SecurityProfile)");
            }

            if (profile is not null && NetworkProfileValidator.Check(profile) is { } problem)
            {
                return new(NetworkProfileValidator.InvalidNetworkConf, $"B09.FR.34: NetworkConfiguration {slot}: {problem}");
            }

            var securityProfile = profile?.SecurityProfile ?? (int)_options.SecurityProfile;
            if (securityProfile >= 2 && _credentials.GetCsmsRootCertificates().Count == 0)
            {
                return new(NetworkProfileValidator.InvalidNetworkConf, $"A05.FR.02: slot {slot} needs security profile {securityProfile} but no CSMSRootCertificate is installed");
            }

            if (securityProfile == 3 && _credentials.GetClientCertificate() is not { HasPrivateKey: true })
            {
                return new(NetworkProfileValidator.InvalidNetworkConf, $"A05.FR.03: slot {slot} needs security profile 3 but no ChargingStationCertificate is installed");
            }
        }

        return null;
    }

    private VariableRejection? ValidateSlotVariable(int slot, string variable, string value)
    {
        // B09.FR.22: a slot the station may use for its next connection attempt is never changed underneath it.
        int? active;
        lock (_gate)
        {
            active = _activeSlot;
        }

        if (ParsePriority(_model.GetValue(PriorityKey)).Contains(slot) || active == slot || Profiles.GetLastConnectedSlot() == slot)
        {
            return new(NetworkProfileValidator.ActiveNetworkConf, $"B09.FR.22: NetworkConfiguration {slot} is in NetworkConfigurationPriority or in use; remove it from the priority first");
        }

        // B09.FR.23/25: the value on its own; the whole slot is checked when it enters the priority list (B09.FR.33/34).
        var problem = variable switch
        {
            "OcppCsmsUrl" => NetworkProfileValidator.CheckUrl(value),
            "Identity" => NetworkProfileValidator.CheckIdentity(value),
            _ => null,
        };
        if (problem is not null)
        {
            return new(VariableRejection.InvalidValue, problem);
        }

        if (variable == "SecurityProfile" && CheckDowngrade(int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture)) is { } downgrade)
        {
            // B09.FR.32/35 (errata 2025-09).
            return downgrade;
        }

        return null;
    }

    private void OnVariableChanged(object? sender, VariableChangedEventArgs e)
    {
        if (IsPassword(e.Key))
        {
            // B09.FR.27 (errata 2025-09): a new SecurityCtrlr.BasicAuthPassword clears the password of the active profile,
            // so that the new one is used from the next connection on. The station's own mirror (B09.FR.28) is no change.
            if (ActiveOrLastSlot() is { } slot && ProfileOf(slot) is { BasicAuthPassword: { } own } && own != e.Value)
            {
                Profiles.ClearPassword(slot);
            }

            return;
        }

        if (IsSame(e.Key.Component, DeviceModelCatalog.NetworkConfiguration)
            && int.TryParse(e.Key.ComponentInstance, NumberStyles.None, CultureInfo.InvariantCulture, out var written)
            && !(IsSame(e.Key.Variable, "BasicAuthPassword") && e.Value.Length == 0))
        {
            // Written through SetVariables (B09.FR.24): from now on slot 0 is the CSMS's, no longer the configuration file's.
            Profiles.MarkSetByCsms(written);
            return;
        }

        if (IsSame(e.Key.Component, PriorityKey.Component) && IsSame(e.Key.Variable, PriorityKey.Variable))
        {
            // B09.FR.20/33 answer Accepted, so the new order counts from the next connection attempt (B10.FR.03 errata:
            // after a reboot or when the connection is lost); the connection in use stays up.
            lock (_gate)
            {
                _lastConnectedAtStart = Profiles.GetLastConnectedSlot();
                _order = BuildOrder();
                _index = 0;
                _failures = 0;
            }
        }
    }

    private int? ActiveOrLastSlot()
    {
        lock (_gate)
        {
            return _activeSlot ?? Profiles.GetLastConnectedSlot();
        }
    }

    private static bool IsSame(string? a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

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
