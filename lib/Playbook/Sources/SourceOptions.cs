namespace Playbook.Sources;

/// <summary>
/// What a user tells the sources beyond the file: settings an export leaves out (the shop's own
/// account of a 快手小店 download, the account of a 千川 report without 抖音号ID) and their own
/// mappings for layouts no adapter knows (<see cref="MappedSource"/>).
/// </summary>
public sealed record SourceOptions
{
    /// <summary>No settings, no mappings.</summary>
    public static SourceOptions None { get; } = new();

    /// <summary>The account a 快手小店 shop's own live room and videos sell as (<c>--shop-account</c>); null for the stable default.</summary>
    public string? ShopAccount { get; init; }

    /// <summary>The account a 千川 report is for when it has no 抖音号ID column (<c>--account</c>).</summary>
    public string? Account { get; init; }

    /// <summary>Layouts the user mapped (<c>--mapping FILE</c>), tried before the built-in ones.</summary>
    public IReadOnlyList<SourceAdapter> Mappings { get; init; } = [];

    /// <summary>The value of a named setting (<c>shop_account</c>, <c>account</c>), or null.</summary>
    public string? Setting(string name) => name switch
    {
        "shop_account" => ShopAccount,
        "account" => Account,
        _ => null,
    };
}
