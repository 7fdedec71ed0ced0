using System.Text.Json;
using ChargerController.Station.Payment;
using ChargerController.Station.Tests.Conformance.Transactions;

namespace ChargerController.Station.Tests.Conformance.C;

/// <summary>
/// OCPP 2.1 C18/C19/C20 with an integrated payment terminal (certification profile P-2.2, TC_C_105-113). The OCA
/// step-by-step scenarios are not available: each test follows the use case scenario its title names and the
/// requirements C18.FR.01-10, C19.FR.01/02, C20.FR.01-05.
/// </summary>
public sealed class IntegratedTerminalTests
{
    [Fact]
    public async Task TC_C_105_CS()
    {
        // C18.FR.04/07: AuthorizeDirectPayment; the CSMS answers Invalid: the amount is released, nobody charges.
        await using var rig = await PaymentRig.StartAsync(
            new Dictionary<string, string> { ["PaymentCtrlr.AuthorizeDirectPayment"] = "true" },
            script: csms => csms.Respond("Authorize", """{"idTokenInfo":{"status":"Invalid"}}"""));
        await rig.Tx.PlugAsync();
        var pspRef = rig.Terminal.Present(1, PaymentTerminalEventKind.Approved)!;
        var authorize = await rig.WaitForCallAsync("Authorize");
        Assert.Equal(pspRef, authorize.GetProperty("idToken").GetProperty("idToken").GetString());
        await rig.RunUntilAsync(() => rig.Terminal.Operations.Contains("cancel " + pspRef));
        await rig.Tx.RunForAsync(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(100));
        Assert.Null(rig.Tx.Sessions.SessionOf(1));
        Assert.False(rig.Tx.Controllers[0].Snapshot.ContactorClosed);
        Assert.Empty(rig.Events);
        Assert.Empty(rig.Calls("NotifySettlement"));
    }

    [Fact]
    public async Task TC_C_106_CS()
    {
        // C18.FR.01/03/06: only the terminal authorizes: no AuthorizeRequest; the Started event carries the DirectPayment
        // token with the configured payment details and maxCost = AuthorizationAmount.
        await using var rig = await PaymentRig.StartAsync();
        var pspRef = await rig.PayAsync();
        Assert.Equal(20m, rig.Terminal.ArmedAmount);
        await rig.Tx.PlugAsync();
        var started = await rig.Tx.WaitForEventAsync(e => e.EventType() == "Started");
        AssertPaymentToken(started, pspRef);
        Assert.Equal(20m, started.GetProperty("transactionInfo").GetProperty("transactionLimit").GetProperty("maxCost").GetDecimal());
        await rig.Tx.WaitForEventAsync(e => e.ChargingState() == "Charging");
        Assert.Empty(rig.Calls("Authorize"));
    }

    [Fact]
    public async Task TC_C_107_CS()
    {
        // C18.FR.04/05/06: terminal and CSMS authorize.
        await using var rig = await PaymentRig.StartAsync(new Dictionary<string, string> { ["PaymentCtrlr.AuthorizeDirectPayment"] = "true" });
        var pspRef = await rig.PayAsync();
        var authorize = Assert.Single(rig.Calls("Authorize"));
        AssertPaymentToken(authorize, pspRef);
        await rig.Tx.PlugAsync();
        var started = await rig.Tx.WaitForEventAsync(e => e.EventType() == "Started");
        AssertPaymentToken(started, pspRef);
        Assert.Equal(20m, started.GetProperty("transactionInfo").GetProperty("transactionLimit").GetProperty("maxCost").GetDecimal());
        await rig.Tx.WaitForEventAsync(e => e.ChargingState() == "Charging");
    }

