using System.Globalization;
using System.Text;

namespace ChargerController.Station.Payment;

/// <summary>
/// Fills in a WebPaymentsCtrlr.URLTemplate (C25 "URL definition for dynamic QR code"): <c>{chargingstationid}</c>,
/// <c>{evse}</c>, <c>{roamingevseid}</c>, <c>{totp}</c> and <c>{version}</c>, then the driver's limits as query parameters.
/// </summary>
public static class WebPaymentUrl
{
    /// <summary>Builds the URL, or explains why the template cannot be used.</summary>
    /// <param name="template">The URL template.</param>
    /// <param name="chargingStationId">The station identity (SecurityCtrlr.Identity, or WebPaymentsCtrlr.ChargingStationId).</param>
    /// <param name="evseId">The EVSE the code is for.</param>
    /// <param name="roamingEvseId">WebPaymentsCtrlr.RoamingEvseId, if set.</param>
    /// <param name="totp">The one-time password, or null when no shared secret is configured (static code).</param>
    /// <param name="limits">The driver's limits (only the parameters listed in <paramref name="supported"/> are added).</param>
    /// <param name="supported">WebPaymentsCtrlr.URLParameters.</param>
    /// <param name="error">Why it failed.</param>
    /// <returns>The URL, or null.</returns>
    public static string? TryBuild(string? template, string chargingStationId, int evseId, string? roamingEvseId, string? totp, WebPaymentLimits? limits, IReadOnlyCollection<string> supported, out string? error)
    {
        ArgumentNullException.ThrowIfNull(supported);
        error = null;
        if (string.IsNullOrWhiteSpace(template))
        {
            error = "URLTemplate is empty";
            return null;
        }

        // C25.FR.50: the station (or its roaming EVSE id) must be identifiable from the URL.
        var hasStation = template.Contains("{chargingstationid}", StringComparison.Ordinal);
        var hasRoaming = template.Contains("{roamingevseid}", StringComparison.Ordinal);
        if (!hasStation && !hasRoaming)
        {
            error = "URLTemplate has neither {chargingstationid} nor {roamingevseid}";
            return null;
        }

        if (hasRoaming && string.IsNullOrEmpty(roamingEvseId))
        {
            error = "URLTemplate needs {roamingevseid} but RoamingEvseId is not set";
            return null;
        }

        var dynamic = template.Contains("{totp}", StringComparison.Ordinal);
        if (dynamic && string.IsNullOrEmpty(totp))
        {
            error = "URLTemplate needs {totp} but SharedSecret is not set";
            return null;
        }

        var url = new StringBuilder(template)
            .Replace("{chargingstationid}", Uri.EscapeDataString(chargingStationId)) // C25.FR.51
            .Replace("{evse}", evseId.ToString(CultureInfo.InvariantCulture)) // C25.FR.52
            .Replace("{roamingevseid}", Uri.EscapeDataString(roamingEvseId ?? string.Empty)) // C25.FR.53
            .Replace("{totp}", totp ?? string.Empty)
            .Replace("{version}", TotpV1.Version)
            .ToString();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
        {
            error = "URLTemplate does not give an http(s) URL";
            return null;
        }

        var query = new List<string>();
        if (limits is not null)
        {
            // C25.FR.56-58: only what the driver entered, in Wh, seconds and the tariff's currency.
            if (limits.MaxEnergyWh is { } energy && supported.Contains("maxenergy"))
            {
                query.Add("maxenergy=" + energy.ToString(CultureInfo.InvariantCulture));
            }

            if (limits.MaxTimeS is { } time && supported.Contains("maxtime"))
            {
                query.Add("maxtime=" + time.ToString(CultureInfo.InvariantCulture));
            }

            if (limits.MaxCost is { } cost && supported.Contains("maxcost"))
            {
                query.Add("maxcost=" + cost.ToString(CultureInfo.InvariantCulture));
            }
        }

        if (query.Count == 0)
        {
            return url;
        }

        var separator = url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return url + separator + string.Join('&', query);
    }
}
