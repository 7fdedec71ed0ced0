using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ChargerController.Station.Provisioning;

/// <summary>Sizes of OCPP messages as the <c>BytesPerMessage</c> limits of DeviceDataCtrlr count them (the whole RPC frame).</summary>
public static class MessageSize
{
    /// <summary>
    /// Room for the RPC envelope around a payload: <c>[2,"&lt;id up to 36 chars&gt;","&lt;action&gt;",</c> … <c>]</c>
    /// (Part 4 §4.2.1; the longest action name of the messages sized here is under 24 characters).
    /// </summary>
    public const int EnvelopeBytes = 72;

    /// <summary>The frame size of a message: its UTF-8 JSON payload plus <see cref="EnvelopeBytes"/>.</summary>
    /// <typeparam name="T">Message type.</typeparam>
    /// <param name="message">The message.</param>
    /// <param name="typeInfo">Its source-generated metadata.</param>
    /// <returns>Bytes.</returns>
    public static int Of<T>(T message, JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.SerializeToUtf8Bytes(message, typeInfo).Length + EnvelopeBytes;
}
