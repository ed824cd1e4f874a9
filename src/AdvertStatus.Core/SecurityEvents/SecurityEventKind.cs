namespace AdvertStatus.Core.SecurityEvents;

/// <summary>What a stored security event is evidence of.</summary>
public enum SecurityEventKind
{
    /// <summary>644 (Windows 2000/2003) or 4740 (2008+): the account was locked out.</summary>
    Lockout = 1,

    /// <summary>529, 675, 681, 4625, 4771, 4776: a failed logon, the steps before a lockout.</summary>
    BadPassword = 2,

    /// <summary>671 (2003) or 4767 (2008+): the account was unlocked.</summary>
    Unlock = 3,
}
