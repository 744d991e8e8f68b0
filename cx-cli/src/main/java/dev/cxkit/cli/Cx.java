package dev.cxkit.cli;

import dev.cxkit.core.io.UnreadableInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code cx} command: customer-experience reports, scores with confidence intervals, journey
 * analytics and service-recovery plans from CSV or JSON Lines exports.
 *
 * <p>Run it with {@code Cx.commandLine(System.in, args).execute(args)}: the command installs its own
 * error handling, so every failure ends as a one-line {@code cx: message} on standard error and an
 * exit code (0 success, 1 rows rejected under {@code --strict}, 2 usage error or unreadable input),
 * never as a stack trace unless {@code --verbose} is given.
 *
 * <p>Not thread-safe: use one instance per run.
 */
@Command(name = "cx",
        mixinStandardHelpOptions = true,
        versionProvider = Cx.Version.class,
        modelTransformer = Cx.ErrorHandling.class,
        description = {"Customer experience from raw exports (CSV or JSON Lines): a CX health report with charts; "
            + "NPS, CSAT and CES with confidence intervals and significance tests; journey analytics (funnel, "
            + "promises, what failures cost, whether recovery works, consistency, closed loop); recovery plans for "
            + "service failures from rule-based policies (AWARE steps, offers, approvals), and tools for the rule "
            + "authors who write those policies.",
            "Start with 'cx report': with no arguments it reports on a bundled sample restaurant chain.",
            ""},
        footer = {"", "Every command prints its own help: cx COMMAND --help (cx rules check --help).",
            "Exit codes: 0 success, 1 rows rejected with --strict (or a decision failed), 2 usage error or "
                + "unreadable input.",
            "", "Examples:", "  cx report",
            "  cx report --responses responses.csv --events events.csv \\",
            "      --definition dine-in.yaml --incidents incidents.jsonl --out out/",
            "  cx sample --size 60000 --out sample/",
            "  cx score responses.csv --by location --period month",
            "  cx compare march.csv april.csv --metric nps",
            "  cx sample-size --metric nps --half-width 5",
            "  cx journeys events.csv --definition dine-in.yaml --responses responses.csv",
            "  cx recover incidents.jsonl --policy restaurant",
            "  cx rules check my-policy/ && cx rules test my-policy/"})
public final class Cx implements Runnable {

