using Playbook.Cli;

return PlaybookCommand.Run(args, Console.Out, Console.Error);
