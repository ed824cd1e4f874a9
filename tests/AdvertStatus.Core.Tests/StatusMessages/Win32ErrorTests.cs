using AdvertStatus.Core.StatusMessages;

namespace AdvertStatus.Core.Tests.StatusMessages;

public class Win32ErrorTests
{
    [Theory]
    [InlineData("1317", 1317, 1317)]
    [InlineData("0x525", 0x525, 1317)]
    [InlineData("0X525", 0x525, 1317)]
    [InlineData("0x80070525", 0x80070525, 1317)]        // HRESULT_FROM_WIN32(1317)
    [InlineData("2147943717", 0x80070525, 1317)]        // the same HRESULT in decimal
    [InlineData("-2147023579", 0x80070525, 1317)]       // and signed
    [InlineData("0x80070047", 0x80070047, 71)]          // KB-268500's ERROR_REQ_NOT_ACCEP
    [InlineData("2147500037", 0x80004005, 0x80004005)]  // E_FAIL is not a Win32 wrapper: kept as it is
    [InlineData("0", 0, 0)]
    [InlineData("3010", 3010, 3010)]
    [InlineData(" 1909 ", 1909, 1909)]
    public void Parses_and_unwraps_Win32_codes(string text, long raw, long code)
    {
        Assert.True(Win32Error.TryParse(text, out var parsed));
        Assert.Equal(raw, parsed);
        Assert.Equal(code, Win32Error.Normalize(parsed));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("0x")]
    [InlineData("0xZZ")]
    [InlineData("0x1FFFFFFFF")]    // beyond 32 bits
    [InlineData("4294967296")]
    [InlineData("-2147483649")]
    [InlineData("1317.5")]
    [InlineData("error 1317")]
    public void Refuses_values_that_are_not_32_bit_numbers(string? text)
    {
        Assert.False(Win32Error.TryParse(text, out _));
    }
}
