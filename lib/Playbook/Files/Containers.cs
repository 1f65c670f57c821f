namespace Playbook.Files;

/// <summary>What a file's first bytes say it is.</summary>
internal enum ContainerKind
{
    /// <summary>Neither of the others: read as delimited text.</summary>
    Text,

    /// <summary>A zip, as an unencrypted .xlsx is.</summary>
    Zip,

    /// <summary>An OLE compound file: an .xls, or an encrypted .xlsx.</summary>
    CompoundFile,
}

/// <summary>Tells a file's container from its first four bytes, read once.</summary>
internal static class Containers
{
    /// <summary>The container of the file at <paramref name="path"/>.</summary>
    public static ContainerKind Of(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var file = File.OpenRead(path);
        if (file.ReadAtLeast(head, 4, throwOnEndOfStream: false) < 4)
        {
            return ContainerKind.Text;
        }

        return head switch
        {
            [0x50, 0x4B, 0x03, 0x04] => ContainerKind.Zip,
            [0xD0, 0xCF, 0x11, 0xE0] => ContainerKind.CompoundFile,
            _ => ContainerKind.Text,
        };
    }
}
