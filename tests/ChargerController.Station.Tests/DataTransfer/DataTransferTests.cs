using System.Text.Json;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.DataTransfer;
using ChargerController.Station.DataTransfer;
using ChargerController.Station.Tests.Conformance;

namespace ChargerController.Station.Tests.DataTransfer;

/// <summary>DataTransfer both ways (P01/P02).</summary>
public sealed class DataTransferTests
{
    [Fact]
    public async Task TC_P_01_CS()
    {
        await using var h = await StationHarness.StartAsync(vendors: [new EchoVendor()]);
        await h.WaitAcceptedAsync();
        Assert.Equal("UnknownVendorId", (await h.Session.CallAsync("DataTransfer", """{"vendorId":"com.unknown"}"""))[2].GetProperty("status").GetString());
        Assert.Equal("UnknownMessageId", (await h.Session.CallAsync("DataTransfer", """{"vendorId":"org.example","messageId":"nope"}"""))[2].GetProperty("status").GetString());
        var echo = await h.Session.CallAsync("DataTransfer", """{"vendorId":"org.example","messageId":"echo","data":{"x":1}}""");
        Assert.Equal("Accepted", echo[2].GetProperty("status").GetString());
        Assert.Equal(1, echo[2].GetProperty("data").GetProperty("x").GetInt32());
    }

    [Fact]
    public async Task DataTransferToCsms_UnknownVendor_StatusReturnedToCaller()
    {
        await using var h = await StationHarness.StartAsync();
        await h.WaitAcceptedAsync();
        h.Csms.Respond("DataTransfer", """{"status":"UnknownVendorId"}""");
        var response = await h.Runtime.DataTransfer.SendAsync("org.example", "hello", null, CancellationToken.None);
        Assert.Equal(DataTransferStatusEnumType.UnknownVendorId, response.Status);
        Assert.Equal("org.example", h.Calls("DataTransfer")[0].GetProperty("vendorId").GetString());
    }

    [Fact]
    public async Task TC_P_03_CS()
    {
        // customData the station does not know is accepted and ignored.
        await using var h = await StationHarness.StartAsync();
        await h.WaitAcceptedAsync();
        var reply = await h.Session.CallAsync("GetVariables", """{"customData":{"vendorId":"org.example","foo":1},"getVariableData":[{"component":{"name":"OCPPCommCtrlr","customData":{"vendorId":"org.example"}},"variable":{"name":"OfflineThreshold"}}]}""");
        Assert.Equal(3, reply[0].GetInt32());
        Assert.Equal("Accepted", reply[2].GetProperty("getVariableResult")[0].GetProperty("attributeStatus").GetString());
    }

    private sealed class EchoVendor : IDataTransferVendorHandler
    {
        public string VendorId => "org.example";

        public ValueTask<DataTransferResponse> HandleAsync(DataTransferRequest request, CancellationToken cancellationToken) =>
            ValueTask.FromResult(request.MessageId == "echo"
                ? new DataTransferResponse { Status = DataTransferStatusEnumType.Accepted, Data = request.Data }
                : new DataTransferResponse { Status = DataTransferStatusEnumType.UnknownMessageId });
    }
}
