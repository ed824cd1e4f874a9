namespace AdvertStatus.Web.Data;

/// <summary>Column sizes shared by the configurations and the request validation, so the two cannot drift.</summary>
public static class Lengths
{
    /// <summary>SMS record ids are 64-bit numbers; agents may send a GUID. Indexed, so kept short.</summary>
    public const int RecordId = 64;

    /// <summary>SMS object ids are 8 characters; room is left for later ConfigMgr forms.</summary>
    public const int ObjectId = 32;

    /// <summary>Account, domain and computer names (a DC's FQDN fits).</summary>
    public const int Name = 256;

    /// <summary>The contract's cap for ordinary strings.</summary>
    public const int Text = 4000;

    /// <summary>The contract's cap for the rendered message text.</summary>
    public const int LongText = 16000;
}
