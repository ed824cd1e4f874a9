namespace AdvertStatus.Web.Demo;

/// <summary>Marks a database filled by <c>--demo</c>: the dashboard shows a banner while this row exists.</summary>
public sealed class DemoDataset
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public int Seed { get; set; }
    public int Machines { get; set; }
    public int Items { get; set; }
    public DateTime LoadedAt { get; set; }
    public double Seconds { get; set; }
}
