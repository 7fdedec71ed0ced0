using ChargerController.Ocpp.Queue;

namespace ChargerController.Ocpp.Tests.Queue;

public sealed class InMemoryOutboundQueueTests : OutboundQueueContractTests
{
    [Fact]
    public void QueuePolicy_DelayAfter_IsAttemptsTimesInterval()
    {
        var policy = new QueuePolicy(true, 3, TimeSpan.FromSeconds(60));
        Assert.Equal(TimeSpan.FromSeconds(60), policy.DelayAfter(1));
        Assert.Equal(TimeSpan.FromSeconds(120), policy.DelayAfter(2));
    }

    protected override IOutboundQueue CreateQueue(OutboundQueueBudget? budget) => new InMemoryOutboundQueue(Time, budget);
}
