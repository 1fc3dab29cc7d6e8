namespace LocalFunctionsHost.Worker;

internal enum BindingDirection
{
    In,
    Out,
    InOut,
}
