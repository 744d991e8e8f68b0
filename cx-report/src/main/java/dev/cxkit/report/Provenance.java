package dev.cxkit.report;

import dev.cxkit.core.io.ReadSummary;

import static dev.cxkit.report.internal.Checks.requireText;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Where the numbers came from.
 *
 * @param generatedAt when the report was made: passed in by the caller, never read from a clock
 *     here, so the same inputs give the same report
 * @param inputs each file read, in the order read
 * @since 0.1.0
 */
public record Provenance(Instant generatedAt, List<Input> inputs) {

    /**
     * Copies the inputs.
     *
     * @throws NullPointerException if a field or an input is null
     */
    public Provenance {
        Objects.requireNonNull(generatedAt, "generatedAt");
        inputs = List.copyOf(inputs);
    }

    /** Returns the rows of all inputs added up. */
    public Rows total() {
        Rows sum = new Rows(0, 0, 0, 0);
        for (Input input : inputs) {
            sum = sum.plus(input.rows());
        }
        return sum;
    }

    /**
     * One file read for the report.
     *
     * @param kind what it holds: {@code responses}, {@code events}, {@code definition},
     *     {@code incidents}, {@code customers}, {@code policy}, ...
     * @param name the file's name as the user gave it, or the bundled sample's name
     * @param rows the rows read from it
     */
    public record Input(String kind, String name, Rows rows) {

        /**
         * Checks the fields.
         *
         * @throws NullPointerException if a field is null
         * @throws IllegalArgumentException if kind or name is blank
         */
        public Input {
            requireText(kind, "kind");
            requireText(name, "name");
            Objects.requireNonNull(rows, "rows");
        }
    }

    /**
     * Row counts of an input: read = accepted + rejected + duplicates + filtered, always.
     *
     * @param read the rows read
     * @param accepted the rows used
     * @param rejected the rows refused, with their reasons reported elsewhere
     * @param duplicates the rows dropped as repeats (a response id with its metric, or a journey
     *     event id, seen before)
     * @param filtered the rows left out on purpose: by a filter ({@code --where}, {@code --from},
     *     {@code --to}) or, in a wide survey file, answering none of the mapped questions
     */
    public record Rows(long read, long accepted, long rejected, long duplicates, long filtered) {

        /**
         * Checks that the counts add up.
         *
         * @throws IllegalArgumentException if a count is negative or they do not add up
         */
        public Rows {
            if (accepted < 0 || rejected < 0 || duplicates < 0 || filtered < 0
                    || read != accepted + rejected + duplicates + filtered) {
                throw new IllegalArgumentException("rows must satisfy read = accepted + rejected + duplicates + "
                        + "filtered, all >= 0: " + read + " read, " + accepted + " accepted, " + rejected + " rejected, "
                        + duplicates + " duplicates, " + filtered + " filtered");
            }
        }

        /**
         * Counts without rows left out on purpose.
         *
         * @param read the rows read
         * @param accepted the rows used
         * @param rejected the rows refused
         * @param duplicates the rows dropped as repeats
         */
        public Rows(long read, long accepted, long rejected, long duplicates) {
            this(read, accepted, rejected, duplicates, 0);
        }

        /**
         * Counts of an input without duplicates.
         *
         * @param accepted the rows used
         * @param rejected the rows refused
         * @return the counts, read = accepted + rejected
         */
        public static Rows of(long accepted, long rejected) {
            return new Rows(accepted + rejected, accepted, rejected, 0);
        }

        /**
         * The counts of a reader's summary: filtered and unanswered rows are both left out on purpose.
         *
         * @param read what a reader read
         * @return the counts
         */
        public static Rows of(ReadSummary read) {
            return new Rows(read.read(), read.accepted(), read.rejected(), read.duplicates(),
                    read.filtered() + read.unanswered());
        }

        /**
         * The counts of journey events, whose duplicates the assembler finds after the reader accepted them.
         *
         * @param read what the event reader read
         * @param assemblerDuplicates the accepted events the assembler dropped as repeats
         * @return the counts
         */
        public static Rows ofEvents(ReadSummary read, long assemblerDuplicates) {
            return new Rows(read.read(), read.accepted() - assemblerDuplicates, read.rejected(),
                    read.duplicates() + assemblerDuplicates, read.filtered() + read.unanswered());
        }

        Rows plus(Rows o) {
            return new Rows(read + o.read, accepted + o.accepted, rejected + o.rejected, duplicates + o.duplicates,
                    filtered + o.filtered);
        }
    }
}
