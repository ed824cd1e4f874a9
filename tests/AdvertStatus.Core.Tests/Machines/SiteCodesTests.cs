using AdvertStatus.Core.Machines;

namespace AdvertStatus.Core.Tests.Machines;

public class SiteCodesTests
{
    [Theory]
    [InlineData("LAB", true)]
    [InlineData("lab", true)]
    [InlineData(" C01 ", true)]
    [InlineData("LA", false)]
    [InlineData("LABS", false)]
    [InlineData("LA-", false)]
    [InlineData("ÄBC", false)]
    [InlineData(null, false)]
    public void Accepts_three_letters_or_digits_after_upper_casing(string? code, bool valid)
    {
        Assert.Equal(valid, SiteCodes.IsValid(code));
    }
}
