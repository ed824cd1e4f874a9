namespace AdvertStatus.Core.Coverage;

/// <summary>The hotfixes AdvertStatus knows, seeded from the KB text (shared/seeds/Q307434.md).</summary>
public static class HotfixCatalog
{
    public const string Q307434Id = "Q307434";

    /// <summary>
    /// Q307434: English, SP3 ICP1 and SP3 ICP4 builds for i386 and Alpha. The three variants carry the
    /// same Smsapm32.exe/Progrm32.dll versions and differ only in Apasetup.exe's date and size.
    /// </summary>
    public static Hotfix Q307434 { get; } = new(
        Q307434Id,
        "SMS: SMSCliToknAcct& Lockout with Software Installation Account",
        "Smsapm32.exe",
        "SMS 2.0 SP4 Hotfix Rollup Package (Q323206); plain SP4 does not contain it",
        "Apply Q307434 (or the SMS 2.0 SP4 Hotfix Rollup, Q323206) on every primary and secondary site, "
        + "so that clients upgrade Smsapm32.exe to 2.00.1493.3187 or a later post-SP3 build from the site's client component source.",
        [
            .. Variant("English", new DateOnly(2001, 3, 1), 394_970, 656_115),
            .. Variant("SP3 ICP1", new DateOnly(2001, 4, 12), 394_971, 656_123),
            .. Variant("SP3 ICP4", new DateOnly(2001, 4, 14), 394_967, 656_118),
        ]);

    public static IReadOnlyList<Hotfix> All { get; } = [Q307434];

    public static Hotfix? Find(string? id) =>
        All.FirstOrDefault(h => string.Equals(h.Id, id?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static HotfixFile[] Variant(string variant, DateOnly apasetupDate, int apasetupI386Size, int apasetupAlphaSize)
    {
        var fixDate = new DateOnly(2001, 3, 1);
        return
        [
            new(variant, apasetupDate, "2.00.92.09", apasetupI386Size, "Apasetup.exe", "i386"),
            new(variant, fixDate, "2.00.1493.3192", 77_168, "Progrm32.dll", "i386"),
            new(variant, fixDate, "2.00.1493.3187", 288_624, "Smsapm32.exe", "i386"),
            new(variant, apasetupDate, null, 67, "Compversmsapm32.ini", "i386"),
            new(variant, apasetupDate, "2.00.92.09", apasetupAlphaSize, "Apasetup.exe", "Alpha"),
            new(variant, fixDate, "2.00.1493.3192", 128_272, "Progrm32.dll", "Alpha"),
            new(variant, fixDate, "2.00.1493.3187", 385_296, "Smsapm32.exe", "Alpha"),
            new(variant, apasetupDate, null, 67, "Compversmsapm32.ini", "Alpha"),
        ];
    }
}
