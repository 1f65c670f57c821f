using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace Playbook.Files;

/// <summary>
/// Opens a password-encrypted .xlsx (ECMA-376 document encryption, as 快手小店 downloads are): the
/// compound file's <c>EncryptionInfo</c> says how the key is made from the password, and
/// <c>EncryptedPackage</c> holds the workbook's zip, which is decrypted to a temporary file that
/// goes when it is closed. Agile encryption (AES with SHA-1/256/384/512, what Excel 2010 and later
/// and most libraries write) and Standard encryption (AES with SHA-1, Excel 2007) are read. The
/// decrypted zip is then an ordinary workbook, read with the same limits as any other.
/// </summary>
internal static class OfficeDecryption
{
    private const int MaxInfoBytes = 1 << 20;
    private const int SegmentBytes = 4096;

    private static readonly byte[] VerifierInputBlock = [0xfe, 0xa7, 0xd2, 0x76, 0x3b, 0x4b, 0x9e, 0x79];
    private static readonly byte[] VerifierValueBlock = [0xd7, 0xaa, 0x0f, 0x6d, 0x30, 0x61, 0x34, 0x4e];
    private static readonly byte[] KeyValueBlock = [0x14, 0x6e, 0x0b, 0xe7, 0xab, 0xac, 0xd0, 0xd6];

    /// <summary>Whether the compound file is an encrypted package (an .xls is not).</summary>
    public static bool IsEncryptedPackage(CompoundFile file) => file.Has("EncryptionInfo") && file.Has("EncryptedPackage");

    /// <summary>
    /// The workbook's zip, decrypted with the first of <paramref name="passwords"/> that opens it, as a
    /// readable stream positioned at its start (a temporary file deleted on close); null when none opens it.
    /// </summary>
    /// <exception cref="InputException">The encryption is of a kind this reader does not know, or the package is broken.</exception>
    public static Stream? Decrypt(CompoundFile file, string name, IEnumerable<string?> passwords)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(passwords);
        byte[] info;
        try
        {
            info = file.ReadAll("EncryptionInfo", MaxInfoBytes);
        }
        catch (InvalidDataException e)
        {
            throw new InputException($"{name}: not a readable workbook ({e.Message})", e);
        }

        var scheme = Scheme.Read(info, name);
        foreach (var password in passwords.Where(p => p is not null).Distinct())
        {
            if (scheme.Key(password!) is { } key)
            {
                return Package(file, name, scheme, key);
            }
        }

