namespace ChargerController.Hardware.Abstractions.Metering;

/// <summary>Why a register reading is signed; signed data formats record it (OCMF field <c>TX</c>).</summary>
public enum MeterSigningContext
{
    /// <summary>Not part of a transaction (clock-aligned values of an idle EVSE, a triggered reading).</summary>
    Other,

    /// <summary>The first reading of a transaction.</summary>
    TransactionBegin,

    /// <summary>A reading while a transaction runs.</summary>
    TransactionUpdate,

    /// <summary>The last reading of a transaction.</summary>
    TransactionEnd,
}
