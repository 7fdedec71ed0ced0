namespace ChargerController.Storage;

/// <summary>The database on disk cannot be used by this build (written by a newer version).</summary>
public sealed class StorageVersionException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and what to do.</param>
    public StorageVersionException(string message)
        : base(message)
    {
    }
}