    /**
     * The commands in the order of the help, each made only when it is needed: building all of
     * them (picocli reads every option's annotations) costs a tenth of a second at every start.
     */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("report", ReportCommand::new);
        commands.put("inspect", InspectCommand::new);
        commands.put("score", ScoreCommand::new);
        commands.put("compare", CompareCommand::new);
        commands.put("sample-size", SampleSizeCommand::new);
        commands.put("journeys", JourneysCommand::new);
        commands.put("recover", RecoverCommand::new);
        commands.put("rules", RulesCommand::new);
        commands.put("sample", SampleCommand::new);
        commands.put("help", CommandLine.HelpCommand::new);
        return commands;
    }

    /**
     * Returns the command line that runs {@code args}: with only the command {@code args} name
     * when it names one (the others are not built), else with every command (for the help, and
     * for the suggestions after a misspelt name).
     *
     * @param stdin what {@code -} reads
     * @param args the arguments it will run
     * @return the command line, with its error handling installed
     */
    public static CommandLine commandLine(InputStream stdin, String... args) {
        CommandLine root = new CommandLine(new Cx(stdin));
        String named = null;
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                named = arg;
                break;
            }
        }
        Supplier<Object> only = named == null || named.equals("help") ? null : COMMANDS.get(named);
        if (only != null) {
            root.addSubcommand(named, only.get());
        } else {
            COMMANDS.forEach((name, command) -> root.addSubcommand(name, command.get()));
        }
        ErrorHandling.install(root); // again: the settings reach the subcommands there are now
        return root;
    }

    /** Exit code of a usage error or an input that cannot be read. */
    public static final int EXIT_USAGE = 2;
    /** Exit code when rows were rejected and {@code --strict} was given. */
    public static final int EXIT_REJECTED = 1;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print stack traces of errors (for bug reports), and cx report's timings. Default: off.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Print no progress and no informational messages on standard error; warnings, "
                    + "rejected rows and errors are still printed. Default: off.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    private final InputStream stdin;

    /** Creates the command reading {@code -} from {@link System#in}. */
    public Cx() {
        this(System.in);
    }

    /**
     * Creates the command with another standard input, for tests and embedding.
     *
     * @param stdin what {@code -} reads
     */
    public Cx(InputStream stdin) {
        this.stdin = stdin;
    }

    /** Returns what {@code -} reads. */
    InputStream stdin() {
        return stdin;
    }

    /**
     * Runs the command and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        int code;
        try {
            code = commandLine(System.in, args).execute(args);
        } catch (OutOfMemoryError e) {
            // Scores need memory per group, not per row; duplicate detection keeps 16-32 bytes per response_id;
            // journeys stay in memory until they close (at the end, without cx journeys --idle-gap).
            System.out.flush();
            System.err.println("cx: out of memory (" + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MiB heap). Memory grows with the number of groups, of distinct response_id values "
                    + "(16-32 bytes each) and, for journeys and reports, of journeys held open (about 2 KiB each); "
                    + "run with a larger heap, for example CX_JAVA_OPTS=-Xmx4g");
            code = EXIT_USAGE;
        }
        System.exit(code);
    }

    @Override
    public void run() {
        // "cx" alone.
        throw new ParameterException(spec.commandLine(), "a command is required; start with 'cx report', a CX "
                + "health report of a bundled sample (see 'cx --help' for every command)");
    }

    /** The version from the jar manifest's Implementation-Version, or {@code dev} when run from classes. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Cx.class.getPackage().getImplementationVersion();
            return new String[] {"cx " + (version == null ? "dev" : version)};
        }
    }

    /**
     * Installs the error handlers on the command line being built, so that
     * {@code new CommandLine(new Cx())} alone gives the user-facing behaviour (and so does every
     * subcommand added to it later, through {@link CommandLine#addSubcommand}).
     */
    static final class ErrorHandling implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            CommandLine commandLine = spec.commandLine();
            if (commandLine != null) {
                install(commandLine);
            }
            return spec;
        }

        /** Installs the handlers on a command line and the subcommands it has. */
        static void install(CommandLine commandLine) {
            commandLine.setParameterExceptionHandler(ErrorHandling::usageError);
            commandLine.setExecutionExceptionHandler(ErrorHandling::executionError);
            commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        }

        private static int usageError(ParameterException ex, String[] args) {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println("cx: " + ex.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
                err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            }
            if (isVerbose(cmd)) {
                ex.printStackTrace(err);
            }
            err.flush();
            return EXIT_USAGE;
        }

        private static int executionError(Exception ex, CommandLine cmd, ParseResult parseResult) {
            PrintWriter err = cmd.getErr();
            cmd.getOut().flush();
            err.println("cx: " + message(ex));
            if (isVerbose(cmd)) {
                ex.printStackTrace(err);
            }
            err.flush();
            return EXIT_USAGE;
        }

        private static boolean isVerbose(CommandLine cmd) {
            return root(cmd.getCommandSpec()).verbose;
        }
    }

    /** The root command of a command line (the options of {@code cx} itself). */
    private static Cx root(CommandSpec spec) {
        Object root = spec.root().userObject();
        return root instanceof Cx ? (Cx) root : new Cx();
    }

    /**
     * Returns whether {@code --quiet} was given.
     *
     * @param spec any command of the command line
     */
    static boolean quiet(CommandSpec spec) {
        return root(spec).quiet;
    }

    /**
     * Returns whether {@code --verbose} was given.
     *
     * @param spec any command of the command line
     */
    static boolean verbose(CommandSpec spec) {
        return root(spec).verbose;
    }

    /**
     * Prints an informational line, {@code cx: message}, on standard error unless {@code --quiet}
     * was given.
     *
     * @param spec the running command
     * @param message the line, without the {@code cx: } prefix
     */
    static void info(CommandSpec spec, String message) {
        if (!quiet(spec)) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("cx: " + message);
            err.flush();
        }
    }

    /** Turns an exception into the one line the user reads. */
    static String message(Throwable ex) {
        if (ex instanceof UsageException || ex instanceof UnreadableInputException) {
            return ex.getMessage();
        }
        if (ex instanceof NoSuchFileException) {
            return "cannot read " + ((NoSuchFileException) ex).getFile() + ": no such file";
        }
        if (ex instanceof AccessDeniedException) {
            return "cannot read " + ((AccessDeniedException) ex).getFile() + ": permission denied";
        }
        if (ex instanceof FileSystemException) {
            FileSystemException fse = (FileSystemException) ex;
            return "cannot read " + fse.getFile() + ": " + (fse.getReason() == null ? "failed" : fse.getReason());
        }
        if (ex instanceof IOException) {
            return ex.getMessage() == null ? "input or output failed" : ex.getMessage();
        }
        if (ex instanceof IllegalArgumentException && ex.getMessage() != null) {
            return ex.getMessage();
        }
        return "internal error: " + ex + " (run again with --verbose and report the stack trace)";
    }
}
