namespace ChargerController.Station.Tariffs;

/// <summary>The outcome of checking a tariff (I07.FR.02-05, I11.FR.02/03, I08.FR.30).</summary>
public enum TariffCheck
{
    /// <summary>The tariff can be used.</summary>
    Ok,

    /// <summary>A field holds more prices than MaxElements[Tariff] (I07.FR.02).</summary>
    TooManyElements,

    /// <summary>The tariff has conditions and ConditionsSupported[Tariff] is false (I07.FR.03).</summary>
    ConditionNotSupported,

    /// <summary>The structure is not valid (I07.FR.05: Rejected, reasonCode InvalidValue).</summary>
    Invalid,
}
