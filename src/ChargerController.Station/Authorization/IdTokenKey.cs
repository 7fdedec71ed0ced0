using ChargerController.Ocpp.DataTypes;

namespace ChargerController.Station.Authorization;

/// <summary>
/// The identity of an IdToken: C01.FR.25 makes two tokens equal when <c>idToken</c> and <c>type</c> are equal, so this
/// pair keys the local list and the cache (additionalInfo never takes part).
/// </summary>
/// <param name="IdToken">The idToken value, compared ordinally.</param>
/// <param name="Type">The IdTokenEnumStringType value (ISO14443, Central …).</param>
public readonly record struct IdTokenKey(string IdToken, string Type)
{
    /// <summary>Gets the key of a token.</summary>
    /// <param name="token">The token.</param>
    /// <returns>The key.</returns>
    public static IdTokenKey Of(IdTokenType token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new IdTokenKey(token.IdToken ?? string.Empty, token.Type ?? string.Empty);
    }

    /// <summary>Returns the token for logs: KeyCode values are masked (C04.FR.04: key codes never appear in logs).</summary>
    /// <returns>The printable form.</returns>
    public override string ToString() => string.Equals(Type, IdTokenTypes.KeyCode, StringComparison.Ordinal) ? $"***/{Type}" : $"{IdToken}/{Type}";
}
