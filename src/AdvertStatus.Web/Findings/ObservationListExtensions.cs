using AdvertStatus.Core.Findings;

namespace AdvertStatus.Web.Findings;

internal static class ObservationListExtensions
{
    public static void AddIfNotNull(this List<Observation> observations, Observation? observation)
    {
        if (observation is not null)
        {
            observations.Add(observation);
        }
    }
}
