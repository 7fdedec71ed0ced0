using ChargerController.Station.DisplayMessages;

namespace ChargerController.Station.Tests.Conformance.I;

/// <summary>A display that remembers every text shown.</summary>
public sealed class RecordingDisplay : IDisplayMessageSink
{
    private readonly List<string> _texts = [];

    public IReadOnlyList<string> Texts
    {
        get
        {
            lock (_texts)
            {
                return [.. _texts];
            }
        }
    }

    public void Show(DisplayedMessage? message)
    {
        if (message is not null)
        {
            lock (_texts)
            {
                _texts.Add(message.Content);
            }
        }
    }
}
