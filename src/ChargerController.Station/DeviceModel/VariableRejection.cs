namespace ChargerController.Station.DeviceModel;

/// <summary>
/// Why a block refused a SetVariables value, as the CSMS sees it in <c>attributeStatusInfo</c>: a reason code from the
/// appendix "Reason codes" list (e.g. <c>ActiveNetworkConf</c>, <c>InvalidNetworkConf</c>, <c>NoSecurityDowngrade</c>)
/// and a human-readable detail.
/// </summary>
/// <param name="ReasonCode">The reasonCode (at most 20 characters).</param>
/// <param name="AdditionalInfo">The additionalInfo (at most 1024 characters; never a secret).</param>
public sealed record VariableRejection(string ReasonCode, string AdditionalInfo)
{
    /// <summary>The reason code used when a block gave no specific one.</summary>
    public const string InvalidValue = "InvalidValue";
}
