namespace Playbook.Files;

/// <summary>
/// A workbook in an OLE compound file: an encrypted .xlsx, decrypted here and read like any .xlsx
/// (<see cref="SheetRows"/>, with its limits and the parallel engine), or an .xls, read through
/// ExcelDataReader (<see cref="XlsxRowSource"/>) when it is no larger than <see cref="WorkbookLimits.MaxXlsBytes"/>.
/// </summary>
internal static class CompoundWorkbook
{
    /// <summary>
    /// Opens the workbook: an encrypted one with the password its file name carries (a 快手小店
    /// download: the last 6 characters of its name), else with <paramref name="password"/>. No
    /// password is ever written anywhere.
    /// </summary>
    /// <exception cref="InputException">No password opens it, or it is not a readable workbook, or it is past a limit.</exception>
    public static IRowSource Open(string path, string name, string? password)
    {
        CompoundFile file;
        try
        {
            file = CompoundFile.Open(path);
        }
        catch (InvalidDataException e)
        {
            throw new InputException($"{name}: not a readable workbook ({e.Message})", e);
        }

        Stream? package;
        using (file)
        {
            if (!OfficeDecryption.IsEncryptedPackage(file))
            {
                var size = new FileInfo(path).Length;
                if (size > WorkbookLimits.MaxXlsBytes)
                {
                    throw new InputException($"{name}: refused: an .xls of {WorkbookLimits.Size(size)}, more than the limit of {WorkbookLimits.Size(WorkbookLimits.MaxXlsBytes)} (an .xls holds at most 65,536 rows): the file is built to exhaust memory, or broken");
                }

                return XlsxRowSource.Open(path, name, password);
            }

            package = OfficeDecryption.Decrypt(file, name, [XlsxRowSource.PasswordFromName(path), password]);
        }

        if (package is null)
        {
            var tried = password is null
                ? "the password from its file name (its last 6 characters), and no --password was given"
                : "the password from its file name (its last 6 characters) and the one given with --password";
            throw new InputException($"{name}: the workbook is encrypted and no password opens it: tried {tried}");
        }

        return SheetRows.Open(package, name);
    }
}
