using ChargerController.Ocpp.Generator;

// Usage: ChargerController.Ocpp.Generator <schemas-2.1-folder> <schemas-2.0.1-folder> <ChargerController.Ocpp-project-folder>
// From the repo root:
//   dotnet run --project src/ChargerController.Ocpp.Generator -- src/ChargerController.Ocpp/Schemas/v2.1 src/ChargerController.Ocpp/Schemas/v2.0.1 src/ChargerController.Ocpp
if (args.Length != 3)
{
    await Console.Error.WriteLineAsync("usage: <schemas-2.1-folder> <schemas-2.0.1-folder> <ChargerController.Ocpp-project-folder>").ConfigureAwait(false);
    return 2;
}

try
{
    var files = OcppModelGenerator.Generate(args[0], args[1]);
    var changed = OcppModelGenerator.Write(args[2], files);
    Console.WriteLine($"{files.Count} generated files, {changed} written or deleted.");
    return 0;
}
catch (InvalidDataException ex)
{
    await Console.Error.WriteLineAsync("schema error: " + ex.Message).ConfigureAwait(false);
    return 1;
}
