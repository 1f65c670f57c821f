using System.Buffers.Binary;
using System.Text;

namespace Playbook.Files;

/// <summary>
/// The streams of an OLE compound file (MS-CFB), the container of an encrypted .xlsx and of an
/// .xls: found by name, read by their sector chains. Only what decryption needs: no writing, no
/// storages by path. Every chain is bounded by the file's sectors, so a broken or hostile file
/// ends in an <see cref="InvalidDataException"/>, never a loop or a huge allocation.
/// </summary>
internal sealed class CompoundFile : IDisposable
{
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FreeSector = 0xFFFFFFFF;
    private const int HeaderDifatEntries = 109;

    private readonly Stream file;
    private readonly int sectorSize;
    private readonly uint[] fat;
    private readonly uint[] miniFat;
    private readonly List<(string Name, byte Type, uint Start, long Size)> entries;
    private readonly uint miniCutoff;
    private byte[]? miniStream;

    private CompoundFile(Stream file, int sectorSize, uint[] fat, uint[] miniFat, List<(string, byte, uint, long)> entries, uint miniCutoff)
    {
        this.file = file;
        this.sectorSize = sectorSize;
        this.fat = fat;
        this.miniFat = miniFat;
        this.entries = entries;
        this.miniCutoff = miniCutoff;
    }

