using Evidence.Cli;

return EvidenceApp.Run(args, CliContext.FromConsole());
