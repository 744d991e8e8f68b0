package dev.cxkit.cli;

import dev.cxkit.rules.engine.Policy;
import dev.cxkit.rules.engine.PolicySource;
import dev.cxkit.rules.scenario.ScenarioFile;
import dev.cxkit.rules.scenario.ScenarioLoader;
import dev.cxkit.rules.scenario.ScenarioProblem;
import dev.cxkit.rules.scenario.ScenarioResult;
import dev.cxkit.rules.scenario.ScenarioRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cx rules test}: runs scenario files against a policy and reports each as PASS or FAIL with a diff. */
@Command(name = "test",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Run scenario files against a policy. Each scenario (YAML) gives the policy an incident, "
            + "a customer and a context, and says what the recovery plan must contain: offers, AWARE steps, "
            + "escalations, follow-ups, a systemic issue, rules that must or must not fire. "
            + "See docs/rule-authors.md for the format."},
        footer = {"", "Exit codes: 0 every scenario passed, 1 a scenario failed or a scenario file is invalid, "
            + "2 usage error or a policy that does not compile.",
            "", "Examples:", "  cx rules test restaurant", "  cx rules test eu261", "  cx rules test my-policy",
            "  cx rules test my-policy --scenarios my-policy/more-scenarios", "  cx rules test my-policy --watch"})
final class RulesTestCommand implements Callable<Integer> {


    @Spec
    private CommandSpec spec;

    @Mixin
    private DecisionOptions decisionOptions = new DecisionOptions();

    @Parameters(index = "0", paramLabel = "DIR",
            description = "A policy directory (*.drl files and settings.properties), or the name of a bundled "
                    + "pack (restaurant, eu261). A directory wins over a pack of the same name.")
    private String policy;

    @Option(names = "--scenarios", paramLabel = "DIR",
            description = "The directory of scenario files (*.yaml, *.yml). Default: DIR/scenarios, or the "
                    + "scenarios shipped with a bundled pack.")
    private Path scenarios;

    @Option(names = "--watch",
            description = "After the run, wait for a change to the policy's files or its scenarios and run again, in the "
                    + "same process (no new JVM per edit), until interrupted (Ctrl-C). Needs a policy directory. "
                    + "Default: run once.")
    private boolean watch;

    /** For tests: stop watching after this many runs. */
    @Option(names = "--watch-runs", hidden = true, defaultValue = "0",
            description = "Stop watching after this many runs. Default: 0 (never).")
    private int watchRuns;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = Path.of(policy);
        boolean isDirectory = Files.isDirectory(dir);
        if (!watch) {
            return runOnce(out, err, dir, isDirectory);
        }
        if (!isDirectory) {
            throw new UsageException("--watch needs a policy directory (" + policy + " is a bundled pack)");
        }
        Path scenarioDir = scenarios != null ? scenarios : dir.resolve(ScenarioLoader.SCENARIOS_DIR);
        try (WatchService watcher = dir.getFileSystem().newWatchService()) {
            dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
            if (Files.isDirectory(scenarioDir)) {
                scenarioDir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            }
            int code = 0;
            for (int run = 1; watchRuns == 0 || run <= watchRuns; run++) {
                try {
                    code = runOnce(out, err, dir, true);
                } catch (UsageException e) {
                    err.println("cx: " + e.getMessage()); // a half-written file: say so and wait for the next save
                    err.flush();
                    code = Cx.EXIT_USAGE;
                }
                if (watchRuns != 0 && run == watchRuns) {
                    break;
                }
                out.println("-- watching " + dir + " (Ctrl-C to stop)");
                out.flush();
                WatchKey key = watcher.take();
                // an editor saves in bursts (temporary file, rename): let the burst settle, then run once
                do {
                    key.pollEvents();
                    key.reset();
                    key = watcher.poll(200, TimeUnit.MILLISECONDS);
                } while (key != null);
                out.println("-- changed: running again");
            }
            return code;
        }
    }

    /** Compiles the policy, loads the scenarios and runs them once; each result is printed as it is known. */
    private int runOnce(PrintWriter out, PrintWriter err, Path dir, boolean isDirectory) throws IOException {
        PolicySource source = Policies.load(policy);
        try (Policy compiled = Policies.compile(source, decisionOptions.toPolicyOptions(),
                decisionOptions.policyCache(Cx.verbose(spec), err), err)) {
            if (compiled == null) {
                return Cx.EXIT_USAGE;
            }
            // amounts a scenario writes without a currency are in the policy's
            java.util.Currency currency = source.settings().givenCurrency().orElse(null);
            List<ScenarioFile> files = scenarioFiles(dir, isDirectory, currency);
            int passed = 0;
            for (ScenarioFile file : files) {
                if (!file.isValid()) {
                    out.println("FAIL " + file.source() + " (invalid scenario file)");
                    for (ScenarioProblem problem : file.problems()) {
                        out.println("    " + problem);
                    }
                    continue;
                }
                ScenarioResult result = ScenarioRunner.run(compiled, file.scenario());
                out.println(result.report());
                out.flush(); // each result as it is known: a later scenario that hangs loses none
                if (result.passed()) {
                    passed++;
                }
            }
            int failed = files.size() - passed;
            out.printf(Locale.ROOT, "%d %s, %d passed, %d failed%n", files.size(),
                    files.size() == 1 ? "scenario" : "scenarios", passed, failed);
            out.flush();
            return failed == 0 ? 0 : Cx.EXIT_REJECTED;
        }
    }

    private List<ScenarioFile> scenarioFiles(Path dir, boolean isDirectory, java.util.Currency currency)
            throws IOException {
        Path from = scenarios;
        if (from == null && !isDirectory) {
            try {
                return nonEmpty(ScenarioLoader.loadPack(policy, currency), "bundled pack " + policy);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage() + "; give --scenarios DIR");
            }
        }
        if (from == null) {
            from = dir.resolve(ScenarioLoader.SCENARIOS_DIR);
            if (!Files.isDirectory(from)) {
                throw new UsageException("no scenarios directory " + from + "; create it or give --scenarios DIR");
            }
        } else if (!Files.isDirectory(from)) {
            throw new UsageException("--scenarios " + from + " is not a directory");
        }
        return nonEmpty(ScenarioLoader.loadDirectory(from, currency), from.toString());
    }

    private static List<ScenarioFile> nonEmpty(List<ScenarioFile> files, String where) {
        if (files.isEmpty()) {
            throw new UsageException("no scenario files (*.yaml, *.yml) in " + where);
        }
        return files;
    }

}
