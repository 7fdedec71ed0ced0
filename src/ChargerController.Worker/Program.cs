using System.CommandLine;
using ChargerController.Worker;
using ChargerController.Worker.Configuration;

var root = ChargerdCommandLine.Build((invocation, ct) => ChargerdHost.RunAsync(invocation, Console.Error, ct));

// SIGTERM/SIGINT belong to the Generic Host (ConsoleLifetime, or SystemdLifetime under systemd): it stops every service in
// order and waits for them (HostOptions.ShutdownTimeout). System.CommandLine's own handler would end the process with exit
// code 1 when that shutdown takes longer than its 2 s default, which a loaded machine reached (a power-loss test saw it), and
// systemd would log a failed stop for a clean one.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = null };
return await root.Parse(args).InvokeAsync(invocation).ConfigureAwait(false);
