using ChargerController.Station.Payment;
using ChargerController.Station.Tests.Conformance.Transactions;
using ChargerController.Testing.Csms;

namespace ChargerController.Station.Tests.Conformance.C;

/// <summary>
/// OCPP 2.1 C25 ad hoc payment via a static or dynamic QR code (certification profile P-2.4, TC_C_127-130). The OCA
/// step-by-step scenarios are not available: each test is derived from the use case's requirements (C25.FR.01-06, 22,
/// 27, 50-58) and its scenario #1 (QR shown, NotifyWebPaymentStarted, RequestStartTransaction with a DirectPayment token,
/// transactionLimit as E16).
/// </summary>
public sealed class QrCodePaymentTests
{
    private const string Secret = "cs001-shared-secret";
    private const string Template = "https://qr.csms.example/{chargingstationid}/{evse}/{totp}/{version}";
    private const string RemoteStart = """{"idToken":{"idToken":"PSP-WEB-77","type":"DirectPayment","additionalInfo":[{"additionalIdToken":"1234","type":"CardLast4Digits"}]},"remoteStartId":7,"evseId":1}""";

    private static Dictionary<string, string> QrConfig() => new()
    {
        ["WebPaymentsCtrlr.Enabled"] = "true",
        ["WebPaymentsCtrlr.URLTemplate"] = Template,
        ["WebPaymentsCtrlr.SharedSecret"] = Secret,
        ["WebPaymentsCtrlr.ValidityTime"] = "30",
        ["WebPaymentsCtrlr.Length"] = "8",
        ["AuthCtrlr.AuthorizeRemoteStart"] = "false",
    };

    [Fact]
    public async Task TC_C_127_CS()
    {
        // No URL parameters: the dynamic code carries station, EVSE, TOTP v1 and version only (C25.FR.01/50-52).
        await using var rig = await PaymentRig.StartAsync(QrConfig(), withTerminal: false);
        await rig.RunUntilAsync(() => rig.Module.QrCodeUrl(1) is not null);
        var now = rig.Tx.Harness.Time.GetUtcNow();
        var expected = $"https://qr.csms.example/CS001/1/{TotpV1.Compute(Secret, now, TimeSpan.FromSeconds(30), 8)}/v1";
        Assert.Equal(expected, rig.Module.QrCodeUrl(1));
        Assert.Contains((1, "qr", expected), rig.Display.Shown);
        Assert.DoesNotContain('?', rig.Module.QrCodeUrl(1)!);

        // A new password every ValidityTime, on the interval boundary the CSMS validates against.
        var next = TotpV1.NextChange(now, TimeSpan.FromSeconds(30));
        await rig.RunUntilAsync(() => rig.Module.QrCodeUrl(1) != expected, TimeSpan.FromSeconds(40));
        Assert.True(rig.Tx.Harness.Time.GetUtcNow() >= next);
        Assert.EndsWith("/" + TotpV1.Compute(Secret, next, TimeSpan.FromSeconds(30), 8) + "/v1", rig.Module.QrCodeUrl(1), StringComparison.Ordinal);

        // C25.FR.21/22/27: NotifyWebPaymentStarted is answered empty; the EVSE shows feedback instead of the code.
        var reply = await rig.Tx.Session.CallAsync("NotifyWebPaymentStarted", """{"evseId":1,"timeout":120}""");
        Assert.Equal(3, reply[0].GetInt32());
        Assert.Empty(reply[2].EnumerateObject());
        await rig.RunUntilAsync(() => rig.Module.QrCodeUrl(1) is null);
        Assert.True(rig.Module.IsHeldForWebPayment(1));
        Assert.Contains(rig.Display.Shown, s => s.EvseId == 1 && s.Kind == "text");

        // C25.FR.23-26: the CSMS starts the transaction with the pspRef as DirectPayment token; its maxCost is enforced (E16).
        rig.Csms.Respond("TransactionEvent", request => request.GetProperty("seqNo").GetInt32() == 0 ? """{"transactionLimit":{"maxCost":15}}""" : "{}");
        Assert.Equal("Accepted", (await rig.Tx.Session.CallAsync("RequestStartTransaction", RemoteStart))[2].GetProperty("status").GetString());
        await rig.Tx.PlugAsync();
        var started = await rig.Tx.WaitForEventAsync(e => e.EventType() == "Started");
        Assert.Equal("PSP-WEB-77", started.IdToken());
        Assert.Equal("DirectPayment", started.GetProperty("idToken").GetProperty("type").GetString());
        var limitSet = await rig.Tx.WaitForEventAsync(e => e.Trigger() == "LimitSet");
        Assert.Equal(15m, limitSet.GetProperty("transactionInfo").GetProperty("transactionLimit").GetProperty("maxCost").GetDecimal());
        await rig.RunUntilAsync(() => !rig.Module.IsHeldForWebPayment(1));
        Assert.Null(rig.Module.QrCodeUrl(1));

        // C25.FR.40: settlement is the CSMS's business with the PSP; the station sends no NotifySettlement.
        await rig.Tx.UnplugAsync();
        await rig.Tx.WaitForEventAsync(e => e.EventType() == "Ended");
        await rig.RunUntilAsync(() => rig.Module.QrCodeUrl(1) is not null);
        Assert.Empty(rig.Calls("NotifySettlement"));
    }

