namespace Playbook.Files;

/// <summary>
/// A file that cannot be read at all: missing, empty, unknown layout, a required column missing,
/// an unknown encoding. The message names the file and says what was expected and what was found.
/// </summary>
public class InputException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    public InputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public InputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception without a message.</summary>
    public InputException()
    {
    }
}
