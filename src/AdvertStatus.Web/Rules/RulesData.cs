using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Rules;

/// <summary>This feature's tables on the shared context (saved rule settings); their configuration sits beside them.</summary>
internal static class RulesData
{
    extension(AdvertStatusDbContext db)
    {
        public DbSet<SavedRuleSettings> RuleSettings => db.Set<SavedRuleSettings>();
    }
}
