using AdvertStatus.Core.Coverage;

namespace AdvertStatus.Core.Tests.Coverage;

public class HotfixCatalogTests
{
    [Fact]
    public void Holds_the_Q307434_file_table_for_three_variants_and_two_platforms()
    {
        var files = HotfixCatalog.Q307434.Files;

        Assert.Equal(24, files.Count);
        Assert.Equal(["English", "SP3 ICP1", "SP3 ICP4"], files.Select(f => f.Variant).Distinct());
        Assert.All(files.Where(f => f.Name == "Smsapm32.exe"), f => Assert.Equal("2.00.1493.3187", f.Version));
        Assert.All(files.Where(f => f.Name == "Progrm32.dll"), f => Assert.Equal("2.00.1493.3192", f.Version));
        Assert.All(files.Where(f => f.Name == "Apasetup.exe"), f => Assert.Equal("2.00.92.09", f.Version));
        Assert.Equal(288_624, files.Single(f => f is { Variant: "English", Name: "Smsapm32.exe", Platform: "i386" }).Size);
        Assert.Equal(656_123, files.Single(f => f is { Variant: "SP3 ICP1", Name: "Apasetup.exe", Platform: "Alpha" }).Size);
        Assert.Contains("Q323206", HotfixCatalog.Q307434.FirstCorrectedIn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Q307434")]
    [InlineData("q307434")]
    public void Finds_a_hotfix_by_id_in_any_case(string id)
    {
        Assert.Same(HotfixCatalog.Q307434, HotfixCatalog.Find(id));
    }

    [Fact]
    public void Knows_no_other_hotfix()
    {
        Assert.Null(HotfixCatalog.Find("Q235205"));
    }
}
