using System.Runtime.CompilerServices;
using Evidence.Testing;

namespace Evidence.Core.Tests;

/// <summary>Registers the clouds before any test runs, as the CLI's composition root does before any command.</summary>
internal static class RegisterClouds
{
    [ModuleInitializer]
    internal static void Register() => TestClouds.Register();
}
