using AdvertStatus.Core.Coverage;
using AdvertStatus.Core.Inventory;
using AdvertStatus.Core.Machines;

namespace AdvertStatus.Web.Ingestion;

/// <summary>
/// Moves each machine's current picture and hotfix verdict to its latest inventory snapshot; a site server's
/// snapshot also tells the site's client component source version.
/// </summary>
internal static class InventoryProjection
{
    private const string Smsapm32File = "Smsapm32.exe";
    private const string Smsapm32Component = "Smsapm32";

    /// <summary>Applies <paramref name="reports"/> (oldest first) to the tracked <paramref name="machines"/> and <paramref name="sites"/>; returns the machines that became Fixed.</summary>
    public static List<string> Apply(
        IReadOnlyList<InventoryReport> reports, Dictionary<string, Machine> machines, Dictionary<string, Site> sites, FixedBuildSet fixedBuilds)
    {
        var becameFixed = new List<string>();
        foreach (var report in reports)
        {
            var machine = machines[report.MachineName];
            machine.Saw(report.Time);
            if (machine.InventoryTime is { } current && current > report.Time)
            {
                continue; // an older snapshot arriving late joins the history but does not win
            }

            var before = machine.Verdict;
            machine.InventoryTime = report.Time;
            machine.SiteCode = report.SiteCode;
            machine.Domain = report.Domain ?? machine.Domain;
            machine.ClientOs = report.ClientOs ?? machine.ClientOs;
            machine.Platform = report.Platform ?? machine.Platform;
            machine.Role = report.Role;
            machine.Smsapm32Version = Smsapm32VersionOf(report) ?? machine.Smsapm32Version;
            machine.Verdict = fixedBuilds.VerdictFor(machine.Smsapm32Version);
            if (machine.Verdict == Verdict.Fixed && before != Verdict.Fixed && !becameFixed.Contains(machine.MachineName))
            {
                becameFixed.Add(machine.MachineName);
            }

            if (report.Role == MachineRole.SiteServer && SourceVersionOf(report) is { } source)
            {
                sites[report.SiteCode].Smsapm32SourceVersion = source;
            }
        }

        return becameFixed;
    }

    private static string? Smsapm32VersionOf(InventoryReport report) =>
        report.Files.FirstOrDefault(f => f.Name.Equals(Smsapm32File, StringComparison.OrdinalIgnoreCase))?.Version
        ?? report.Components.FirstOrDefault(c => c.Name.Equals(Smsapm32Component, StringComparison.OrdinalIgnoreCase))?.Version;

    /// <summary>The client component source version: Compver.ini of Clicomp.src\smsapm32, else the file in it.</summary>
    private static string? SourceVersionOf(InventoryReport report) =>
        report.Components.FirstOrDefault(c => c.Name.Equals(Smsapm32Component, StringComparison.OrdinalIgnoreCase))?.Version
        ?? report.Files.FirstOrDefault(f => f.Name.Equals(Smsapm32File, StringComparison.OrdinalIgnoreCase)
            && f.Path?.Contains("clicomp", StringComparison.OrdinalIgnoreCase) == true)?.Version;
}
