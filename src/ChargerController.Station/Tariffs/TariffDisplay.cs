using ChargerController.Ocpp.Enums;
using ChargerController.Station.DisplayMessages;

namespace ChargerController.Station.Tariffs;

/// <summary>
/// Puts the tariff block's own texts (tariff, running cost, total cost, fallback messages) on the display through the
/// <see cref="IDisplayMessageSink"/>s of block O. A CSMS message on the display has precedence: while the display
/// block shows one, the station's text is not pushed (the next cost update shows it again once the CSMS message is gone).
/// Station texts carry id <see cref="StationTextId"/>, never a CSMS message id.
/// </summary>
public sealed class TariffDisplay
{
    /// <summary>The id of the station's own texts in <see cref="DisplayedMessage"/> (CSMS ids are never negative here).</summary>
    public const int StationTextId = -1;

    private readonly Lazy<IReadOnlyList<IDisplayMessageSink>> _sinks;
    private readonly Lazy<DisplayMessageModule?> _module;
    private readonly Lock _gate = new();

    /// <summary>Initializes a new instance of the <see cref="TariffDisplay"/> class.</summary>
    /// <param name="sinks">The displays.</param>
    /// <param name="module">Block O, to give its CSMS messages precedence; null when not wired.</param>
    public TariffDisplay(IEnumerable<IDisplayMessageSink> sinks, DisplayMessageModule? module = null)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        IReadOnlyList<IDisplayMessageSink> list = [.. sinks];
        _sinks = new Lazy<IReadOnlyList<IDisplayMessageSink>>(list);
        _module = new Lazy<DisplayMessageModule?>(module);
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="TariffDisplay"/> class that looks the displays up on first use: block O
    /// depends on the transaction block, which depends on the authorizer the tariff block wraps, so resolving them while
    /// the container builds the tariff block would be a dependency cycle.
    /// </summary>
    /// <param name="sinks">Gets the displays.</param>
    /// <param name="module">Gets block O, or null.</param>
    public TariffDisplay(Func<IEnumerable<IDisplayMessageSink>> sinks, Func<DisplayMessageModule?> module)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        ArgumentNullException.ThrowIfNull(module);
        _sinks = new Lazy<IReadOnlyList<IDisplayMessageSink>>(() => [.. sinks()]);
        _module = new Lazy<DisplayMessageModule?>(module);
    }

    /// <summary>Gets the last text shown by the tariff block.</summary>
    public string? LastText { get; private set; }

    /// <summary>Shows a text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="transactionId">The transaction it is about, if any.</param>
    public void Show(string text, string? transactionId = null)
    {
        lock (_gate)
        {
            LastText = text;
        }

        if (_module.Value?.Shown is { Id: not StationTextId })
        {
            return;
        }

        var message = new DisplayedMessage(StationTextId, MessagePriorityEnumType.NormalCycle, MessageFormatEnumType.UTF8, null, text, transactionId);
        foreach (var sink in _sinks.Value)
        {
            try
            {
                sink.Show(message);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // IDisplayMessageSink: a display fault never stops charging or costing.
                _ = ex;
            }
        }
    }
}
