namespace NeuralNotebooks.Tests.Notebooks.Checks;

/// <summary>
/// The key outputs of one notebook, checked against independent expectations after it ran in the stock kernel.
/// One class per notebook (course or solution), found by name: a notebook without one fails its test.
/// </summary>
public abstract class NotebookCheck
{
    /// <summary>The notebook's file name without extension; solutions as "solutions/NN-name".</summary>
    public abstract string Notebook { get; }

    /// <summary>Asserts what the notebook's prose relies on.</summary>
    public abstract void Check(ExecutedNotebook run);

    private static readonly IReadOnlyDictionary<string, NotebookCheck> All =
        typeof(NotebookCheck).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(NotebookCheck)) && !t.IsAbstract)
            .Select(t => (NotebookCheck)Activator.CreateInstance(t)!)
            .ToDictionary(c => c.Notebook);

    /// <summary>The check for a notebook, or null when it has none.</summary>
    public static NotebookCheck? For(string notebook) => All.GetValueOrDefault(notebook);
}
