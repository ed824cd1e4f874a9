using Microsoft.AspNetCore.Hosting;

namespace AdvertStatus.Web.Tests.Infrastructure;

/// <summary>
/// An app whose failed-authentication limit is out of reach, for classes that sign in, fail and retry on
/// purpose many times from the one test address; throttling itself is proven in ThrottlingTests.
/// </summary>
public class UnthrottledApp : AdvertStatusApp
{
    protected override void ConfigureSettings(IWebHostBuilder builder) => builder.UseSetting("Security:FailedAuthPermitLimit", "100000");
}
