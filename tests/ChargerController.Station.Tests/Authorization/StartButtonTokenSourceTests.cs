using ChargerController.Station.Authorization;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Station.Tests.Authorization;

/// <summary>The start button becomes one debounced token presentation per press (C02).</summary>
public sealed class StartButtonTokenSourceTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly FakeButton _button = new();

    [Fact]
    public async Task Bounce_Ignored_HeldPress_CountsOnce_SecondPress_CountsAgain()
    {
        var source = new StartButtonTokenSource(_button, new StartButtonOptions(), _time);
        using var stop = new CancellationTokenSource();
        var presses = new List<StartButtonPress>();
        var reader = Task.Run(async () =>
        {
            await foreach (var press in source.ReadPressesAsync(stop.Token))
            {
                lock (presses)
                {
                    presses.Add(press);
                }
            }
        });

        await RunAsync(pressed: true, TimeSpan.FromMilliseconds(20));
        await RunAsync(pressed: false, TimeSpan.FromMilliseconds(100));
        Assert.Empty(Snapshot(presses));

        await RunAsync(pressed: true, TimeSpan.FromMilliseconds(500));
        await RunAsync(pressed: false, TimeSpan.FromMilliseconds(100));
        var first = Assert.Single(Snapshot(presses));
        Assert.Equal((string.Empty, "NoAuthorization", (int?)1), (first.IdToken.IdToken, first.IdToken.Type, first.EvseId));

        await RunAsync(pressed: true, TimeSpan.FromMilliseconds(300));
        Assert.Equal(2, Snapshot(presses).Count);

        await stop.CancelAsync();
        _time.Advance(TimeSpan.FromSeconds(1));
        await reader.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ConfiguredToken_IsPresented()
    {
        var options = new StartButtonOptions { IdToken = "GARAGE-BUTTON", Type = "Local", EvseId = null };
        var source = new StartButtonTokenSource(_button, options, _time);
        _button.Pressed = true;
        using var stop = new CancellationTokenSource();
        await using var presses = source.ReadPressesAsync(stop.Token).GetAsyncEnumerator();
        var next = presses.MoveNextAsync().AsTask();
        for (var i = 0; i < 100 && !next.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Delay(1);
        }

        Assert.True(await next);
        Assert.Equal(("GARAGE-BUTTON", "Local", (int?)null), (presses.Current.IdToken.IdToken, presses.Current.IdToken.Type, presses.Current.EvseId));
        await stop.CancelAsync();
    }

    private static List<StartButtonPress> Snapshot(List<StartButtonPress> presses)
    {
        lock (presses)
        {
            return [.. presses];
        }
    }

    private async Task RunAsync(bool pressed, TimeSpan duration)
    {
        _button.Pressed = pressed;
        for (var t = TimeSpan.Zero; t < duration; t += TimeSpan.FromMilliseconds(5))
        {
            _time.Advance(TimeSpan.FromMilliseconds(5));
            await Task.Delay(1);
        }
    }

    private sealed class FakeButton : IStartButtonInput
    {
        public volatile bool Pressed;

        public bool Read() => Pressed;
    }
}
