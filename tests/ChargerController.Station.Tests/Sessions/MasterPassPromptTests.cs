using ChargerController.Station.Sessions;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Station.Tests.Sessions;

public sealed class MasterPassPromptTests
{
    private readonly FakeTimeProvider _time = new();

    private static async Task WaitOpenAsync(MasterPassPrompt prompt)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (prompt.Offered is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the prompt did not open");
            await Task.Delay(1);
        }
    }

    [Fact]
    public async Task SelectAll_ReturnsEveryOfferedEvse_ClosesPrompt()
    {
        var prompt = new MasterPassPrompt(_time);
        var opened = 0;
        prompt.Opened += (_, _) => opened++;
        var choice = prompt.ChooseAsync([1, 3], CancellationToken.None);
        await WaitOpenAsync(prompt);
        Assert.Equal([1, 3], prompt.Offered);
        Assert.True(prompt.SelectAll());
        Assert.Equal([1, 3], await choice.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, opened);
        Assert.Null(prompt.Offered);
        Assert.False(prompt.SelectAll());
    }

    [Fact]
    public async Task Select_OnlyOfferedEvses_NotOfferedKeepsPromptOpen()
    {
        var prompt = new MasterPassPrompt(_time);
        var choice = prompt.ChooseAsync([1, 2], CancellationToken.None);
        await WaitOpenAsync(prompt);
        Assert.False(prompt.Select([2, 5]));
        Assert.False(prompt.Select([]));
        Assert.False(choice.IsCompleted);
        Assert.True(prompt.Select([2, 2]));
        Assert.Equal([2], await choice.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Cancel_StopsNothing()
    {
        var prompt = new MasterPassPrompt(_time);
        var choice = prompt.ChooseAsync([1], CancellationToken.None);
        await WaitOpenAsync(prompt);
        Assert.True(prompt.Cancel());
        Assert.Empty(await choice.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task NoAnswer_EmptyAfterTimeout_NotBefore()
    {
        var prompt = new MasterPassPrompt(_time, TimeSpan.FromSeconds(30));
        var choice = prompt.ChooseAsync([1], CancellationToken.None);
        await WaitOpenAsync(prompt);

        // The prompt's timer is registered just after it shows; step virtual time until the answer comes (hang guard: real 30 s).
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var waited = TimeSpan.Zero;
        while (!choice.IsCompleted)
        {
            Assert.True(DateTime.UtcNow < deadline, "the prompt never timed out");
            _time.Advance(TimeSpan.FromSeconds(1));
            waited += TimeSpan.FromSeconds(1);
            await Task.Delay(1);
        }

        Assert.Empty(await choice);
        Assert.True(waited >= TimeSpan.FromSeconds(30), $"answered after {waited} of virtual time");
        Assert.Null(prompt.Offered);
    }

    [Fact]
    public async Task SecondMasterPass_ReplacesOpenPrompt_FirstStopsNothing()
    {
        var prompt = new MasterPassPrompt(_time);
        var first = prompt.ChooseAsync([1], CancellationToken.None);
        await WaitOpenAsync(prompt);
        var second = prompt.ChooseAsync([1, 2], CancellationToken.None);
        Assert.Empty(await first.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal([1, 2], prompt.Offered);
        Assert.True(prompt.SelectAll());
        Assert.Equal([1, 2], await second.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Shutdown_CancelsTheWait()
    {
        var prompt = new MasterPassPrompt(_time);
        using var shutdown = new CancellationTokenSource();
        var choice = prompt.ChooseAsync([1], shutdown.Token);
        await WaitOpenAsync(prompt);
        await shutdown.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => choice.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Null(prompt.Offered);
    }
}