    [Fact]
    public async Task TC_C_128_CS()
    {
        // URL parameter maxTime: in the URL (C25.FR.57) and enforced as transactionLimit.maxTime (C25.FR.04).
        await using var rig = await StartedWithLimitsAsync(new WebPaymentLimits(MaxTimeS: 60), "?maxtime=60");
        var limitSet = await rig.Tx.WaitForEventAsync(e => e.Trigger() == "LimitSet");
        Assert.Equal(60, Limit(limitSet).GetProperty("maxTime").GetInt32());
        var reached = await rig.Tx.WaitForEventAsync(e => e.Trigger() == "TimeLimitReached", TimeSpan.FromMinutes(3));
        Assert.Equal("SuspendedEVSE", reached.ChargingState());
        await rig.Tx.RunUntilAsync(() => !rig.Tx.Controllers[0].Snapshot.ContactorClosed);
    }

    [Fact]
    public async Task TC_C_129_CS()
    {
        // URL parameter maxCost (C25.FR.58/06): enforced against the CSMS's running cost (central cost calculation).
        await using var rig = await StartedWithLimitsAsync(new WebPaymentLimits(MaxCost: 2.5m), "?maxcost=2.5", seqNo => seqNo >= 3 ? """{"totalCost":2.5}""" : """{"totalCost":0.5}""", updatedInterval: "10");
        var limitSet = await rig.Tx.WaitForEventAsync(e => e.Trigger() == "LimitSet");
        Assert.Equal(2.5m, Limit(limitSet).GetProperty("maxCost").GetDecimal());
        var reached = await rig.Tx.WaitForEventAsync(e => e.Trigger() == "CostLimitReached", TimeSpan.FromMinutes(3));
        Assert.Equal("SuspendedEVSE", reached.ChargingState());
        await rig.Tx.RunUntilAsync(() => !rig.Tx.Controllers[0].Snapshot.ContactorClosed);
    }

    [Fact]
    public async Task TC_C_130_CS()
    {
        // URL parameter maxEnergy (C25.FR.56/05): the energy stops at the driver's limit.
        await using var rig = await StartedWithLimitsAsync(new WebPaymentLimits(MaxEnergyWh: 100), "?maxenergy=100");
        var limitSet = await rig.Tx.WaitForEventAsync(e => e.Trigger() == "LimitSet");
        Assert.Equal(100m, Limit(limitSet).GetProperty("maxEnergy").GetDecimal());
        var reached = await rig.Tx.WaitForEventAsync(e => e.Trigger() == "EnergyLimitReached", TimeSpan.FromMinutes(3));
        Assert.Equal("SuspendedEVSE", reached.ChargingState());
        await rig.Tx.RunUntilAsync(() => !rig.Tx.Controllers[0].Snapshot.ContactorClosed);
    }

    [Fact]
    public async Task C25_StaticTemplate_NoSecretNeeded_InvalidTemplate_NoCode()
    {
        // Static QR code: no {totp}, so no SharedSecret is needed (TOTP requirements do not apply).
        var config = QrConfig();
        config["WebPaymentsCtrlr.URLTemplate"] = "https://pay.example/{chargingstationid}/{evse}";
        config["WebPaymentsCtrlr.SharedSecret"] = string.Empty;
        await using var rig = await PaymentRig.StartAsync(config, withTerminal: false);
        await rig.RunUntilAsync(() => rig.Module.QrCodeUrl(1) is not null);
        Assert.Equal("https://pay.example/CS001/1", rig.Module.QrCodeUrl(1));

        // C25.FR.50 violated (no station placeholder): no code rather than a code nobody can decode.
        Assert.Equal(Ocpp.Enums.SetVariableStatusEnumType.Accepted, rig.Tx.Harness.Model.TrySet(Station.DeviceModel.VariableKey.Of("WebPaymentsCtrlr", "URLTemplate"), null, "https://pay.example/{evse}", out _));
        await rig.RunUntilAsync(() => rig.Module.QrCodeUrl(1) is null);

        // Disabled: nothing shown (C25.FR.01), and the module keeps running.
        rig.Tx.Harness.Model.TrySet(Station.DeviceModel.VariableKey.Of("WebPaymentsCtrlr", "URLTemplate"), null, "https://pay.example/{chargingstationid}", out _);
        await rig.RunUntilAsync(() => rig.Module.QrCodeUrl(1) is not null);
        rig.Tx.Harness.Model.TrySet(Station.DeviceModel.VariableKey.Of("WebPaymentsCtrlr", "Enabled"), null, "false", out _);
        await rig.RunUntilAsync(() => rig.Module.QrCodeUrl(1) is null);
    }

