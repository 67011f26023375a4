using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Evidence.Web;
using Evidence.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Evidence.Cli.Commands;

/// <summary>
/// <c>evidence serve [workspace] [--port N] [--bind ADDR] [--allow-remote] [--as-of T]</c>: the live dashboard and
/// the attestation portal, on loopback unless asked otherwise; and <c>serve invite</c> for sign-in links.
/// </summary>
internal static class ServeCommand
{
    public const int DefaultPort = 5080;

    public static Command Create(CliContext context)
    {
        var workspace = CommonOptions.Workspace();
        var port = new Option<int>("--port") { Description = $"The TCP port to listen on. Default: {DefaultPort}.", DefaultValueFactory = _ => DefaultPort };
        var bind = new Option<string>("--bind") { Description = "The address to listen on. Default: 127.0.0.1 (this machine only).", DefaultValueFactory = _ => "127.0.0.1" };
        var allowRemote = new Option<bool>("--allow-remote") { Description = "Allow an address reachable from the network; every page then needs a signed-in person." };
        var asOf = CommonOptions.AsOf();
        var flags = new ServeFlags();
        var command = new Command("serve", "Serve the live compliance dashboard and the attestation portal for control owners.")
        {
            workspace, port, bind, allowRemote, asOf,
        };
        foreach (var option in flags.Sign.Concat(flags.Mail))
        {
            command.Add(option);
        }

        command.Add(ServeInviteCommand.Create(context));
        command.Add(ServeRevokeCommand.Create(context));
        command.Add(ServeRemindCommand.Create(context));
        command.SetAction(parse =>
        {
            var root = parse.GetValue(workspace)!;
            if (!File.Exists(Path.Combine(root, Core.Loading.WorkspaceLoader.WorkspaceFile)))
            {
                throw UserException.Usage($"{root}: no {Core.Loading.WorkspaceLoader.WorkspaceFile} here; name the workspace folder, or create one with 'evidence init'");
            }

            var address = Address(parse.GetValue(bind)!, parse.GetValue(allowRemote));
            var file = ServeSettingsOf(root, context);
            var options = new ServeOptions
            {
                Workspace = root,
                AsOf = parse.GetValue(asOf) is { } text ? AsOf.Resolve(text, context) : null,
                Time = context.Time,
                Remote = !IPAddress.IsLoopback(address),
                Oidc = flags.Oidc(parse, context, file?.Oidc),
                LeadRoles = flags.LeadRolesOf(parse),
                Smtp = flags.Smtp(parse, context),
            };
            return (int)Run(options, address, parse.GetValue(port), context);
        });
        return command;
    }

    /// <summary>
    /// <c>serve:</c> of evidence.yaml, read once: sign-in is set up before anything listens, so its errors stop serve.
    /// A file that does not parse at all is served as its errors (and recovers when fixed), so serve starts without
    /// it, saying that only the flags set up sign-in.
    /// </summary>
    private static Core.Workspaces.ServeSettings? ServeSettingsOf(string root, CliContext context)
    {
        var (settings, diagnostics) = Core.Loading.WorkspaceLoader.LoadServeSettings(root);
        WorkspaceSession.Print(diagnostics, context.Error);
        if (settings is null)
        {
            context.Error.WriteLine($"serve.oidc of {Core.Loading.WorkspaceLoader.WorkspaceFile} is not read while the file does not parse; only the --oidc-* flags set up sign-in (fix it and start serve again)");
            return null;
        }

        return WorkspaceSession.ExitFor(diagnostics) != ExitCode.Success
            ? throw UserException.Workspace($"{Core.Loading.WorkspaceLoader.WorkspaceFile}: 'serve' has errors (above); serve sets up sign-in from it once, at start")
            : settings;
    }

    /// <summary>The address to bind: loopback unless <c>--allow-remote</c> says otherwise.</summary>
    internal static IPAddress Address(string text, bool allowRemote)
    {
        var address = text == "localhost" ? IPAddress.Loopback
            : IPAddress.TryParse(text, out var parsed) ? parsed
            : throw UserException.Usage($"--bind '{text}' is not an IP address; use 127.0.0.1 (this machine), ::1, or an address of this machine with --allow-remote");
        return IPAddress.IsLoopback(address) || allowRemote
            ? address
            : throw UserException.RemoteBindRefused($"--bind {text} would serve the dashboard and portal to the network; add --allow-remote if that is meant (every page then needs a sign-in), or leave --bind out to stay on 127.0.0.1");
    }

    private static ExitCode Run(ServeOptions options, IPAddress address, int port, CliContext context)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = Path.GetFullPath(options.Workspace) });
        // Request logs would carry sign-in links; the audit log records what matters, without them.
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(address, port));
        ServeApp.AddServices(builder.Services, options);
        using var app = builder.Build();
        ServeApp.UsePipeline(app);
        try
        {
            app.StartAsync(context.Cancellation).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            throw UserException.CannotListen($"cannot listen on {new IPEndPoint(address, port)}: {e.Message} (choose another --port, or stop the program that uses it)");
        }

        var url = $"http://{new IPEndPoint(address, port)}";
        context.Out.WriteLine($"Serving {Path.GetFullPath(options.Workspace)} at {url}/ (Ctrl-C stops)");
        context.Out.WriteLine($"Owners sign in with a link from 'evidence serve invite OWNER -w {options.Workspace} --url {url}'.");
        if (options.Oidc is not null)
        {
            context.Out.WriteLine($"Or with {options.Oidc.Authority} (register {options.Oidc.RedirectUri?.ToString() ?? url + Web.SignIn.OidcSettings.CallbackPath} as its redirect URI).");
        }

        context.Out.Flush();
        try
        {
            Task.Delay(Timeout.Infinite, context.Cancellation).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C or SIGTERM: stop serving below.
        }

        app.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        context.Out.WriteLine("Stopped.");
        return ExitCode.Success;
    }
}
