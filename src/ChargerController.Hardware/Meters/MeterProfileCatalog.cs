namespace ChargerController.Hardware.Meters;

/// <summary>
/// The meter profiles available on this station: those embedded at build time from <c>hardware/meters/*.json</c>,
/// overlaid by files in an override directory (a file with the same name replaces the built-in profile, a new name adds one).
/// </summary>
public sealed class MeterProfileCatalog
{
    /// <summary>Where the service looks for site-specific profiles (systemd <c>ConfigurationDirectory=</c>, conventions 2.4).</summary>
    public const string DefaultOverrideDirectory = "/etc/chargercontroller/meters";

    private const string ResourcePrefix = "ChargerController.Hardware.Meters.Profiles.";
    private const string TemplateName = "template";

    private readonly SortedDictionary<string, Func<string>> _sources = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> _origins = new(StringComparer.Ordinal);

    /// <summary>Creates the catalog.</summary>
    /// <param name="overrideDirectory">Directory of override profiles; <see langword="null"/> or missing = built-in profiles only.</param>
    public MeterProfileCatalog(string? overrideDirectory = DefaultOverrideDirectory)
    {
        var assembly = typeof(MeterProfileCatalog).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) && resource.EndsWith(".json", StringComparison.Ordinal))
            {
                var name = resource[ResourcePrefix.Length..^".json".Length];
                _sources[name] = () => ReadResource(resource);
                _origins[name] = "built-in " + name + ".json";
            }
        }

        OverrideDirectory = overrideDirectory;
        if (overrideDirectory is not null && Directory.Exists(overrideDirectory))
        {
            foreach (var file in Directory.EnumerateFiles(overrideDirectory, "*.json"))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                if (name == TemplateName)
                {
                    continue;
                }

                _sources[name] = () => File.ReadAllText(file);
                _origins[name] = file;
            }
        }
    }

    /// <summary>The override directory in use, if any.</summary>
    public string? OverrideDirectory { get; }

    /// <summary>Names of all profiles, sorted.</summary>
    public IReadOnlyList<string> Names => [.. _sources.Keys];

    /// <summary>Loads one profile.</summary>
    /// <param name="name">Profile name (<c>sdm630</c>).</param>
    /// <returns>The validated profile.</returns>
    /// <exception cref="MeterProfileException">Unknown name, unreadable file, or invalid profile.</exception>
    public MeterProfile Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_sources.TryGetValue(name, out var load))
        {
            throw new MeterProfileException($"unknown meter profile '{name}' (known: {string.Join(", ", _sources.Keys)})");
        }

        var origin = _origins[name];
        string json;
        try
        {
            json = load();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MeterProfileException($"{origin}: cannot read: {ex.Message}", ex);
        }

        var profile = MeterProfile.Parse(json, origin);
        if (profile.Name != name)
        {
            throw new MeterProfileException($"{origin}: 'name' is '{profile.Name}' but the file is named '{name}.json'; they must match");
        }

        return profile;
    }

    private static string ReadResource(string resource)
    {
        using var stream = typeof(MeterProfileCatalog).Assembly.GetManifestResourceStream(resource)
            ?? throw new MeterProfileException($"embedded profile {resource} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
