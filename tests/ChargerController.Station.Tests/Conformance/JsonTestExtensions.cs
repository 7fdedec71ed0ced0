namespace ChargerController.Station.Tests.Conformance;

internal static class JsonTestExtensions
{
    public static TResult Let<T, TResult>(this T value, Func<T, TResult> map) => map(value);
}