    /// <summary>Opens the file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">Not a compound file, or its structure is broken.</exception>
    public static CompoundFile Open(string path)
    {
        var file = File.OpenRead(path);
        try
        {
            return Read(file);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Whether a stream of that name is in the file.</summary>
    public bool Has(string name) => entries.Any(e => e.Type == 2 && e.Name == name);

    /// <summary>The size in bytes of the stream named <paramref name="name"/>.</summary>
    /// <exception cref="InvalidDataException">No such stream.</exception>
    public long SizeOf(string name) => Find(name).Size;

    /// <summary>Reads a small stream whole (at most <paramref name="limit"/> bytes).</summary>
    /// <exception cref="InvalidDataException">No such stream, it is larger than the limit, or its chain is broken.</exception>
    public byte[] ReadAll(string name, int limit)
    {
        var entry = Find(name);
        if (entry.Size > limit)
        {
            throw new InvalidDataException($"its {name} stream is {entry.Size} bytes, more than the {limit} it may be");
        }

        var result = new byte[entry.Size];
        var written = 0;
        foreach (var chunk in Chunks(entry.Start, entry.Size))
        {
            chunk.Span.CopyTo(result.AsSpan(written));
            written += chunk.Length;
        }

        return result;
    }

    /// <summary>The stream's bytes in order, a sector (or mini sector) at a time.</summary>
    /// <exception cref="InvalidDataException">No such stream, or its chain is broken.</exception>
    public IEnumerable<ReadOnlyMemory<byte>> Read(string name)
    {
        var entry = Find(name);
        return Chunks(entry.Start, entry.Size);
    }

    public void Dispose() => file.Dispose();

    private static CompoundFile Read(Stream file)
    {
        var header = new byte[512];
        if (file.ReadAtLeast(header, 512, throwOnEndOfStream: false) < 512 || BinaryPrimitives.ReadUInt64LittleEndian(header) != 0xE11AB1A1E011CFD0)
        {
            throw new InvalidDataException("not a compound file");
        }

        var sectorShift = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x1E));
        if (sectorShift is not (9 or 12))
        {
            throw new InvalidDataException("a sector size the format does not have");
        }

        var sectorSize = 1 << sectorShift;
        var sectors = (file.Length / sectorSize) - 1;
        var fatSectors = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x2C));
        var directoryStart = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x30));
        var miniCutoff = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x38));
        var miniFatStart = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x3C));
        var miniFatSectors = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x40));
        var difatStart = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x44));
        if (fatSectors > sectors || miniFatSectors > sectors)
        {
            throw new InvalidDataException("more table sectors than the file has");
        }

        // The FAT's own sectors: 109 in the header, the rest in a chain of DIFAT sectors.
        var fatLocations = new List<uint>();
        for (var i = 0; i < HeaderDifatEntries && fatLocations.Count < fatSectors; i++)
        {
            fatLocations.Add(BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x4C + (i * 4))));
        }

        var sector = new byte[sectorSize];
        var difat = difatStart;
        for (var hops = 0; fatLocations.Count < fatSectors; hops++)
        {
            if (difat >= sectors || hops > sectors)
            {
                throw new InvalidDataException("a broken DIFAT chain");
            }

            ReadSector(file, sectorSize, difat, sector);
            for (var i = 0; i < (sectorSize / 4) - 1 && fatLocations.Count < fatSectors; i++)
            {
                fatLocations.Add(BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(i * 4)));
            }

            difat = BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(sectorSize - 4));
        }

        var fat = new uint[fatLocations.Count * (sectorSize / 4)];
        for (var f = 0; f < fatLocations.Count; f++)
        {
            if (fatLocations[f] >= sectors)
            {
                throw new InvalidDataException("a FAT sector outside the file");
            }

            ReadSector(file, sectorSize, fatLocations[f], sector);
            for (var i = 0; i < sectorSize / 4; i++)
            {
                fat[(f * (sectorSize / 4)) + i] = BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(i * 4));
            }
        }

        var directory = ReadChain(file, sectorSize, fat, directoryStart, sectors);
        var entries = new List<(string, byte, uint, long)>();
        for (var at = 0; at + 128 <= directory.Length; at += 128)
        {
            var entry = directory.AsSpan(at, 128);
            var nameBytes = Math.Min(BinaryPrimitives.ReadUInt16LittleEndian(entry[0x40..]), (ushort)64);
            var name = Encoding.Unicode.GetString(entry[..Math.Max(0, nameBytes - 2)]);
            var size = (long)BinaryPrimitives.ReadUInt64LittleEndian(entry[0x78..]);
            if (sectorShift == 9)
            {
                // Version 3 files keep only the low 32 bits of a size.
                size &= 0xFFFFFFFF;
            }

            entries.Add((name, entry[0x42], BinaryPrimitives.ReadUInt32LittleEndian(entry[0x74..]), size));
        }

        var miniFatBytes = miniFatSectors == 0 ? [] : ReadChain(file, sectorSize, fat, miniFatStart, sectors);
        var miniFat = new uint[miniFatBytes.Length / 4];
        for (var i = 0; i < miniFat.Length; i++)
        {
            miniFat[i] = BinaryPrimitives.ReadUInt32LittleEndian(miniFatBytes.AsSpan(i * 4));
        }

        return new CompoundFile(file, sectorSize, fat, miniFat, entries, miniCutoff);
    }

    private static void ReadSector(Stream file, int sectorSize, uint index, byte[] into)
    {
        file.Position = ((long)index + 1) * sectorSize;
        if (file.ReadAtLeast(into, sectorSize, throwOnEndOfStream: false) < sectorSize)
        {
            throw new InvalidDataException("a sector past the end of the file");
        }
    }

    private static byte[] ReadChain(Stream file, int sectorSize, uint[] fat, uint start, long sectors)
    {
        using var bytes = new MemoryStream();
        var sector = new byte[sectorSize];
        var at = start;
        for (var hops = 0L; at != EndOfChain; hops++)
        {
            if (at >= sectors || at >= fat.Length || hops > sectors)
            {
                throw new InvalidDataException("a broken sector chain");
            }

            ReadSector(file, sectorSize, at, sector);
            bytes.Write(sector);
            at = fat[at];
        }

        return bytes.ToArray();
    }

    private (string Name, byte Type, uint Start, long Size) Find(string name)
    {
        foreach (var entry in entries)
        {
            if (entry.Type == 2 && entry.Name == name)
            {
                return entry;
            }
        }

        throw new InvalidDataException($"no {name} stream");
    }

    private IEnumerable<ReadOnlyMemory<byte>> Chunks(uint start, long size)
    {
        if (size < miniCutoff)
        {
            miniStream ??= ReadChain(file, sectorSize, fat, entries.Count > 0 ? entries[0].Start : EndOfChain, (file.Length / sectorSize) - 1);
            var left = size;
            var at = start;
            for (var hops = 0; left > 0; hops++)
            {
                if (at >= miniFat.Length || (long)(at + 1) * 64 > miniStream.Length || hops > miniFat.Length)
                {
                    throw new InvalidDataException("a broken mini sector chain");
                }

                var take = (int)Math.Min(64, left);
                yield return miniStream.AsMemory((int)at * 64, take);
                left -= take;
                at = miniFat[at];
            }

            yield break;
        }

        var sectors = (file.Length / sectorSize) - 1;
        if (size > sectors * sectorSize)
        {
            throw new InvalidDataException("a stream larger than the file");
        }

        var remaining = size;
        var index = start;
        var buffer = new byte[sectorSize];
        for (var hops = 0L; remaining > 0; hops++)
        {
            if (index >= sectors || index >= fat.Length || index == FreeSector || hops > sectors)
            {
                throw new InvalidDataException("a broken sector chain");
            }

            ReadSector(file, sectorSize, index, buffer);
            var take = (int)Math.Min(sectorSize, remaining);
            yield return buffer.AsMemory(0, take);
            remaining -= take;
            index = fat[index];
        }
    }
}
