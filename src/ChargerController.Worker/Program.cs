using ChargerController.Worker;
using ChargerController.Worker.Configuration;

var root = ChargerdCommandLine.Build((invocation, ct) => ChargerdHost.RunAsync(invocation, Console.Error, ct));
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
