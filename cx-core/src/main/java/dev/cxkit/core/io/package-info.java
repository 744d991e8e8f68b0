/**
 * Reading survey responses and journey events from CSV and JSON Lines exports:
 * {@link dev.cxkit.core.io.ResponseReader} streams rows into {@link dev.cxkit.core.survey.Response}
 * objects and {@link dev.cxkit.core.io.JourneyEventReader} into
 * {@link dev.cxkit.core.journey.JourneyEvent}s; both report every row they cannot accept as a
 * {@link dev.cxkit.core.io.Rejection} with its line, reason and original text.
 *
 * <p>{@link dev.cxkit.core.io.DocumentFields} is the one typed field reader of structured inputs
 * (journey definitions here; incidents, customers and scenarios in cx-rules): it reads a Jackson
 * tree and collects every problem with its path and line.
 */
@NullMarked
package dev.cxkit.core.io;

import org.jspecify.annotations.NullMarked;
