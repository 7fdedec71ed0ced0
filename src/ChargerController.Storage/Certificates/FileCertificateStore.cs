using System.Security.Cryptography;
using ChargerController.Station.Security;

namespace ChargerController.Storage.Certificates;

/// <summary>
/// Certificates and private keys as files under the state directory: <c>&lt;root&gt;/&lt;use&gt;/&lt;sha256&gt;.der</c>
/// and <c>&lt;root&gt;/keys/&lt;name&gt;.p8</c>. Directories are 0700 and files 0600 (created so, never widened), so
/// only the service user can read a key. Writes go to a temporary file that is flushed and renamed, so a power cut
/// leaves either the old or the new file, never half a key.
/// </summary>
public sealed class FileCertificateStore : ICertificateStore
{
    private const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const string KeysDirectory = "keys";
    private readonly string _root;
    private readonly Lock _gate = new();

    /// <summary>Initializes a new instance of the <see cref="FileCertificateStore"/> class.</summary>
    /// <param name="root">The directory (e.g. <c>/var/lib/charger-controller/certificates</c>); created when missing.</param>
    public FileCertificateStore(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        _root = root;
        CreateDirectory(_root);
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredCertificate> LoadAll()
    {
        lock (_gate)
        {
            var result = new List<StoredCertificate>();
            foreach (var directory in Directory.EnumerateDirectories(_root))
            {
                var use = Path.GetFileName(directory);
                if (use == KeysDirectory)
                {
                    continue;
                }

                foreach (var file in Directory.EnumerateFiles(directory, "*.der").Order(StringComparer.Ordinal))
                {
                    result.Add(new StoredCertificate(use, File.ReadAllBytes(file)));
                }
            }

            return result;
        }
    }

    /// <inheritdoc/>
    public void Save(StoredCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        lock (_gate)
        {
            var directory = Path.Combine(_root, SafeName(certificate.Use));
            CreateDirectory(directory);
            WriteAtomically(Path.Combine(directory, Convert.ToHexStringLower(SHA256.HashData(certificate.Der)) + ".der"), certificate.Der);
        }
    }

    /// <inheritdoc/>
    public void Delete(StoredCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        lock (_gate)
        {
            File.Delete(Path.Combine(_root, SafeName(certificate.Use), Convert.ToHexStringLower(SHA256.HashData(certificate.Der)) + ".der"));
        }
    }

    /// <inheritdoc/>
    public void SaveKey(string name, byte[] pkcs8)
    {
        ArgumentNullException.ThrowIfNull(pkcs8);
        lock (_gate)
        {
            var directory = Path.Combine(_root, KeysDirectory);
            CreateDirectory(directory);
            WriteAtomically(KeyPath(name), pkcs8);
        }
    }

    /// <inheritdoc/>
    public byte[]? LoadKey(string name)
    {
        lock (_gate)
        {
            var path = KeyPath(name);
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        }
    }

    /// <inheritdoc/>
    public void DeleteKey(string name)
    {
        lock (_gate)
        {
            var path = KeyPath(name);
            if (File.Exists(path))
            {
                // Overwrite before unlinking, so the key bytes do not linger in the freed blocks of a simple file system.
                var length = new FileInfo(path).Length;
                File.WriteAllBytes(path, new byte[length]);
                File.Delete(path);
            }
        }
    }

    private static string SafeName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_' and not '.') || name.StartsWith('.'))
        {
            throw new ArgumentException("Names are ASCII letters, digits, '-', '_' and '.', not starting with '.'.", nameof(name));
        }

        return name;
    }

    private static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, DirectoryMode);
        }
    }

    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = System.IO.FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private string KeyPath(string name) => Path.Combine(_root, KeysDirectory, SafeName(name) + ".p8");
}
