using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace Regularizers.ML;

/// <summary>
/// Reaches the environment behind a trainer catalog (the <c>MLContext</c>'s, whose channels feed <c>mlContext.Log</c>)
/// and its cancellation flag. ML.NET keeps all three internal (<c>IInternalCatalog.Environment</c>, which every catalog
/// implements; <c>ICancelable.IsCanceled</c>, which its own trainers check between iterations; and
/// <c>MLContext.CancelExecution</c>), so they are reached by reflection, as <see cref="ShapeColumns"/> does; both are resolved once, when this
/// type is first used, and a missing member is an error that names it rather than a trainer that cannot be cancelled.
/// </summary>
internal static class MLNetEnvironment
{
    private static readonly PropertyInfo Environment =
        typeof(MulticlassClassificationCatalog).Assembly.GetType("Microsoft.ML.Data.IInternalCatalog")?.GetProperty("Environment")
        ?? throw new MissingMemberException("Microsoft.ML.Data.IInternalCatalog", "Environment");

    private static readonly Type Cancelable =
        typeof(IHostEnvironment).Assembly.GetType("Microsoft.ML.Runtime.ICancelable") ?? throw new TypeLoadException("Microsoft.ML.Runtime.ICancelable is missing.");

    private static readonly PropertyInfo Canceled =
        Cancelable.GetProperty("IsCanceled") ?? throw new MissingMemberException("Microsoft.ML.Runtime.ICancelable", "IsCanceled");

    private static readonly MethodInfo CancelMethod =
        typeof(MLContext).GetMethod("CancelExecution", BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes)
        ?? throw new MissingMemberException(nameof(MLContext), "CancelExecution");

    /// <summary>The environment (the <c>MLContext</c>) <paramref name="catalog"/> belongs to.</summary>
    public static IHostEnvironment Of(object catalog) => (IHostEnvironment)Environment.GetValue(catalog)!;

    /// <summary>Sets the flag ML.NET's trainers (and ours) check, through <c>MLContext</c>'s internal <c>CancelExecution</c>.</summary>
    public static void Cancel(MLContext context) => CancelMethod.Invoke(context, null);

    /// <summary>Whether <c>mlContext.CancelExecution()</c> has been called.</summary>
    public static bool IsCanceled(IHostEnvironment environment) => (bool)Canceled.GetValue(environment)!;
}
