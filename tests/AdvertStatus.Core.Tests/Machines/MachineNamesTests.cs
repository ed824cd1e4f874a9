using AdvertStatus.Core.Machines;

namespace AdvertStatus.Core.Tests.Machines;

public class MachineNamesTests
{
    [Theory]
    [InlineData("WKS01", true)]
    [InlineData("A", true)]
    [InlineData("ABCDEFGHIJKLMNO", true)]    // 15
    [InlineData("ABCDEFGHIJKLMNOP", false)]  // 16
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData(null, false)]
    [InlineData("WKS\t01", false)]
    [InlineData("WKS\\01", false)]
    [InlineData("WKS/01", false)]
    [InlineData("WKS:01", false)]
    [InlineData("WKS*01", false)]
    [InlineData("WKS?01", false)]
    [InlineData("WKS\"01", false)]
    [InlineData("WKS<01", false)]
    [InlineData("WKS>01", false)]
    [InlineData("WKS|01", false)]
    [InlineData("WKS-01_A.B", true)]
    public void Accepts_only_NetBIOS_names(string? name, bool valid)
    {
        Assert.Equal(valid, MachineNames.IsValid(name));
    }

    [Theory]
    [InlineData(" wks01 ", "WKS01")]
    [InlineData("Wks01", "WKS01")]
    public void Normalises_to_upper_case(string name, string expected)
    {
        Assert.Equal(expected, MachineNames.Normalize(name));
    }

    [Theory]
    [InlineData("\\\\WKS01", "WKS01")]
    [InlineData("wks01.corp.local", "WKS01")]
    [InlineData("WKS01$", "WKS01")]
    [InlineData("-", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("10.0.0.12", null)]
    [InlineData("::ffff:10.0.0.12", null)]
    [InlineData("A-NAME-THAT-IS-FAR-TOO-LONG", null)]
    public void Reads_a_computer_named_in_an_event_as_its_NetBIOS_name(string? value, string? expected)
    {
        Assert.Equal(expected, MachineNames.FromEventField(value));
    }
}
