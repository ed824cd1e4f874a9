using AdvertStatus.Core.Ingestion;

namespace AdvertStatus.Core.Tests.Ingestion;

public class ContentFingerprintTests
{
    private static readonly DateTime T0 = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Is_the_same_for_the_same_values()
    {
        Assert.Equal(ContentFingerprint.Of("WKS01", T0, 10003, 1317L, new[] { "LAB20001" }), ContentFingerprint.Of("WKS01", T0, 10003, 1317L, new[] { "LAB20001" }));
    }

    [Theory]
    [InlineData("a", null, null, "a")]
    [InlineData("", null, null, "")]
    [InlineData("a\u001fb", "c", "a", "b\u001fc")]
    public void Keeps_nulls_empties_and_separators_apart(string? a1, string? a2, string? b1, string? b2)
    {
        Assert.NotEqual(ContentFingerprint.Of(a1, a2), ContentFingerprint.Of(b1, b2));
    }

    [Fact]
    public void Changes_with_the_time_to_the_tick_and_with_list_contents()
    {
        var fingerprint = ContentFingerprint.Of(T0, new[] { "a", "b" });

        Assert.NotEqual(fingerprint, ContentFingerprint.Of(T0.AddTicks(1), new[] { "a", "b" }));
        Assert.NotEqual(fingerprint, ContentFingerprint.Of(T0, new[] { "a", "c" }));
        Assert.Equal(ContentFingerprint.Length, fingerprint.Length);
    }
}
