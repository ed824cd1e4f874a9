using ArchUnitNET.Fluent.Slices;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnitV3;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace AdvertStatus.Web.Tests.Architecture;

/// <summary>
/// The web project's folders (one namespace each: <c>AdvertStatus.Web.Findings</c>, <c>…Components.Layout</c> belongs
/// to Components) depend on each other one way only, read from the compiled assembly, so a type used in any way
/// counts, not only a <c>using</c>. When one of these fails, move the shared piece down (Data, Api, Security,
/// Components) or invert the dependency with an interface, as <c>IDashboardChanges</c> does; do not widen the rule.
/// </summary>
public sealed class FolderDependencyTests
{
    private static readonly System.Reflection.Assembly WebAssembly = typeof(global::AdvertStatus.Web.Data.AdvertStatusDbContext).Assembly;
    private static readonly System.Reflection.Assembly CoreAssembly = typeof(global::AdvertStatus.Core.StatusMessages.StatusMessage).Assembly;

    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Loaded = new(() =>
        new ArchLoader().LoadAssemblies(WebAssembly, CoreAssembly).Build());

    /// <summary>The web project's folders.</summary>
    private static GivenSlices Folders => SliceRuleDefinition.Slices().Matching("AdvertStatus.Web.(*)..");

    [Fact]
    public void No_two_folders_of_the_web_project_depend_on_each_other_directly_or_around_a_cycle()
    {
        Folders.Should().BeFreeOfCycles().Check(Loaded.Value);
    }

    [Fact]
    public void The_rule_sees_every_folder()
    {
        // A pattern that matched nothing would pass the cycle rule vacuously.
        var folders = Folders.GetObjects(Loaded.Value).Select(s => s.Description).ToList();
        Assert.Superset(
            new HashSet<string> { "Api", "Components", "Data", "Findings", "Hosting", "Ingestion", "Security", "Users", "Workstations" },
            folders.ToHashSet());
        Assert.True(folders.Count >= 20, $"Found only {folders.Count} folders: {string.Join(", ", folders)}");
    }

    [Fact]
    public void Data_and_Api_depend_on_no_other_folder()
    {
        // Every feature uses them; they name no feature (a feature's tables reach the context through its own extension).
        foreach (var bottom in new[] { "AdvertStatus.Web.Data", "AdvertStatus.Web.Api" })
        {
            Types().That().ResideInNamespaceMatching(bottom + @"(\..*)?$")
                .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(@"^AdvertStatus\.Web\.(?!" + bottom["AdvertStatus.Web.".Length..] + @"\b)"))
                .Because($"{bottom} sits below every feature")
                .Check(Loaded.Value);
        }
    }

    [Fact]
    public void No_folder_depends_on_the_composition_root()
    {
        Types().That().ResideInNamespaceMatching(@"^AdvertStatus\.Web\.(?!Hosting\b)")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(@"^AdvertStatus\.Web\.Hosting\b"))
            .Because("Program.cs and Hosting compose the features; a feature that needs something of theirs should own it")
            .Check(Loaded.Value);
    }

    [Fact]
    public void Core_depends_on_nothing_of_the_web_project()
    {
        Types().That().ResideInAssembly(CoreAssembly)
            .Should().NotDependOnAny(Types().That().ResideInAssembly(WebAssembly))
            .Check(Loaded.Value);
    }
}
