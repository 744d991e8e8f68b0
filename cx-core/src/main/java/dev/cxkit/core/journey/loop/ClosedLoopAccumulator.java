package dev.cxkit.core.journey.loop;

import dev.cxkit.core.internal.ByteForm;
import dev.cxkit.core.internal.Ratings;
import dev.cxkit.core.journey.JourneyOutcome;
import dev.cxkit.core.score.ByteFormatException;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.survey.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The closed loop: collects the NPS detractors (0–6) to follow up, each due a set time after the
 * response ({@link ClosedLoopRules#followUpWithin()}, 48 hours by default), and the NPS promoters
 * (9–10) whose {@code comment} attribute names a staff member from a list, for recognition.
 *
 * <p>A name matches as a whole word, case-insensitively: "Ana" matches "ana was great" and
 * "thanks, ANA!" but not "Banana" or "Anastasia". A name of several words matches as that phrase.
 * Responses of other metrics are not looked at (follow-up and recognition are NPS practice).
 *
 * <p>Memory is proportional to the entries listed (detractors and praising promoters), which is
 * what the lists are for. Accumulators {@linkplain #merge merge}; {@link #snapshot()} sorts, so
 * the result does not depend on the order of recording or merging.
 *
 * <p><b>Not thread-safe.</b> Use one accumulator per thread and merge them.
 *
 * @since 0.1.0
 */
public final class ClosedLoopAccumulator {

    /** The response attribute holding the customer's comment. */
    public static final String COMMENT = "comment";

    private final ClosedLoopRules rules;
    private final List<Pattern> names = new ArrayList<>();
    private final List<DetractorFollowUp> followUps = new ArrayList<>();
    private final List<StaffMention> recognitions = new ArrayList<>();

    private ClosedLoopAccumulator(ClosedLoopRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        for (String name : rules.staff()) {
            names.add(Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(name.strip()) + "(?![\\p{L}\\p{N}_])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
    }

    /**
     * Creates an empty accumulator.
     *
     * @param rules the SLA, staff names and zone
     * @return the accumulator
     * @throws NullPointerException if the rules are null
     */
    public static ClosedLoopAccumulator create(ClosedLoopRules rules) {
        return new ClosedLoopAccumulator(rules);
    }

    /**
     * Records a response about a journey.
     *
     * @param response the response
     * @param journey its journey
     * @throws IllegalArgumentException if the response is about another journey
     * @throws NullPointerException if an argument is null
     */
    public void record(Response response, JourneyOutcome journey) {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(journey, "journey");
        Ratings.checkJoined(response, journey);
        add(response, journey);
    }

    /**
     * Records a response read without journey events (a survey export on its own): a detractor
     * is followed up when the response names its customer and has a time; a promoter's comment
     * still recognises staff.
     *
     * @param response the response
     * @throws NullPointerException if the response is null
     */
    public void recordWithoutJourney(Response response) {
        Objects.requireNonNull(response, "response");
        if (response.customerId() != null && (response.submittedAt() != null || response.submittedOn() != null)) {
            add(response, null);
        }
    }

    private void add(Response response, JourneyOutcome journey) {
        Metric metric = response.metric();
        if (metric.kind() != Metric.Kind.NPS) {
            return;
        }
        String customer = response.customerId() != null || journey == null ? response.customerId()
                : journey.customerId();
        String location = response.location() != null || journey == null ? response.location() : journey.location();
        String journeyId = journey == null ? null : journey.journeyId();
        if (response.score() <= metric.negativeUpTo()) {
            Instant at = respondedAt(response, journey);
            followUps.add(new DetractorFollowUp(response.responseId(), customer, journeyId, location,
                    response.touchpoint(), response.score(), at, at.plus(rules.followUpWithin())));
        } else if (response.score() >= metric.positiveFrom() && !names.isEmpty()) {
            String comment = response.field(COMMENT);
            if (comment == null) {
                return;
            }
            List<String> staff = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).matcher(comment).find()) {
                    staff.add(rules.staff().get(i));
                }
            }
            if (!staff.isEmpty()) {
                recognitions.add(new StaffMention(response.responseId(), customer, journeyId, location,
                        response.touchpoint(), response.score(), staff, comment));
            }
        }
    }

    private Instant respondedAt(Response response, JourneyOutcome journey) {
        if (response.submittedAt() != null) {
            return response.submittedAt();
        }
        if (response.submittedOn() != null) {
            return response.submittedOn().atStartOfDay(rules.zone()).toInstant();
        }
        return journey.endedAt();
    }

    /**
     * Adds another accumulator's entries to this one; {@code other} is not changed.
     *
     * @param other an accumulator with the same rules
     * @throws IllegalArgumentException if the rules differ
     */
    public void merge(ClosedLoopAccumulator other) {
        if (!other.rules.equals(rules)) {
            throw new IllegalArgumentException("cannot merge closed loops with different rules");
        }
        followUps.addAll(other.followUps);
        recognitions.addAll(other.recognitions);
    }

    /**
     * Returns the byte form ({@code docs/format.md}, kind 7): the rules (follow-up time, staff
     * names, zone), then every follow-up and staff mention as recorded.
     *
     * @return the bytes, which {@link #fromBytes(byte[])} reads back
     * @since 0.1.0
     */
    public byte[] toBytes() {
        ByteForm.Writer out = ByteForm.Writer.start(ByteForm.CLOSED_LOOP, 64 + 96 * (followUps.size() + recognitions.size()));
        out.varLong(rules.followUpWithin().getSeconds()).varLong(rules.followUpWithin().getNano());
        out.strings(rules.staff()).string(rules.zone().getId());
        out.varLong(followUps.size());
        for (DetractorFollowUp f : followUps) {
            out.string(f.responseId()).string(f.customerId()).string(f.journeyId()).string(f.location())
                    .string(f.touchpoint()).u8(f.score()).instant(f.respondedAt()).instant(f.due());
        }
        out.varLong(recognitions.size());
        for (StaffMention m : recognitions) {
            out.string(m.responseId()).string(m.customerId()).string(m.journeyId()).string(m.location())
                    .string(m.touchpoint()).u8(m.score()).strings(m.staff()).string(m.comment());
        }
        return out.finish();
    }

    /**
     * Reads a closed loop from its byte form; the rules come from the bytes.
     *
     * @param bytes bytes written by {@link #toBytes()}
     * @return an accumulator that merges and snapshots as the one written
     * @throws ByteFormatException if the bytes are not a valid closed loop
     * @since 0.1.0
     */
    public static ClosedLoopAccumulator fromBytes(byte[] bytes) {
        ByteForm.Reader in = ByteForm.Reader.open(bytes, ByteForm.CLOSED_LOOP);
        ClosedLoopAccumulator loop;
        try {
            Duration within = Duration.ofSeconds(in.varLong(), in.varLong());
            List<String> staff = in.strings("staff names");
            loop = create(new ClosedLoopRules(within, staff, ZoneId.of(in.string())));
        } catch (ByteFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw in.error("not closed-loop rules: " + e.getMessage());
        }
        int followUps = in.count("follow-ups", 9);
        for (int i = 0; i < followUps; i++) {
            Who w = Who.read(in);
            loop.followUps.add(checked(in, () -> new DetractorFollowUp(w.response(), w.customer(), w.journey(),
                    w.location(), w.touchpoint(), w.score(), in.instant(), in.instant())));
        }
        int mentions = in.count("staff mentions", 8);
        for (int i = 0; i < mentions; i++) {
            Who w = Who.read(in);
            List<String> staff = in.strings("staff names");
            String comment = in.string();
            loop.recognitions.add(checked(in, () -> new StaffMention(w.response(), w.customer(), w.journey(),
                    w.location(), w.touchpoint(), w.score(), staff, comment)));
        }
        in.end();
        return loop;
    }

    /** The fields a follow-up and a staff mention share, in their byte order. */
    private record Who(@Nullable String response, @Nullable String customer, @Nullable String journey,
            @Nullable String location, @Nullable String touchpoint, int score) {
        static Who read(ByteForm.Reader in) {
            return new Who(in.string(), in.string(), in.string(), in.string(), in.string(), in.u8());
        }
    }

    /** A record made from read values, its own checks turned into a {@link ByteFormatException}. */
    private static <T> T checked(ByteForm.Reader in, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (ByteFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw in.error(e.getMessage());
        }
    }

    /**
     * Returns the lists so far, sorted.
     *
     * @return an immutable report
     */
    public ClosedLoopReport snapshot() {
        List<DetractorFollowUp> due = new ArrayList<>(followUps);
        due.sort(DetractorFollowUp.ORDER);
        List<StaffMention> praise = new ArrayList<>(recognitions);
        praise.sort(StaffMention.ORDER);
        return new ClosedLoopReport(rules, due, praise);
    }
}
