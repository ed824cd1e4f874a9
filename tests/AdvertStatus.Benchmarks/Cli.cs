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
}