    [Fact]
    public async Task C25_FR_27_NotifyWebPaymentStarted_UnknownEvse_AnsweredNothingHeld_TimeoutReleases()
    {
        await using var rig = await PaymentRig.StartAsync(QrConfig(), withTerminal: false);
        await rig.RunUntilAsync(() => rig.Module.QrCodeUrl(1) is not null);
        var reply = await rig.Tx.Session.CallAsync("NotifyWebPaymentStarted", """{"evseId":9,"timeout":60}""");
        Assert.Equal(3, reply[0].GetInt32());
        Assert.False(rig.Module.IsHeldForWebPayment(9));

        // C25.FR.22: after timeout seconds without a RequestStartTransaction the EVSE is free again.
        await rig.Tx.Session.CallAsync("NotifyWebPaymentStarted", """{"evseId":1,"timeout":20}""");
        await rig.RunUntilAsync(() => rig.Module.QrCodeUrl(1) is null);
        await rig.RunUntilAsync(() => rig.Module.QrCodeUrl(1) is not null, TimeSpan.FromSeconds(60));
        Assert.False(rig.Module.IsHeldForWebPayment(1));
    }

    [Fact]
    public async Task C25_Ocpp201Connection_NotifyWebPaymentStartedNotImplemented()
    {
        // 2.1-only messages never apply on a 2.0.1 connection.
        await using var old = await StationHarness.StartAsync(
            setup: new HarnessSetup { Csms = new LoopbackCsmsOptions { BasicAuthPassword = "0123456789abcdef", SupportedSubprotocols = ["ocpp2.0.1"] } },
            modules: h =>
            {
                var sessions = new RecordingPaymentSessions();
                return [new PaymentModule(new SimulatedPaymentTerminal(), sessions, new CsmsTotalCostSource(), new RecordingPaymentDisplay(), 2, "CS001")];
            });
        await old.WaitAcceptedAsync();
        var reply = await old.Session.CallAsync("NotifyWebPaymentStarted", """{"evseId":1,"timeout":60}""");
        Assert.Equal(4, reply[0].GetInt32());
        var module = Assert.IsType<PaymentModule>(Assert.Single(old.Modules));
        Assert.False(module.Is21);
        Assert.Equal(VatNumberValidationStatus.Unavailable, (await module.ValidateVatNumberAsync("NL123", null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10))).Status);
        Assert.DoesNotContain(old.Session.FromStation, f => f.Action == "VatNumberValidation");
    }

    private static async Task<PaymentRig> StartedWithLimitsAsync(WebPaymentLimits limits, string query, Func<int, string>? costs = null, string updatedInterval = "0")
    {
        var config = QrConfig();
        config["SampledDataCtrlr.TxUpdatedInterval"] = updatedInterval;
        var rig = await PaymentRig.StartAsync(config, withTerminal: false);
        rig.Csms.Respond("TransactionEvent", request => costs?.Invoke(request.GetProperty("seqNo").GetInt32()) ?? "{}");
        await rig.RunUntilAsync(() => rig.Module.QrCodeUrl(1) is not null);

        // C25.FR.03: the driver's input before the code is shown.
        await rig.Module.SetQrLimitsAsync(1, limits).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.EndsWith("/v1" + query, rig.Module.QrCodeUrl(1), StringComparison.Ordinal);
        Assert.Contains(rig.Display.Shown, s => s.EvseId == 1 && s.Kind == "qr" && s.Content!.EndsWith(query, StringComparison.Ordinal));

        Assert.Equal("Accepted", (await rig.Tx.Session.CallAsync("RequestStartTransaction", RemoteStart))[2].GetProperty("status").GetString());
        await rig.Tx.PlugAsync();
        await rig.Tx.WaitForEventAsync(e => e.EventType() == "Started");
        return rig;
    }

    private static System.Text.Json.JsonElement Limit(System.Text.Json.JsonElement e) => e.GetProperty("transactionInfo").GetProperty("transactionLimit");
}
