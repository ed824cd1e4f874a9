using AdvertStatus.Web.Users;

namespace AdvertStatus.Web.Tests.Security;

public class CommonPasswordTests
{
    [Theory]
    [InlineData("password", true)]
    [InlineData("PASSWORD", true)]
    [InlineData("Password2026!", true)]
    [InlineData("!!Football99!!", true)]
    [InlineData("1qaz2wsx3edc", true)]
    [InlineData("correct-Staple-Otter-41", false)]
    [InlineData("Test-Admin-Pass-1!", false)]
    public void Knows_the_common_passwords_and_their_decorated_forms(string password, bool common)
    {
        Assert.Equal(common, CommonPasswordValidator.IsCommon(password));
    }
}
