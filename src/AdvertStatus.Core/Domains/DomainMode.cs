namespace AdvertStatus.Core.Domains;

/// <summary>The domain's functional mode; Q307434 needs Active Directory (Mixed or Native).</summary>
public enum DomainMode
{
    NT4 = 0,
    Mixed = 1,
    Native = 2,
}
