namespace AdvertStatus.Web.Tests.Security;

/// <summary>Who calls: nobody, a signed-in person of each role, or an API key with one scope.</summary>
public enum Caller
{
    Anonymous,
    Viewer,
    Operator,
    Admin,
    IngestKey,
    ReadKey,
    OperateKey,
    AdminKey,
}
