using ChargerController.Cli;

return await CliApplication.RunAsync(args, CliServices.CreateDefault()).ConfigureAwait(false);
