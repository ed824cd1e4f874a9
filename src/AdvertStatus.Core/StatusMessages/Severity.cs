namespace AdvertStatus.Core.StatusMessages;

/// <summary>Status message severity; the values are the SMS_StatusMessage.Severity bit patterns.</summary>
public enum Severity : long
{
    Informational = 0x40000000,
    Warning = 0x80000000,
    Error = 0xC0000000,
}
