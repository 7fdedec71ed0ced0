using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.SmartCharging;
using ChargerController.Station.Runtime;
using ChargerController.Station.SmartCharging.Profiles;

namespace ChargerController.Station.SmartCharging.Handlers;

/// <summary>
/// GetChargingProfiles (K09): answers Accepted or NoProfiles, then reports the matches in ReportChargingProfilesRequests
/// with the same requestId, one per EVSE and chargingLimitSource, paged with <c>tbc</c> on all but the last (K09.FR.01/02).
/// </summary>
public sealed class GetChargingProfilesHandler :
    IOcppRequestHandler<GetChargingProfilesRequest, GetChargingProfilesResponse>,
    IOcppAfterResponse<GetChargingProfilesRequest, GetChargingProfilesResponse>
{
    private readonly ChargingProfileSet _profiles;
    private readonly IStationMessageSender _sender;
    private readonly int _perReport;

    /// <summary>Initializes a new instance of the <see cref="GetChargingProfilesHandler"/> class.</summary>
    /// <param name="profiles">Installed profiles.</param>
    /// <param name="sender">Sends the reports.</param>
    /// <param name="profilesPerReport">Page size.</param>
    public GetChargingProfilesHandler(ChargingProfileSet profiles, IStationMessageSender sender, int profilesPerReport)
    {
        _profiles = profiles;
        _sender = sender;
        _perReport = Math.Max(1, profilesPerReport);
    }

    /// <inheritdoc/>
    public ValueTask<GetChargingProfilesResponse> HandleAsync(GetChargingProfilesRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var any = Matching(request).Count > 0;
        return ValueTask.FromResult(new GetChargingProfilesResponse { Status = any ? GetChargingProfileStatusEnumType.Accepted : GetChargingProfileStatusEnumType.NoProfiles });
    }

    /// <inheritdoc/>
    public async ValueTask AfterResponseAsync(GetChargingProfilesRequest request, GetChargingProfilesResponse response, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        if (response.Status != GetChargingProfileStatusEnumType.Accepted)
        {
            return;
        }

        var pages = Matching(request)
            .GroupBy(p => (p.EvseId, p.ChargingLimitSource))
            .OrderBy(g => g.Key.EvseId)
            .SelectMany(g => g.OrderBy(p => p.Id).Chunk(_perReport).Select(chunk => (g.Key.EvseId, g.Key.ChargingLimitSource, chunk)))
            .ToList();
        for (var i = 0; i < pages.Count; i++)
        {
            var (evseId, source, chunk) = pages[i];
            var report = new ReportChargingProfilesRequest
            {
                RequestId = request.RequestId,
                ChargingLimitSource = source,
                EvseId = evseId,
                ChargingProfile = [.. chunk.Select(p => p.Profile)],
                Tbc = i < pages.Count - 1 ? true : null,
            };
            await _sender.CallAsync<ReportChargingProfilesRequest, ReportChargingProfilesResponse>(report, cancellationToken).ConfigureAwait(false);
        }
    }

    private List<InstalledChargingProfile> Matching(GetChargingProfilesRequest request) =>
        request.ChargingProfile is null ? [] : [.. _profiles.All.Where(p => ChargingProfileCriteria.Matches(p, request.EvseId, request.ChargingProfile))];
}
