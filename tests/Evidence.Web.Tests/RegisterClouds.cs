using System.Runtime.CompilerServices;
using Evidence.Testing;

namespace Evidence.Web.Tests;

/// <summary>Registers the clouds before any test runs, as the CLI's composition root does before <c>evidence serve</c>.</summary>
internal static class RegisterClouds
{
    [ModuleInitializer]
    internal static void Register() => TestClouds.Register();
}
