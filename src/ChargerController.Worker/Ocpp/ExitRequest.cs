namespace ChargerController.Worker.Ocpp;

/// <summary>The exit code the host returns once it stopped; a Reset asks for <see cref="ExitCodes.RestartRequested"/>.</summary>
internal sealed class ExitRequest
{
    private int code = ExitCodes.Ok;

    public int Code => Volatile.Read(ref code);

    public void Request(int exitCode) => Volatile.Write(ref code, exitCode);
}
