using Playbook.Canonical;

namespace Playbook.Analysis;

/// <summary>
/// Gives every seller account its role. An explicit role wins; else an account the brand owns is
/// self; else one with at least <see cref="TopKolFollowers"/> followers is a head creator (top_kol);
/// else it is a matrix talent. An account missing from the accounts table is matrix, and is named
/// in <see cref="UnknownAccounts"/> so that the analysis can warn about it.
/// </summary>
public sealed class SellerRoles
{
    /// <summary>The follower count from which an account is a head creator unless told otherwise.</summary>
    public const long DefaultTopKolFollowers = 5_000_000;

    private readonly Dictionary<string, SellerRole> roles = new(StringComparer.Ordinal);
    private readonly SortedSet<string> unknown = new(StringComparer.Ordinal);
    private readonly SortedSet<string> undescribed = new(StringComparer.Ordinal);

    /// <summary>Resolves the roles of <paramref name="accounts"/>.</summary>
    public SellerRoles(IEnumerable<Account> accounts, long topKolFollowers = DefaultTopKolFollowers)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        TopKolFollowers = topKolFollowers;
        foreach (var account in accounts)
        {
            if (roles.TryAdd(account.AccountId, RoleOf(account, topKolFollowers)) && account.Role is null && account.BrandOwned is null && account.Followers is null)
            {
                undescribed.Add(account.AccountId);
            }
        }
    }

    /// <summary>Accounts with neither a role, nor brand_owned, nor followers: matrix by default, which may be wrong.</summary>
    public IReadOnlyCollection<string> UndescribedAccounts => undescribed;

    /// <summary>The follower threshold for top_kol.</summary>
    public long TopKolFollowers { get; }

    /// <summary>Account ids that orders named but the accounts table did not, in order.</summary>
    public IReadOnlyCollection<string> UnknownAccounts => unknown;

    /// <summary>The role an account's own columns give it.</summary>
    public static SellerRole RoleOf(Account account, long topKolFollowers = DefaultTopKolFollowers)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.Role is { } explicitRole)
        {
            return explicitRole;
        }

        if (account.BrandOwned == true)
        {
            return SellerRole.Self;
        }

        return account.Followers >= topKolFollowers ? SellerRole.TopKol : SellerRole.Matrix;
    }

    /// <summary>The role of <paramref name="accountId"/>; matrix (and remembered as unknown) when the table lacks it.</summary>
    public SellerRole this[string accountId]
    {
        get
        {
            if (roles.TryGetValue(accountId, out var role))
            {
                return role;
            }

            unknown.Add(accountId);
            return SellerRole.Matrix;
        }
    }
}
