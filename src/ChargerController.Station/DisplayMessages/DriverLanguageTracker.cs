using ChargerController.Ocpp.DataTypes;
using ChargerController.Station.Runtime;

namespace ChargerController.Station.DisplayMessages;

/// <summary>
/// Remembers the languages of the EV driver at the station from the IdTokenInfo the CSMS returned for the driver's token
/// (C01.FR.08/09, O01.FR.08: language1, then language2) until the driver's visit is over (no transaction runs any more).
/// Fed by <see cref="DriverLanguageAuthorizer"/>; read by the display (<see cref="IDriverLanguageSource"/>).
/// </summary>
public sealed class DriverLanguageTracker : IDriverLanguageSource, IDisposable
{
    private readonly Func<IStationTransactions?> _transactions;
    private readonly Lock _gate = new();
    private IReadOnlyList<string> _languages = [];
    private IStationTransactions? _subscribed;

    /// <summary>Initializes a new instance of the <see cref="DriverLanguageTracker"/> class.</summary>
    /// <param name="transactions">
    /// Resolves the transaction block at the first authorization (it is built after the authorizer this tracker feeds);
    /// <see langword="null"/> or returning <see langword="null"/>: the languages stay until the next driver's token.
    /// </param>
    public DriverLanguageTracker(Func<IStationTransactions?>? transactions = null) => _transactions = transactions ?? (() => null);

    /// <inheritdoc/>
    public IReadOnlyList<string> GetPreferredLanguages()
    {
        lock (_gate)
        {
            return _languages;
        }
    }

    /// <summary>
    /// A driver presented a token and the answer is known: the driver's languages replace the previous driver's (none
    /// when the answer gives no language1).
    /// </summary>
    /// <param name="info">The IdTokenInfo of the authorization.</param>
    public void OnAuthorized(IdTokenInfoType info)
    {
        ArgumentNullException.ThrowIfNull(info);
        Subscribe();
        lock (_gate)
        {
            _languages = LanguagesOf(info);
        }
    }

    /// <summary>
    /// The CSMS returned an IdTokenInfo later (TransactionEventResponse, C10.FR.05/C12): languages given there update the
    /// driver's; an answer without language1 leaves them.
    /// </summary>
    /// <param name="info">The IdTokenInfo.</param>
    public void OnInfoReceived(IdTokenInfoType info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var languages = LanguagesOf(info);
        if (languages.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            _languages = languages;
        }
    }

    /// <summary>Forgets the driver's languages.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _languages = [];
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_subscribed is not null)
            {
                _subscribed.TransactionEnded -= OnTransactionEnded;
                _subscribed = null;
            }
        }
    }

    private static IReadOnlyList<string> LanguagesOf(IdTokenInfoType info)
    {
        // C01.FR.10: language2 without language1 means nothing; C01.FR.11: the two differ, a repeat is dropped anyway.
        if (string.IsNullOrWhiteSpace(info.Language1))
        {
            return [];
        }

        return string.IsNullOrWhiteSpace(info.Language2) || LanguageTags.SameLanguage(info.Language1, info.Language2)
            ? [info.Language1]
            : [info.Language1, info.Language2];
    }

    private void Subscribe()
    {
        lock (_gate)
        {
            if (_subscribed is not null)
            {
                return;
            }
        }

        var transactions = _transactions();
        if (transactions is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_subscribed is null)
            {
                _subscribed = transactions;
                transactions.TransactionEnded += OnTransactionEnded;
            }
        }
    }

    private void OnTransactionEnded(object? sender, int evseId)
    {
        IStationTransactions? transactions;
        lock (_gate)
        {
            transactions = _subscribed;
        }

        // The last transaction ended: the driver has gone, the next one may speak another language.
        if (transactions is not null && !transactions.HasActiveTransaction(null))
        {
            Clear();
        }
    }
}
