package dev.cxkit.rules.io;

import dev.cxkit.core.io.ReadSummary;
import dev.cxkit.core.io.RecordReader;
import dev.cxkit.core.io.Rejection;
import dev.cxkit.rules.fact.Customer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads customers from JSON Lines, one customer per line, so that incidents can name them by
 * {@code customer_id}. Each line is handed on as a {@link Customer} or, if it is not valid, as a
 * {@link Rejection} with its file, line, reason and original text; reading goes on.
 *
 * <h2>Input</h2>
 * One JSON object per line, keys in snake_case:
 * <ul>
 *   <li>{@code id} (required): text;
 *   <li>{@code tier}: text ({@code standard} when absent);
 *   <li>{@code lifetime_value}: a non-negative amount in {@code currency} (ISO 4217, default
 *       {@code EUR});
 *   <li>{@code contact_channel}: a {@link dev.cxkit.core.service.Channel}, default {@code EMAIL};
 *   <li>{@code contact_address_kind}: an {@link dev.cxkit.core.service.AddressKind}, default
 *       {@code EMAIL} for email, {@code MOBILE} for SMS and phone, {@code OTHER} otherwise;
 *   <li>{@code recent_failures}: failures in the last 90 days before this one, a non-negative whole
 *       number (0 when absent).
 * </ul>
 * Enum values are case-insensitive. A key that is absent, JSON {@code null} or blank is missing;
 * any other key is rejected as unknown.
 *
 * <h2>Rejections</h2>
 * As {@link IncidentReader}: malformed JSON, not an object, a repeated key, a missing id, an
 * unknown field or enum value, a negative or too precise amount, a negative or fractional count,
 * text that is not UTF-8, and an {@code id} this reader has read before. Blank lines are skipped;
 * read always equals accepted plus rejected.
 *
 * <p><b>Not thread-safe</b> (it remembers the ids it has read).
 *
 * @since 0.1.0
 */
public final class CustomerReader implements RecordReader<Customer> {

    private final KeyedJsonLines<Customer> lines = new KeyedJsonLines<>("customer id",
            (fields, source, line) -> IncidentFields.forJsonLine().customer(fields), Customer::id);

    private CustomerReader() {
    }

    /**
     * Returns a new reader.
     *
     * @return a reader that has read nothing yet
     */
    public static CustomerReader create() {
        return new CustomerReader();
    }

    /**
     * Reads a file; messages name it as {@code file.toString()}.
     *
     * @param file the file, UTF-8 JSON Lines
     * @param accepted receives each valid customer, in input order
     * @param rejected receives each rejected line, in input order
     * @return the counts, and a warning when the file has no rows
     * @throws IOException if the file cannot be opened or read
     */
    @Override
    public ReadSummary read(Path file, Consumer<? super Customer> accepted, Consumer<? super Rejection> rejected)
            throws IOException {
        return lines.read(file, accepted, rejected);
    }

    /**
     * Reads a stream to its end; the stream is not closed.
     *
     * @param in the stream, UTF-8 JSON Lines
     * @param source the name used in messages
     * @param accepted receives each valid customer, in input order
     * @param rejected receives each rejected line, in input order
     * @return the counts, and a warning when the input has no rows
     * @throws IOException if reading fails
     */
    @Override
    public ReadSummary read(InputStream in, String source, Consumer<? super Customer> accepted,
            Consumer<? super Rejection> rejected) throws IOException {
        return lines.read(in, source, accepted, rejected);
    }
}
