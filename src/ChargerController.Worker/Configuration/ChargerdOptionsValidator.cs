using Microsoft.Extensions.Options;

namespace ChargerController.Worker.Configuration;

/// <summary>Start-up validation: a misconfigured charger must refuse to start with a message a technician understands.</summary>
internal sealed class ChargerdOptionsValidator : IValidateOptions<ChargerdOptions>
{
    /// <summary>Longest identity OCPP allows (ChargingStation identity, Part 2 §B: identifierString, 48 chars).</summary>
    private const int MaxStationIdLength = 48;

    public ValidateOptionsResult Validate(string? name, ChargerdOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.StationId))
        {
            errors.Add("Chargerd:StationId is required (set it in the config file or pass --station-id).");
        }
        else if (options.StationId.Length > MaxStationIdLength || options.StationId.Any(c => char.IsControl(c) || c == ':'))
        {
            errors.Add($"Chargerd:StationId '{options.StationId}' must be 1-{MaxStationIdLength} printable characters without ':' (it is the Basic-auth user name).");
        }

        if (!string.IsNullOrEmpty(options.CsmsUrl)
            && (!Uri.TryCreate(options.CsmsUrl, UriKind.Absolute, out var uri) || (uri.Scheme != "ws" && uri.Scheme != "wss")))
        {
            errors.Add($"Chargerd:CsmsUrl '{options.CsmsUrl}' must be an absolute ws:// or wss:// URL.");
        }

        if (options.SecurityProfile is not (1 or 2))
        {
            errors.Add($"Chargerd:SecurityProfile must be 1 (ws:// + Basic auth) or 2 (wss:// + Basic auth) (got {options.SecurityProfile}).");
        }
        else if (!string.IsNullOrEmpty(options.CsmsUrl) && Uri.TryCreate(options.CsmsUrl, UriKind.Absolute, out var csms))
        {
            if (options.SecurityProfile == 1 && csms.Scheme != "ws")
            {
                errors.Add("Chargerd:SecurityProfile 1 uses a ws:// CsmsUrl; for wss:// set SecurityProfile 2.");
            }
            else if (options.SecurityProfile == 2 && csms.Scheme != "wss")
            {
                errors.Add("Chargerd:SecurityProfile 2 uses a wss:// CsmsUrl.");
            }

            if (options.SecurityProfile == 2 && string.IsNullOrWhiteSpace(options.CsmsRootCertificateFile))
            {
                errors.Add("Chargerd:SecurityProfile 2 needs Chargerd:CsmsRootCertificateFile (PEM of the CSMS root certificate).");
            }
        }

        if (options.Evses is < 1 or > 8)
        {
            errors.Add($"Chargerd:Evses must be between 1 and 8 (got {options.Evses}).");
        }

        if (!options.Simulate && options.Evses is > 1 and <= 8)
        {
            errors.Add($"Chargerd:Evses is {options.Evses}, but a board profile drives one EVSE: set it to 1 (more EVSEs are for --simulate).");
        }

        if (!options.Simulate && string.IsNullOrWhiteSpace(options.BoardProfile))
        {
            errors.Add("Chargerd:BoardProfile is required without --simulate (a file from hardware/boards, installed as /etc/chargercontroller/board.json).");
        }

        if (options.Demo && !options.Simulate)
        {
            errors.Add("--demo needs --simulate: the demonstration drives simulated hardware only.");
        }

        if (options.DemoChargingSeconds is < 1 or > 3600)
        {
            errors.Add($"Chargerd:DemoChargingSeconds must be between 1 and 3600 (got {options.DemoChargingSeconds}).");
        }

        if (string.IsNullOrWhiteSpace(options.StateDir))
        {
            errors.Add("Chargerd:StateDir is required.");
        }

        if (string.IsNullOrWhiteSpace(options.ControlSocket))
        {
            errors.Add("Chargerd:ControlSocket is required.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
