package dev.cxkit.cli;

import dev.cxkit.core.io.ReadResult;
import dev.cxkit.core.io.ReadSummary;
import dev.cxkit.core.io.RecordReader;
import dev.cxkit.core.io.Rejection;
import dev.cxkit.core.io.ResponseReader;
import dev.cxkit.core.io.UnreadableInputException;
import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.core.journey.JourneyDefinitions;
import dev.cxkit.core.journey.analytics.JourneyAnalytics;
import dev.cxkit.core.survey.Response;
import dev.cxkit.report.internal.OutputFiles;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collector;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads the inputs of one command through one {@link ResponseReader} (or any other
 * {@link RecordReader}): files, {@code -} for standard input, or the bundled sample. Keeps the first
 * rejections for the report, writes every rejected row to the {@code --rejects} file (one file for
 * all the reads of a run, in sections under each input's header), and shows a {@link Progress} bar
 * per file on a terminal (none with {@code --quiet}).
 *
 * <p>Not thread-safe; one per command run.
 */
final class Inputs {

    /** The name of standard input in messages. */
    static final String STDIN = "stdin";
    /** The name of the bundled sample in messages. */
    static final String SAMPLE = "sample-responses.csv";
    /** Where the bundled sample lives on the class path. */
    static final String SAMPLE_RESOURCE = "/dev/cxkit/cli/sample/responses.csv";
    /** How many rejections are kept for the JSON report. */
    static final int KEPT_REJECTIONS = 1000;
    /** How many rejections are listed on standard error. */
    static final int SHOWN_REJECTIONS = 10;

    private final ResponseReader reader;
    private final InputStream stdin;
    private final PrintWriter err;
    private final boolean progress;
    private final List<Rejection> kept = new ArrayList<>();
    private final Path rejectsFile;
    private final OutputFiles outputs;
    private BufferedWriter rejects;
    private boolean rejectsOpened;
    private String rejectsHeader;
    private int rejectsSections;
    private ReadSummary summary = ReadSummary.EMPTY;
    private String unit = "rows";

    /**
     * Creates the reader of one run.
     *
     * @param reader the reader of responses (its mapping, filter and duplicate rule), or null for
     *     the standard long format
     * @param stdin what {@code -} reads
     * @param err standard error, for progress and the report of rejections
     * @param outputs the run's output files, in which {@code rejectsFile} is claimed (see {@link #outputs})
     * @param rejectsFile where rejected rows go, or null
     * @param quiet whether {@code --quiet} was given (then no progress is drawn)
     */
    Inputs(ResponseReader reader, InputStream stdin, PrintWriter err, OutputFiles outputs, Path rejectsFile,
            boolean quiet) {
        this.reader = reader != null ? reader : ResponseReader.create();
        this.stdin = stdin;
        this.err = err;
        this.outputs = Objects.requireNonNull(outputs, "outputs");
        this.rejectsFile = rejectsFile;
        this.progress = Progress.stderrIsTerminal(quiet);
    }

    /**
     * Checks the file arguments before anything is read, and returns the run's output files with
     * the rejects file claimed: it may not be an input (through links too), a link or a directory.
     *
     * @param files the inputs; {@code -} is standard input
     * @param rejectsFile where rejected rows go, or null
     * @return the output files of the run
     * @throws UsageException if {@code -} repeats or the rejects file is refused
     */
    static OutputFiles outputs(List<String> files, Path rejectsFile) {
        long stdinCount = files.stream().filter("-"::equals).count();
        if (stdinCount > 1) {
            throw new UsageException("'-' (standard input) can be given only once");
        }
        List<Path> inputs = new ArrayList<>();
        files.stream().filter(f -> !f.equals("-")).forEach(f -> inputs.add(Path.of(f)));
        OutputFiles outputs = new OutputFiles(inputs);
        if (rejectsFile != null) {
            claim(outputs, rejectsFile, "--rejects");
        }
        return outputs;
    }

    /**
     * Claims an output file of the run.
     *
     * @throws UsageException if it is refused (an input, a link, a directory, claimed twice)
     */
    static Path claim(OutputFiles outputs, Path file, String what) {
        return claim(outputs, file, what, false);
    }

    /**
     * Claims an output file of the run whose folder may be created (a report folder).
     *
     * @throws UsageException if it is refused
     */
    static Path claim(OutputFiles outputs, Path file, String what, boolean createFolder) {
        try {
            return outputs.claim(file, what, createFolder);
        } catch (OutputFiles.RefusedException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * Closes the rejects file and puts every file written so far in place.
     *
     * @throws IOException if a file cannot be written (the message names it)
     */
    void finish() throws IOException {
        closeRejects();
        outputs.commit();
    }

    /** Closes the rejects file (forced to the disk); it is put in place by the outputs' commit. */
    void closeRejects() throws IOException {
        if (rejects != null) {
            rejects.close();
            rejects = null;
        }
    }

    /**
     * Reads every input in order ({@code files} empty: the bundled sample).
     *
     * @param files file names, {@code -} for standard input
     * @param accepted receives every accepted response
     * @return the combined summary
     * @throws IOException if an input cannot be opened or read, or the rejects file cannot be written
     */
    ReadSummary read(List<String> files, Consumer<? super Response> accepted) throws IOException {
        return read(reader, files, SAMPLE,
                () -> Inputs.class.getResourceAsStream(SAMPLE_RESOURCE), accepted);
    }

    /**
     * Reads every input of one kind in order ({@code files} empty: the sample). Adds to the summary
     * of everything read; the rejects file is written anew by the first read of a run and added to
     * by later ones.
     *
     * @param source the reader of this kind of row
     * @param files file names, {@code -} for standard input
     * @param sampleName the name of the sample in messages
     * @param sample opens the sample
     * @param accepted receives every accepted row
     * @return the summary of this read
     * @throws IOException if an input cannot be opened or read, or the rejects file cannot be written
     */
    <T> ReadSummary read(RecordReader<T> source, List<String> files, String sampleName, Supplier<InputStream> sample,
            Consumer<? super T> accepted) throws IOException {
        openRejects();
        ReadSummary read = ReadSummary.EMPTY;
        try {
            if (files.isEmpty()) {
                try (InputStream in = Objects.requireNonNull(sample.get(), "bundled sample missing")) {
                    read = read.plus(source.read(in, sampleName, accepted, this::rejected));
                }
            }
            for (String file : files) {
                read = read.plus(readOne(source, file, accepted));
            }
        } catch (UncheckedIOException e) {
            throw new UsageException("cannot write --rejects " + rejectsFile + ": " + reason(e.getCause()));
        }
        summary = summary.plus(read);
        return read;
    }

    /**
     * Reads every input in order ({@code files} empty: the bundled sample) into one container of
     * {@code collector}: a large CSV file is read on several threads (see
     * {@link ResponseReader#read(Path, Collector, Consumer)}), standard input and the sample on
     * this one. Containers are combined in input order.
     *
     * @param files file names, {@code -} for standard input
     * @param collector makes, fills and combines containers of accepted responses
     * @return the container of everything accepted, and the counts of this call's inputs
     * @throws IOException if an input cannot be opened or read, or the rejects file cannot be written
     */
    <A> ReadResult<A> collect(List<String> files, Collector<Response, A, A> collector) throws IOException {
        return collect(reader, files, collector);
    }

    /**
     * Reads inputs into a collector as {@link #collect(List, Collector)} does, with another reader
     * of responses (its rejected rows go where this one's go).
     */
    <A> ReadResult<A> collect(ResponseReader reader, List<String> files, Collector<Response, A, A> collector)
            throws IOException {
        openRejects();
        A all = collector.supplier().get();
        BinaryOperator<A> combine = collector.combiner();
        ReadSummary read = ReadSummary.EMPTY;
        try {
            if (files.isEmpty()) {
                try (InputStream in = Objects.requireNonNull(Inputs.class.getResourceAsStream(SAMPLE_RESOURCE),
                        "bundled sample missing")) {
                    ReadResult<A> sample = collectStream(reader, in, SAMPLE, collector);
                    read = read.plus(sample.summary());
                    all = combine.apply(all, sample.value());
                }
            }
            for (String file : files) {
                if (file.equals("-")) {
                    ReadResult<A> piped = collectStream(reader, stdin, STDIN, collector);
                    read = read.plus(piped.summary());
                    all = combine.apply(all, piped.value());
                    continue;
                }
                Path path = checked(file);
                try (Progress bar = Progress.start(err, "cx: reading " + file, Files.size(path), progress)) {
                    ReadResult<A> result = reader.read(path, collector, this::rejected, bar::reached);
                    read = read.plus(result.summary());
                    all = combine.apply(all, result.value());
                } catch (UnreadableInputException | FileSystemException e) {
                    throw e;
                } catch (IOException e) {
                    throw new IOException("cannot read " + file + ": " + reason(e), e);
                }
            }
        } catch (UncheckedIOException e) {
            throw new UsageException("cannot write --rejects " + rejectsFile + ": " + reason(e.getCause()));
        }
        summary = summary.plus(read);
        return new ReadResult<>(all, read);
    }

    /** Reads a stream (standard input, the sample) on this thread into one container. */
    private <A> ReadResult<A> collectStream(ResponseReader reader, InputStream in, String name,
            Collector<Response, A, A> collector) throws IOException {
        A part = collector.supplier().get();
        ReadSummary read = reader.read(in, name, r -> collector.accumulator().accept(part, r), this::rejected);
        return new ReadResult<>(part, read);
    }

    /** Returns the path of a file argument that is not a directory. */
    private static Path checked(String file) {
        Path path = Path.of(file);
        if (Files.isDirectory(path)) {
            throw new UsageException("cannot read " + file + ": it is a directory");
        }
        return path;
    }

    /** Opens the rejects file on the first read of a run (it is written anew, then added to). */
    private void openRejects() {
        if (rejectsFile != null && !rejectsOpened) {
            try {
                rejects = new BufferedWriter(outputs.open(rejectsFile), 1 << 16);
                rejectsOpened = true;
            } catch (IOException e) {
                throw new UsageException("cannot write --rejects " + rejectsFile + ": " + reason(e));
            }
        }
    }

    private <T> ReadSummary readOne(RecordReader<T> source, String file, Consumer<? super T> accepted)
            throws IOException {
        if (file.equals("-")) {
            return source.read(stdin, STDIN, accepted, this::rejected);
        }
        Path path = checked(file);
        try (InputStream raw = Files.newInputStream(path);
                Progress bar = Progress.start(err, "cx: reading " + file, Files.size(path), progress);
                InputStream in = bar.track(raw)) {
            return source.read(in, path.toString(), accepted, this::rejected);
        } catch (UnreadableInputException | FileSystemException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + reason(e), e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private void rejected(Rejection rejection) {
        if (kept.size() < KEPT_REJECTIONS) {
            kept.add(rejection);
        }
        if (rejects != null) {
            try {
                String header = rejection.header();
                if (rejectsSections == 0 || !Objects.equals(header, rejectsHeader)) {
                    if (header != null) {
                        rejects.write(header);
                        rejects.write('\n');
                    }
                    rejectsHeader = header;
                    rejectsSections++;
                }
                rejects.write(rejection.raw());
                rejects.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Names the rows in messages: {@code lines} for JSON Lines inputs.
     *
     * @param plural the word, plural
     * @return this
     */
    Inputs unit(String plural) {
        this.unit = plural;
        return this;
    }

    /** Returns the summary of everything read so far. */
    ReadSummary summary() {
        return summary;
    }

    /** Returns the first {@value #KEPT_REJECTIONS} rejections. */
    List<Rejection> rejections() {
        return kept;
    }

    /** The unit of one row: {@code row}, {@code line}. */
    private String one() {
        return unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
    }

    /** Prints warnings and the first rejections to standard error. */
    void report() {
        for (String warning : summary.warnings()) {
            err.println("cx: warning: " + warning);
        }
        long total = summary.rejected() + summary.duplicates();
        if (summary.filtered() > 0) {
            err.printf(Locale.ROOT, "cx: %d of %d %s left out by --where, --from or --to%n", summary.filtered(),
                    summary.read(), unit);
        }
        if (summary.unanswered() > 0) {
            err.printf(Locale.ROOT, "cx: %d %s none of the mapped questions (not scored, not rejected)%n",
                    summary.unanswered(), summary.unanswered() == 1 ? one() + " answers" : unit + " answer");
        }
        if (summary.undated() > 0) {
            err.printf(Locale.ROOT, "cx: %d %s kept without a time: it could not be read, and nothing asked "
                    + "needs it (--period, --from or --to would reject such rows)%n", summary.undated(),
                    summary.undated() == 1 ? one() : unit);
        }
        if (total > 0) {
            err.printf(Locale.ROOT, "cx: rejected %d of %d %s%s:%n", total, summary.read(), unit,
                    summary.duplicates() == 0 ? "" : " (" + summary.duplicates() + " as duplicates)");
            for (int i = 0; i < Math.min(SHOWN_REJECTIONS, kept.size()); i++) {
                err.println("  " + kept.get(i).message());
            }
            if (total > SHOWN_REJECTIONS) {
                err.printf(Locale.ROOT, "  ... and %d more%s%n", total - SHOWN_REJECTIONS,
                        rejectsFile == null ? " (write them all with --rejects FILE)" : "");
            }
            if (rejectsFile != null) {
                err.println("cx: rejected " + unit + " written to " + rejectsFile
                        + (rejectsSections > 1 ? " (in " + rejectsSections + " sections, each under its own header)"
                                : ""));
            }
        }
        err.flush();
    }

    /**
     * Loads journey definitions from files.
     *
     * @param files YAML or JSON definitions
     * @return the definitions, in order
     * @throws IOException if a file cannot be read
     * @throws UsageException if two definitions have the same name
     */
    static List<JourneyDefinition> definitions(List<Path> files) throws IOException {
        List<JourneyDefinition> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path file : files) {
            JourneyDefinition d = JourneyDefinitions.load(file);
            if (!names.add(d.name())) {
                throw new UsageException("two definitions are named '" + d.name() + "' (" + file + ")");
            }
            out.add(d);
        }
        return out;
    }

    /**
     * Checks {@code --by}: the consistency units are response fields other than {@code period}
     * and {@code metric}, each named once.
     *
     * @param by the values given
     * @return the units, trimmed, in order
     * @throws UsageException if a name is empty, reserved or repeated
     */
    static List<String> units(List<String> by) {
        Set<String> seen = new HashSet<>();
        for (String raw : by) {
            String unit = raw.trim();
            if (unit.isEmpty() || unit.equals("period") || unit.equals("metric")) {
                throw new UsageException("--by needs column names other than period and metric: '"
                        + String.join(",", by) + "'");
            }
            if (!seen.add(unit)) {
                throw new UsageException("--by names column '" + unit + "' twice");
            }
        }
        return JourneyAnalytics.units(by);
    }

    /**
     * Opens a text, such as a generated sample, as a UTF-8 stream for {@link #read}.
     *
     * @param text the text
     * @return a supplier of a new stream over it
     */
    static Supplier<InputStream> text(String text) {
        return () -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
