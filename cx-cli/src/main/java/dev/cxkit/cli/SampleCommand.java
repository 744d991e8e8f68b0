package dev.cxkit.cli;

import dev.cxkit.cli.sample.SampleJourneys;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cx sample}: writes the bundled sample data set, at any size, as files. */
@Command(name = "sample",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Write the sample data set of cx report to files, at any size.",
            "The sample is a restaurant chain's dine-in visits and deliveries over January to June 2026, generated "
                + "from a fixed seed, so the same size always gives the same bytes. It has failures that lower "
                + "scores, recoveries, a location "
            + "that alternates good and bad months and a touchpoint that contacts customers on the wrong channel.",
            "Files: the survey responses (joined to journeys by journey_id), the journey events (with order values "
                + "and the items that went wrong, so that cx report decides their open failures as incidents), the "
                + "customers' contact preferences and the two journey definitions: responses.csv, events.csv, "
                + "customers.jsonl, dine-in.yaml, delivery.yaml. Existing files of those names are replaced."},
        footer = {"", "Exit codes: 0 success, 2 usage error or a file that cannot be written.",
            "", "Examples:", "  cx sample --out sample", "  cx sample --size 60000 --out sample-10x",
            "  cx report --responses sample/responses.csv --events sample/events.csv \\",
            "      --definition sample/dine-in.yaml --definition sample/delivery.yaml \\",
            "      --customers sample/customers.jsonl \\",
            "      --staff Priya,Tom,Ana,Jamal,Chen,Ruth,Omar,Ellie \\",
            "      --now 2026-07-01T08:00:00Z"})
final class SampleCommand implements Callable<Integer> {

    /** The most journeys: the generator holds the whole sample in memory (about 1 KB per journey). */
    static final int MAX_SIZE = 2_000_000;

    @Spec
    private CommandSpec spec;

    @Option(names = "--size", paramLabel = "N", defaultValue = "" + SampleJourneys.DEFAULT_SIZE,
            description = "The number of journeys (1 to " + MAX_SIZE + "); responses, events and customers scale "
                    + "with it. Default: ${DEFAULT-VALUE}, the sample cx report runs on.")
    private int size;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "cx-sample",
            description = "The directory to write to (created if needed). Default: ${DEFAULT-VALUE}.")
    private Path out;

    @Override
    public Integer call() {
        if (size < 1 || size > MAX_SIZE) {
            throw new UsageException("--size must be between 1 and " + MAX_SIZE + ", got " + size);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException("--out " + out + " is a file, not a directory");
        }
        List<Path> files;
        try {
            files = SampleJourneys.of(size).write(out);
        } catch (IOException e) {
            throw new UsageException("cannot write the sample to " + out + ": " + Cx.message(e));
        }
        PrintWriter stdout = spec.commandLine().getOut();
        for (Path file : files) {
            stdout.println(file);
        }
        stdout.printf(Locale.ROOT, "%nA sample of %d journeys. Report on it with (the open failures of the events "
                + "become the incidents the policy decides):%n  cx report --responses %s --events %s --definition %s "
                + "--definition %s --customers %s --staff %s --now %s%n",
                size, files.get(0), files.get(1), files.get(3), files.get(4), files.get(2),
                String.join(",", SampleJourneys.STAFF), SampleJourneys.REPORTED_AT);
        stdout.flush();
        return 0;
    }
}
