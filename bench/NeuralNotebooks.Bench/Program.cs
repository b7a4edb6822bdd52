using NeuralNotebooks.Bench;

return BenchmarkCommand.Run(args);
