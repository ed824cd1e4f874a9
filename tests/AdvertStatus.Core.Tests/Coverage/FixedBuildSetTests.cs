using AdvertStatus.Core.Coverage;

namespace AdvertStatus.Core.Tests.Coverage;

public class FixedBuildSetTests
{
    private static readonly FixedBuildSet Default = FixedBuildSet.Parse(FixedBuildSet.Q307434Default);

    [Theory]
    [InlineData("2.00.1493.3187", Verdict.Fixed)]      // the Q307434 build itself
    [InlineData("2.0.1493.3187", Verdict.Fixed)]       // same build, KB spelling without the leading zero
    [InlineData("2.00.1493.3242", Verdict.Fixed)]      // later post-SP3 hotfix (Q316021)
    [InlineData("2.00.1493.3999", Verdict.Fixed)]      // top of the range
    [InlineData("2.00.1493.3186", Verdict.Vulnerable)] // just below the fix
    [InlineData("2.00.1493.3002", Verdict.Vulnerable)] // plain SP3
    [InlineData("2.00.1493.4012", Verdict.Vulnerable)] // plain SP4: numerically higher, NOT fixed
    [InlineData("2.00.1493.4000", Verdict.Vulnerable)]
    [InlineData("2.00.1380.1081", Verdict.Vulnerable)] // SP1
    [InlineData("2.00.1239.0000", Verdict.Vulnerable)] // RTM
    [InlineData(null, Verdict.Unknown)]
    [InlineData("", Verdict.Unknown)]
    [InlineData("2.00.1493", Verdict.Unknown)]
    [InlineData("not a version", Verdict.Unknown)]
    public void Decides_the_Q307434_verdict_by_membership_never_by_a_plain_comparison(string? version, Verdict expected)
    {
        Assert.Equal(expected, Default.VerdictFor(version));
    }

    [Fact]
    public void Takes_an_added_build_such_as_the_SP4_Hotfix_Rollup()
    {
        var set = FixedBuildSet.Parse([.. FixedBuildSet.Q307434Default, "2.00.1493.4153"]);

        Assert.Equal((Verdict.Fixed, Verdict.Vulnerable), (set.VerdictFor("2.00.1493.4153"), set.VerdictFor("2.00.1493.4012")));
    }

    [Theory]
    [InlineData("2.00.1493.3999-2.00.1493.3187")] // descending
    [InlineData("2.00.1493")]
    [InlineData("x-y")]
    public void Refuses_entries_that_are_not_versions_or_ascending_ranges(string entry)
    {
        Assert.False(FixedBuildSet.TryParse([entry], out _, out var error));
        Assert.Contains(entry, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compares_version_parts_as_numbers()
    {
        Assert.True(FileVersion.Parse("2.00.1493.10000") > FileVersion.Parse("2.00.1493.9999"));
        Assert.Equal(FileVersion.Parse("2.0.1493.3187"), FileVersion.Parse("2.00.1493.3187"));
        Assert.Equal("2.00.1493.3187", FileVersion.Parse("2.0.1493.3187").ToString());
    }
}
