using OnePointEntry.Tool;
using OnePointEntry.Tool.Commands;

ICommand[] commands = [new ExtractCommand(), new SeedCommand(), new ImportCommand(), new StatsCommand(), new MailSendCommand(), new DeliveriesCommand(), new CorpusCommand(), new WorklistCommand()];

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine("usage: ope <command> [arguments]");
    foreach (var command in commands)
    {
        Console.WriteLine("  " + command.Usage);
    }

    return args.Length == 0 ? 2 : 0;
}

var chosen = commands.FirstOrDefault(c => c.Name == args[0]);
if (chosen is null)
{
    Console.Error.WriteLine($"ope: unknown command '{args[0]}'. Commands: {string.Join(", ", commands.Select(c => c.Name))}.");
    return 2;
}

Console.OutputEncoding = System.Text.Encoding.UTF8;
return chosen.Run(args[1..], Console.Out, Console.Error);
