namespace AdvertStatus.Web.Tests.Infrastructure;

/// <summary>An app that already holds the KB scenario, shared by test classes that only read it.</summary>
public sealed class KbScenarioApp : AdvertStatusApp, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        using var agent = CreateAgent();
        await KbScenario.SendAsBatchesAsync(agent);
    }

    ValueTask IAsyncDisposable.DisposeAsync() => base.DisposeAsync();
}