    [Fact]
    public async Task TC_C_108_CS()
    {
        // C18.FR.08-10: a VAT number is validated before settlement and goes on the receipt (NotifySettlement).
        await using var rig = await PaymentRig.StartAsync(script: csms =>
        {
            csms.Respond("VatNumberValidation", request => $$$"""{"vatNumber":{{{request.GetProperty("vatNumber").GetRawText()}}},"evseId":1,"status":"Accepted","company":{"name":"ACME BV","address1":"Main 1","city":"Arnhem","country":"NL"}}""");
            csms.Respond("TransactionEvent", request => request.GetProperty("eventType").GetString() == "Ended" ? """{"totalCost":4.2}""" : "{}");
        });
        var pspRef = await rig.PayAsync();
        await rig.Tx.PlugAsync();
        await rig.Tx.WaitForEventAsync(e => e.ChargingState() == "Charging");
        var result = await rig.Module.ValidateVatNumberAsync("NL123456789B01", 1, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(VatNumberValidationStatus.Accepted, result.Status);
        Assert.Equal("ACME BV", result.Company!.Name);
        var request = Assert.Single(rig.Calls("VatNumberValidation"));
        Assert.Equal(("NL123456789B01", 1), (request.GetProperty("vatNumber").GetString(), request.GetProperty("evseId").GetInt32()));

        await rig.Tx.UnplugAsync();
        var settlement = await rig.WaitForCallAsync("NotifySettlement");
        Assert.Equal(("Settled", pspRef, "NL123456789B01"), (settlement.GetProperty("status").GetString(), settlement.GetProperty("pspRef").GetString(), settlement.GetProperty("vatNumber").GetString()));
        Assert.Equal("ACME BV", settlement.GetProperty("vatCompany").GetProperty("name").GetString());
    }

    [Fact]
    public async Task C18_FR_08_VatAnswerRejectedMalformedOrError_NeverThrows()
    {
        var answers = new Queue<string>(
        [
            """{"vatNumber":"NL1","status":"Rejected"}""",
            """{"vatNumber":"NL1","status":"Maybe"}""",
            """{"vatNumber":"OTHER","status":"Accepted"}""",
            """{"status":"Accepted"}""",
        ]);
        await using var rig = await PaymentRig.StartAsync(script: csms => csms.Respond("VatNumberValidation", _ => answers.Dequeue()));
        Assert.Equal(VatNumberValidationStatus.Rejected, (await Validate(rig)).Status);

        // A status outside the enum, an answer about another number, a missing required field: not validated, no crash.
        Assert.Equal(VatNumberValidationStatus.Unavailable, (await Validate(rig)).Status);
        Assert.Equal(VatNumberValidationStatus.Unavailable, (await Validate(rig)).Status);
        Assert.Equal(VatNumberValidationStatus.Unavailable, (await Validate(rig)).Status);
        rig.Csms.RespondWithError("VatNumberValidation", "InternalError", "down");
        Assert.Equal(VatNumberValidationStatus.Unavailable, (await Validate(rig)).Status);
        Assert.True(rig.Tx.Harness.Runtime.IsConnected);

        static Task<VatNumberValidationResult> Validate(PaymentRig rig) => rig.Module.ValidateVatNumberAsync("NL1", null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task TC_C_109_CS()
    {
        // C19.FR.01: only the terminal authorized; no EV within EVConnectionTimeOut: released, CSMS not told.
        await using var rig = await PaymentRig.StartAsync(new Dictionary<string, string> { ["TxCtrlr.EVConnectionTimeOut"] = "30" });
        var pspRef = await rig.PayAsync();
        await rig.RunUntilAsync(() => rig.Terminal.Operations.Contains("cancel " + pspRef), TimeSpan.FromSeconds(40));
        Assert.Null(rig.Tx.Sessions.SessionOf(1));
        Assert.Empty(rig.Calls("NotifySettlement"));
        Assert.Empty(rig.Events);
    }

    [Fact]
    public async Task TC_C_110_CS()
    {
        // C19.FR.01/02: terminal and CSMS authorized; the driver cancels before plugging in: NotifySettlement Canceled.
        await using var rig = await PaymentRig.StartAsync(new Dictionary<string, string> { ["PaymentCtrlr.AuthorizeDirectPayment"] = "true" });
        var pspRef = await rig.PayAsync();
        rig.Terminal.Cancel(pspRef);
        var settlement = await rig.WaitForCallAsync("NotifySettlement");
        AssertCanceledWithoutTransaction(settlement, pspRef, rig);
        Assert.Contains("cancel " + pspRef, rig.Terminal.Operations);
        Assert.Empty(rig.Events);
    }

    [Fact]
    public async Task TC_C_111_CS()
    {
        // C19.FR.01: only the terminal authorized; the driver cancels: released, CSMS not told (it never saw the token).
        await using var rig = await PaymentRig.StartAsync();
        var pspRef = await rig.PayAsync();
        rig.Terminal.Cancel(pspRef);
        await rig.RunUntilAsync(() => rig.Terminal.Operations.Contains("cancel " + pspRef));
        await rig.Tx.RunForAsync(TimeSpan.FromSeconds(2));
        Assert.Null(rig.Tx.Sessions.SessionOf(1));
        Assert.Empty(rig.Calls("NotifySettlement"));
    }

    [Fact]
    public async Task TC_C_112_CS()
    {
        // C19.FR.01/02: terminal and CSMS authorized; EVConnectionTimeOut: NotifySettlement Canceled.
        await using var rig = await PaymentRig.StartAsync(new Dictionary<string, string> { ["PaymentCtrlr.AuthorizeDirectPayment"] = "true", ["TxCtrlr.EVConnectionTimeOut"] = "30" });
        var pspRef = await rig.PayAsync();
        await rig.RunUntilAsync(() => rig.Calls("NotifySettlement").Count > 0, TimeSpan.FromSeconds(40));
        AssertCanceledWithoutTransaction(rig.Calls("NotifySettlement")[0], pspRef, rig);
    }

    [Fact]
    public async Task TC_C_113_CS()
    {
        // C20.FR.01/03/04/05: the transaction started (TxStartPoint Authorized) but no energy; the driver cancels:
        // Ended StopAuthorized, totalCost 0, the payment is released and NotifySettlement Canceled names the transaction.
        await using var rig = await PaymentRig.StartAsync(
            new Dictionary<string, string> { ["TxCtrlr.TxStartPoint"] = "Authorized" },
            script: csms => csms.Respond("TransactionEvent", request => request.GetProperty("eventType").GetString() == "Ended" ? """{"totalCost":0}""" : "{}"));
        var pspRef = await rig.PayAsync();
        var started = await rig.Tx.WaitForEventAsync(e => e.EventType() == "Started");
        AssertPaymentToken(started, pspRef);
        rig.Terminal.Cancel(pspRef);
        var ended = await rig.Tx.WaitForEventAsync(e => e.EventType() == "Ended");
        Assert.Equal("StopAuthorized", ended.Trigger());
        var settlement = await rig.WaitForCallAsync("NotifySettlement");
        Assert.Equal(("Canceled", pspRef, started.TxId()), (settlement.GetProperty("status").GetString(), settlement.GetProperty("pspRef").GetString(), settlement.GetProperty("transactionId").GetString()));
        Assert.Equal(0m, settlement.GetProperty("settlementAmount").GetDecimal());
        Assert.Contains("cancel " + pspRef, rig.Terminal.Operations);
        Assert.DoesNotContain(rig.Terminal.Operations, o => o.StartsWith("settle", StringComparison.Ordinal));
    }

    [Fact]
    public async Task C18_DeclinedFailedOrBrokenTerminal_NobodyAuthorized_ContactorOpen()
    {
        await using var rig = await PaymentRig.StartAsync();
        await rig.Tx.PlugAsync();
        rig.Terminal.Present(1, PaymentTerminalEventKind.Declined);
        rig.Terminal.Present(1, PaymentTerminalEventKind.Failed);
        await rig.Tx.RunForAsync(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(100));
        await rig.Module.WhenIdleAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Null(rig.Tx.Sessions.SessionOf(1));
        Assert.False(rig.Tx.Controllers[0].Snapshot.ContactorClosed);
        Assert.Empty(rig.Events);

        // A terminal that stops answering: PaymentCtrlr.Problem, still nobody charges, the station keeps running.
        rig.Terminal.Broken = true;
        rig.Terminal.Present(1, PaymentTerminalEventKind.Approved);
        await rig.RunUntilAsync(() => rig.Tx.Harness.Model.GetBool("PaymentCtrlr", "Problem", false), TimeSpan.FromSeconds(20));
        Assert.Null(rig.Tx.Sessions.SessionOf(1));
        Assert.False(rig.Tx.Controllers[0].Snapshot.ContactorClosed);

        // Back: the card read while broken is lost; the next one charges and the problem clears.
        rig.Terminal.Broken = false;
        var pspRef = rig.Terminal.Present(1, PaymentTerminalEventKind.Approved);
        await rig.RunUntilAsync(() => rig.Tx.Sessions.SessionOf(1) is not null, TimeSpan.FromSeconds(20));
        Assert.False(rig.Tx.Harness.Model.GetBool("PaymentCtrlr", "Problem", true));
        Assert.Equal(pspRef, rig.Tx.Sessions.SessionOf(1)!.IdToken);
    }

    [Fact]
    public async Task C18_PaymentDisabled_TerminalNotArmed()
    {
        // PaymentCtrlr.Enabled false (the default, a home charger): the terminal is never armed.
        await using var rig = await PaymentRig.StartAsync(new Dictionary<string, string> { ["PaymentCtrlr.Enabled"] = "false" });
        rig.Terminal.Present(1, PaymentTerminalEventKind.Approved);
        await rig.Tx.RunForAsync(TimeSpan.FromSeconds(2));
        await rig.Module.WhenIdleAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Null(rig.Terminal.ArmedAmount);
        Assert.Null(rig.Tx.Sessions.SessionOf(1));

        rig.Tx.Harness.Model.TrySet(Station.DeviceModel.VariableKey.Of("PaymentCtrlr", "Enabled"), null, "true", out _);
        await rig.RunUntilAsync(() => rig.Tx.Sessions.SessionOf(1) is not null);
    }

    private static void AssertPaymentToken(JsonElement message, string pspRef)
    {
        var token = message.GetProperty("idToken");
        Assert.Equal((pspRef, "DirectPayment"), (token.GetProperty("idToken").GetString(), token.GetProperty("type").GetString()));

        // PaymentCtrlr.PaymentDetails (default PspRef,PaymentBrand,CardBin,CardLast4Digits): PaymentRecognition is not sent.
        var info = token.GetProperty("additionalInfo").EnumerateArray().ToDictionary(i => i.GetProperty("type").GetString()!, i => i.GetProperty("additionalIdToken").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["CardBin"] = "411111", ["CardLast4Digits"] = "1111", ["PaymentBrand"] = "Visa" }, info);
    }

    private static void AssertCanceledWithoutTransaction(JsonElement settlement, string pspRef, PaymentRig rig)
    {
        Assert.Equal(("Canceled", pspRef), (settlement.GetProperty("status").GetString(), settlement.GetProperty("pspRef").GetString()));
        Assert.False(settlement.TryGetProperty("transactionId", out _));
        Assert.Equal(0m, settlement.GetProperty("settlementAmount").GetDecimal());
        Assert.Equal(rig.Tx.Harness.Time.GetUtcNow(), settlement.GetProperty("settlementTime").GetDateTimeOffset(), TimeSpan.FromSeconds(5));
    }
}
