using System.Globalization;

namespace AdvertStatus.Benchmarks;

/// <summary>Options in and <c>name: value</c> lines out, the same for every suite.</summary>
internal static class Cli
{
    public static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    public static void Print(string name, double value) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {value:0.###}"));

    /// <summary>Prints <c>target.name: met</c> or <c>target.name: MISSED</c> with how far off, for a figure that must be at least <paramref name="limit"/>.</summary>
    public static void AtLeast(string name, double value, double limit) =>
        Target(name, value >= limit, $"{value:0.###} ≥ {limit:0.###}", $"{value:0.###} < {limit:0.###}, {limit / value:0.##}× short");

    /// <summary>Prints whether a figure stayed at or under <paramref name="limit"/>.</summary>
    public static void AtMost(string name, double value, double limit) =>
        Target(name, value <= limit, $"{value:0.###} ≤ {limit:0.###}", $"{value:0.###} > {limit:0.###}, {value / limit:0.##}× over");

    private static void Target(string name, bool met, FormattableString pass, FormattableString miss) =>
        Console.WriteLine($"target.{name}: " + (met ? "met (" + pass.ToString(CultureInfo.InvariantCulture) : "MISSED (" + miss.ToString(CultureInfo.InvariantCulture)) + ")");
}
