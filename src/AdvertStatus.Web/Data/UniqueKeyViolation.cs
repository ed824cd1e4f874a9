using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Data;

/// <summary>Recognises a save that lost a race for a unique key to another instance, on either provider.</summary>
internal static class UniqueKeyViolation
{
    public static bool Is(DbUpdateException exception) => exception?.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19, // SQLITE_CONSTRAINT (unique or primary key)
        SqlException sql => sql.Number is 2601 or 2627,         // duplicate key in unique index / constraint
        _ => false,
    };
}