        return null;
    }

    private static FileStream Package(CompoundFile file, string name, Scheme scheme, byte[] key)
    {
        var path = Path.Combine(Path.GetTempPath(), "playbook-decrypted-" + Guid.NewGuid().ToString("N") + ".xlsx");
        var output = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        try
        {
            using var aes = Aes.Create();
            aes.Key = key;
            var segment = new byte[SegmentBytes];
            var filled = 0;
            var index = 0u;
            long? size = null;
            var header = new byte[8];
            var headerFilled = 0;
            long written = 0;
            void Flush(int count)
            {
                var plain = scheme.DecryptSegment(aes, segment.AsSpan(0, count), index++);
                var keep = (int)Math.Min(plain.Length, size!.Value - written);
                output.Write(plain, 0, Math.Max(0, keep));
                written += Math.Max(0, keep);
            }

            foreach (var chunk in file.Read("EncryptedPackage"))
            {
                var span = chunk.Span;
                if (headerFilled < 8)
                {
                    var take = Math.Min(8 - headerFilled, span.Length);
                    span[..take].CopyTo(header.AsSpan(headerFilled));
                    headerFilled += take;
                    span = span[take..];
                    if (headerFilled == 8)
                    {
                        size = (long)BinaryPrimitives.ReadUInt64LittleEndian(header);
                        if (size < 0 || size > file.SizeOf("EncryptedPackage"))
                        {
                            throw new InvalidDataException("the package says it is larger than it is");
                        }
                    }
                }

                while (span.Length > 0)
                {
                    var take = Math.Min(SegmentBytes - filled, span.Length);
                    span[..take].CopyTo(segment.AsSpan(filled));
                    filled += take;
                    span = span[take..];
                    if (filled == SegmentBytes)
                    {
                        Flush(filled);
                        filled = 0;
                    }
                }
            }

            if (size is null)
            {
                throw new InvalidDataException("the package is empty");
            }

            if (filled > 0)
            {
                // The last segment is padded to the cipher's block; what the file lacks is broken.
                Flush(filled - (filled % 16));
            }

            output.Position = 0;
            return output;
        }
        catch (Exception e) when (e is InvalidDataException or CryptographicException)
        {
            output.Dispose();
            throw new InputException($"{name}: not a readable workbook (its encrypted package: {e.Message})", e);
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }

    /// <summary>How a package is encrypted: the key from a password, and the decryption of a segment.</summary>
    private abstract class Scheme
    {
        public static Scheme Read(byte[] info, string name)
        {
            if (info.Length < 8)
            {
                throw new InputException($"{name}: not a readable workbook (its EncryptionInfo is cut short)");
            }

            var major = BinaryPrimitives.ReadUInt16LittleEndian(info);
            var minor = BinaryPrimitives.ReadUInt16LittleEndian(info.AsSpan(2));
            try
            {
                return (major, minor) switch
                {
                    (4, 4) => Agile.Read(info.AsSpan(8)),
                    (3 or 4, 2) => Standard.Read(info.AsSpan(8)),
                    _ => throw new NotSupportedException($"encryption version {major}.{minor}"),
                };
            }
            catch (Exception e) when (e is NotSupportedException or FormatException or System.Xml.XmlException or ArgumentException or InvalidDataException)
            {
                throw new InputException($"{name}: the workbook is encrypted in a way this reader does not know ({e.Message}); open it in Excel and save it without a password", e);
            }
        }

        /// <summary>The package key, or null when the password is wrong.</summary>
        public abstract byte[]? Key(string password);

        public abstract byte[] DecryptSegment(Aes aes, ReadOnlySpan<byte> cipher, uint index);
    }

    /// <summary>ECMA-376 Agile encryption: XML parameters, a spun hash, a key wrapped under the password's.</summary>
    private sealed class Agile : Scheme
    {
        private const string PasswordUri = "http://schemas.microsoft.com/office/2006/keyEncryptor/password";

        private byte[] dataSalt = [];
        private int dataBlock;
        private HashAlgorithmName dataHash;
        private byte[] keySalt = [];
        private int keyBlock;
        private int keyBits;
        private HashAlgorithmName keyHash;
        private int spinCount;
        private byte[] verifierInput = [];
        private byte[] verifierValue = [];
        private byte[] keyValue = [];

        public static Agile Read(ReadOnlySpan<byte> xml)
        {
            var document = XDocument.Parse(Encoding.UTF8.GetString(xml).TrimStart('\uFEFF'));
            var ns = document.Root!.Name.Namespace;
            var data = document.Root.Element(ns + "keyData") ?? throw new FormatException("no keyData");
            var encryptor = document.Root.Element(ns + "keyEncryptors")?.Elements(ns + "keyEncryptor").FirstOrDefault(e => (string?)e.Attribute("uri") == PasswordUri)
                ?? throw new FormatException("no password key encryptor");
            var key = encryptor.Elements().FirstOrDefault(e => e.Name.LocalName == "encryptedKey") ?? throw new FormatException("no encryptedKey");
            foreach (var element in new[] { data, key })
            {
                if ((string?)element.Attribute("cipherAlgorithm") != "AES" || (string?)element.Attribute("cipherChaining") != "ChainingModeCBC")
                {
                    throw new NotSupportedException($"cipher {(string?)element.Attribute("cipherAlgorithm")} {(string?)element.Attribute("cipherChaining")}");
                }
            }

            var spins = Int(key, "spinCount");
            if (spins is < 0 or > 10_000_000)
            {
                throw new FormatException("a spin count out of range");
            }

            return new Agile
            {
                dataSalt = Bytes(data, "saltValue"),
                dataBlock = Int(data, "blockSize"),
                dataHash = Hash((string?)data.Attribute("hashAlgorithm")),
                keySalt = Bytes(key, "saltValue"),
                keyBlock = Int(key, "blockSize"),
                keyBits = Int(key, "keyBits"),
                keyHash = Hash((string?)key.Attribute("hashAlgorithm")),
                spinCount = spins,
                verifierInput = Bytes(key, "encryptedVerifierHashInput"),
                verifierValue = Bytes(key, "encryptedVerifierHashValue"),
                keyValue = Bytes(key, "encryptedKeyValue"),
            };
        }

        public override byte[]? Key(string password)
        {
            var hash = CryptographicOperations.HashData(keyHash, [.. keySalt, .. Encoding.Unicode.GetBytes(password)]);
            var round = new byte[4 + hash.Length];
            for (var i = 0; i < spinCount; i++)
            {
                BinaryPrimitives.WriteInt32LittleEndian(round, i);
                hash.CopyTo(round, 4);
                hash = CryptographicOperations.HashData(keyHash, round);
            }

            byte[] Unwrap(byte[] block, byte[] value)
            {
                var derived = Fit(CryptographicOperations.HashData(keyHash, [.. hash, .. block]), keyBits / 8, 0x36);
                using var aes = Aes.Create();
                aes.Key = derived;
                return aes.DecryptCbc(value, Fit(keySalt, keyBlock, 0x36), PaddingMode.None);
            }

            var input = Unwrap(VerifierInputBlock, verifierInput);
            var expected = CryptographicOperations.HashData(keyHash, input.AsSpan(0, Math.Min(input.Length, keySalt.Length)));
            var actual = Unwrap(VerifierValueBlock, verifierValue);
            if (actual.Length < expected.Length || !CryptographicOperations.FixedTimeEquals(actual.AsSpan(0, expected.Length), expected))
            {
                return null;
            }

            return Unwrap(KeyValueBlock, keyValue)[..(keyBits / 8)];
        }

        public override byte[] DecryptSegment(Aes aes, ReadOnlySpan<byte> cipher, uint index)
        {
            var block = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(block, index);
            var iv = Fit(CryptographicOperations.HashData(dataHash, [.. dataSalt, .. block]), dataBlock, 0x36);
            return aes.DecryptCbc(cipher, iv, PaddingMode.None);
        }

        private static int Int(XElement element, string name) =>
            int.TryParse((string?)element.Attribute(name), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new FormatException($"no {name}");

        private static byte[] Bytes(XElement element, string name) =>
            Convert.FromBase64String((string?)element.Attribute(name) ?? throw new FormatException($"no {name}"));

        private static HashAlgorithmName Hash(string? name) => name switch
        {
            "SHA1" => HashAlgorithmName.SHA1,
            "SHA256" => HashAlgorithmName.SHA256,
            "SHA384" => HashAlgorithmName.SHA384,
            "SHA512" => HashAlgorithmName.SHA512,
            _ => throw new NotSupportedException($"hash {name}"),
        };
    }

    /// <summary>ECMA-376 Standard encryption: AES-ECB under a key made from a SHA-1 hash spun 50,000 times.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350:Do not use weak cryptographic algorithms", Justification = "The format fixes SHA-1; this reads files, it protects nothing.")]
    private sealed class Standard : Scheme
    {
        private const int Spins = 50_000;

        private byte[] salt = [];
        private int keyBytes;
        private byte[] verifier = [];
        private byte[] verifierHash = [];

        public static Standard Read(ReadOnlySpan<byte> rest)
        {
            // After the version and flags: the header's size, the header (flags, size extra, algorithm,
            // hash algorithm, key size in bits …), then the verifier.
            var headerSize = BinaryPrimitives.ReadInt32LittleEndian(rest);
            var header = rest.Slice(4, headerSize);
            var algorithm = BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
            var hash = BinaryPrimitives.ReadUInt32LittleEndian(header[12..]);
            var bits = BinaryPrimitives.ReadInt32LittleEndian(header[16..]);
            if (algorithm is not (0x660E or 0x660F or 0x6610) || hash is not (0x8004 or 0))
            {
                throw new NotSupportedException($"algorithm 0x{algorithm:X4} with hash 0x{hash:X4}");
            }

            var v = rest[(4 + headerSize)..];
            var saltSize = BinaryPrimitives.ReadInt32LittleEndian(v);
            if (saltSize != 16)
            {
                throw new FormatException("a salt of other than 16 bytes");
            }

            return new Standard
            {
                salt = v.Slice(4, 16).ToArray(),
                keyBytes = bits / 8,
                verifier = v.Slice(20, 16).ToArray(),
                verifierHash = v.Slice(40, 32).ToArray(),
            };
        }

        public override byte[]? Key(string password)
        {
            var hash = SHA1.HashData([.. salt, .. Encoding.Unicode.GetBytes(password)]);
            var round = new byte[4 + hash.Length];
            for (var i = 0; i < Spins; i++)
            {
                BinaryPrimitives.WriteInt32LittleEndian(round, i);
                hash.CopyTo(round, 4);
                hash = SHA1.HashData(round);
            }

            var final = SHA1.HashData([.. hash, 0, 0, 0, 0]);
            byte[] Pad(byte fill)
            {
                var buffer = Enumerable.Repeat(fill, 64).ToArray();
                for (var i = 0; i < final.Length; i++)
                {
                    buffer[i] ^= final[i];
                }

                return SHA1.HashData(buffer);
            }

            var key = Pad(0x36).Concat(Pad(0x5C)).Take(keyBytes).ToArray();
            using var aes = Aes.Create();
            aes.Key = key;
            var plain = aes.DecryptEcb(verifier, PaddingMode.None);
            var plainHash = aes.DecryptEcb(verifierHash, PaddingMode.None);
            return CryptographicOperations.FixedTimeEquals(SHA1.HashData(plain), plainHash.AsSpan(0, 20)) ? key : null;
        }

        public override byte[] DecryptSegment(Aes aes, ReadOnlySpan<byte> cipher, uint index) => aes.DecryptEcb(cipher, PaddingMode.None);
    }

    /// <summary>The bytes cut or padded (with <paramref name="fill"/>) to <paramref name="length"/>.</summary>
    private static byte[] Fit(byte[] bytes, int length, byte fill)
    {
        var result = Enumerable.Repeat(fill, length).ToArray();
        bytes.AsSpan(0, Math.Min(length, bytes.Length)).CopyTo(result);
        return result;
    }
}
