using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.Provisioning.NetworkProfiles;

/// <summary>
/// The content checks a network connection profile must pass, whether it came in a SetNetworkProfileRequest (B09.FR.02)
/// or was assembled from NetworkConfiguration variables and is about to enter NetworkConfigurationPriority (B09.FR.34,
/// B10.FR.02). Pure functions.
/// </summary>
internal static class NetworkProfileValidator
{
    /// <summary>Reason code for an invalid profile (errata 2025-09 B09.FR.02/34).</summary>
    public const string InvalidNetworkConf = "InvalidNetworkConf";

    /// <summary>Reason code for a refused security profile downgrade (errata 2025-09 B09.FR.04/31/32/35).</summary>
    public const string NoSecurityDowngrade = "NoSecurityDowngrade";

    /// <summary>Reason code for a change of a slot that may be used for the next connection (errata 2025-09 B09.FR.22).</summary>
    public const string ActiveNetworkConf = "ActiveNetworkConf";

    /// <summary>Reason code for a configurationSlot outside the valuesList (errata 2025-09 B09.FR.05).</summary>
    public const string InvalidConfSlot = "InvalidConfSlot";

    /// <summary>Checks a whole profile.</summary>
    /// <param name="profile">The profile.</param>
    /// <returns>Null when usable, else why not.</returns>
    public static string? Check(NetworkConnectionProfileType profile)
    {
        if (profile.SecurityProfile is < 1 or > 3)
        {
            return "securityProfile must be 1, 2 or 3";
        }

        if (profile.OcppTransport != OCPPTransportEnumType.JSON)
        {
            return "only OCPP-J (JSON) is supported";
        }

        if (CheckUrl(profile.OcppCsmsUrl) is { } badUrl)
        {
            return badUrl;
        }

        var scheme = profile.SecurityProfile == 1 ? "ws" : "wss";
        if (new Uri(profile.OcppCsmsUrl).Scheme != scheme)
        {
            return $"security profile {profile.SecurityProfile} needs a {scheme}:// ocppCsmsUrl";
        }

        if (profile.MessageTimeout < 1)
        {
            return "messageTimeout must be at least 1 s";
        }

        if (profile.BasicAuthPassword is { Length: > 0 } password && password.Length is < 16 or > 40)
        {
            return "A00.FR.205: basicAuthPassword must have 16 to 40 characters";
        }

        if (profile.Identity is { Length: > 0 } identity && CheckIdentity(identity) is { } badIdentity)
        {
            return badIdentity;
        }

        if (profile.Apn is not null || profile.Vpn is not null)
        {
            // B09.FR.13: this station has no modem and no VPN client (ApnEnabled/VpnEnabled are false and ReadOnly).
            return "APN and VPN connections are not supported";
        }

        return null;
    }

    /// <summary>Checks an ocppCsmsUrl on its own (the scheme must fit the security profile, checked with the whole profile).</summary>
    /// <param name="value">The URL.</param>
    /// <returns>Null when acceptable, else why not.</returns>
    public static string? CheckUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "ws" or "wss" && string.IsNullOrEmpty(url.UserInfo)
            ? null
            : "ocppCsmsUrl must be an absolute ws:// or wss:// URL without credentials";

    /// <summary>Checks an identity: Part 4 §3.1.1, it becomes a URL path segment and the Basic-auth user (no ':', A00.FR.203).</summary>
    /// <param name="value">The identity.</param>
    /// <returns>Null when acceptable, else why not.</returns>
    public static string? CheckIdentity(string value) =>
        value.Length <= 48 && !value.Contains(':', StringComparison.Ordinal) && value.All(c => c > ' ' && c < 127)
            ? null
            : "identity must be at most 48 printable ASCII characters without ':'";
}
