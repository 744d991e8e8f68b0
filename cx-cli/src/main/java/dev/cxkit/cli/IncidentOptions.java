package dev.cxkit.cli;

import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Option;

/**
 * What the commands that decide incidents share: where the customers come from and when each
 * incident is decided ({@code cx recover}, {@code cx rules diff}). A picocli mixin.
 */
final class IncidentOptions {

    @Option(names = "--customers", paramLabel = "FILE",
            description = "JSON Lines of customers (id, tier, lifetime_value, currency, contact_channel, "
                    + "contact_address_kind, recent_failures), looked up by each incident's customer_id. Default: none "
                    + "(each incident's inline customer, else a default customer).")
    Path customers;

    @Option(names = "--now", paramLabel = "TIME", converter = Converters.InstantConverter.class,
            description = "Decide every incident at this ISO-8601 time (2026-03-01T12:00:00Z). "
                    + "Default: each incident's detected_at.")
    Instant now;

    /** The customers file's name for messages, or null when none is given. */
    String customersName() {
        return customers == null ? null : customers.toString();
    }
}
