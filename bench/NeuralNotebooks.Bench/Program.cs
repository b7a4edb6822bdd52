using NeuralNotebooks.Bench;

return BenchmarkCommand.Run(args, Console.Out, Console.Error);
