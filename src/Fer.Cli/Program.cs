using Fer.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return FerCommands.Run(args, Console.Out, Console.Error, cancel.Token);
