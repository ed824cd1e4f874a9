namespace AdvertStatus.Web.Findings;

/// <summary>What a person or a key with <c>operate</c> may do to a finding.</summary>
public enum FindingAction
{
    Acknowledge,
    Resolve,
}
