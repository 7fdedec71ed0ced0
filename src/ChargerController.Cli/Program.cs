using System.CommandLine;

var root = new RootCommand("chargerctl: ChargerController field tool");
return root.Parse(args).Invoke();
