package io.causeflow.client.cli;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.causeflow.client.CauseFlowClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The {@code causeflow} command line. {@link #run} is the testable entry point: arguments, environment and
 * streams go in, the exit code comes out; nothing touches {@code System} except {@link #main}.
 */
@Command(name = "causeflow", mixinStandardHelpOptions = true, versionProvider = CauseFlowCli.Version.class,
        description = "Send alerts to CauseFlow and follow its notification stream.",
        subcommands = {SendCommand.class, StreamCommand.class, FlushCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Environment: CAUSEFLOW_URL, CAUSEFLOW_TENANT_ID, CAUSEFLOW_API_KEY, CAUSEFLOW_WEBHOOK_SECRET,"
                + " CAUSEFLOW_STREAM_TOKEN."})
public final class CauseFlowCli implements Runnable {
    private final CliContext context;

    private CauseFlowCli(final CliContext context) {
        this.context = context;
    }

    /**
     * Runs the command line in this JVM.
     *
     * @param args the arguments
     */
    public static void main(final String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(args, System.getenv(), out, err));
    }

    /**
     * Runs one command.
     *
     * @param args the arguments
     * @param env the environment variables to read ({@code CAUSEFLOW_*})
     * @param out where results go
     * @param err where diagnostics go
     * @return the exit code, see {@link ExitCodes}
     */
    public static int run(final String[] args, final Map<String, String> env, final PrintWriter out,
            final PrintWriter err) {
        CliContext context = new CliContext(Map.copyOf(env), out, err);
        CommandLine commandLine = new CommandLine(new CauseFlowCli(context), new Factory(context))
                .setOut(out).setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(CauseFlowCli::onBadParameters)
                .setExecutionExceptionHandler((e, cmd, parsed) -> onFailure(e, cmd, context));
        commandLine.setExitCodeExceptionMapper(e -> ExitCodes.INTERNAL);
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @CommandLine.Spec
    @CheckForNull
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(Objects.requireNonNull(spec).commandLine(),
                "missing command: use send, stream or flush");
    }

    static URI baseUrl(final CliContext context, @CheckForNull final URI option) {
        if (option != null) {
            return option;
        }
        String env = context.env("CAUSEFLOW_URL");
        return env == null ? CauseFlowClient.DEFAULT_BASE_URL : URI.create(env.strip());
    }

    /**
     * Prints a usage error without echoing argument values: an unknown option may carry a secret
     * ({@code --api-key=...}), so only option names are shown.
     */
    private static int onBadParameters(final CommandLine.ParameterException e, final String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        if (e instanceof CommandLine.UnmatchedArgumentException) {
            List<String> unmatched = ((CommandLine.UnmatchedArgumentException) e).getUnmatched();
            List<String> names = unmatched.stream().filter(arg -> arg.startsWith("-"))
                    .map(arg -> arg.contains("=") ? arg.substring(0, arg.indexOf('=')) + "=…" : arg)
                    .collect(Collectors.toList());
            long hidden = unmatched.size() - names.size();
            err.println("causeflow: unknown option(s) " + (names.isEmpty() ? "" : String.join(", ", names))
                    + (hidden > 0 ? (names.isEmpty() ? "" : " and ") + hidden + " unexpected argument(s), not shown"
                            : ""));
            if (unmatched.stream().anyMatch(arg -> arg.matches("--?(api-?key|webhook-?secret|token|secret)(=.*)?"))) {
                err.println("causeflow: secrets are read from CAUSEFLOW_API_KEY, CAUSEFLOW_WEBHOOK_SECRET, "
                        + "CAUSEFLOW_STREAM_TOKEN or the --*-file options, never from arguments");
            }
        }
        else {
            err.println("causeflow: " + e.getMessage());
        }
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    private static int onFailure(final Exception e, final CommandLine cmd, final CliContext context) {
        PrintWriter err = cmd.getErr();
        if (e instanceof UsageException) {
            err.println("causeflow: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        if (e instanceof IllegalArgumentException) {
            err.println("causeflow: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            err.println("causeflow: interrupted");
            err.flush();
            return ExitCodes.FAILED;
        }
        // Never print a stack trace that might hold request details; the type and message are enough.
        err.println("causeflow: internal error: " + e.getClass().getName() + ": " + Objects.toString(e.getMessage(),
                ""));
        err.flush();
        return ExitCodes.INTERNAL;
    }

    /** Creates commands with the shared context. */
    private static final class Factory implements CommandLine.IFactory {
        private final CliContext context;

        Factory(final CliContext context) {
            this.context = context;
        }

        @Override
        public <K> K create(final Class<K> type) throws Exception {
            if (type == SendCommand.class) {
                return type.cast(new SendCommand(context));
            }
            if (type == StreamCommand.class) {
                return type.cast(new StreamCommand(context));
            }
            if (type == FlushCommand.class) {
                return type.cast(new FlushCommand(context));
            }
            if (type == CauseFlowCli.class) {
                return type.cast(new CauseFlowCli(context));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }

    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = CauseFlowCli.class.getPackage().getImplementationVersion();
            return new String[] {"causeflow " + (version == null ? "(development build)" : version)};
        }
    }
}
