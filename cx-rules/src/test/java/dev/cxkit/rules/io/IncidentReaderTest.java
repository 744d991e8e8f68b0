package dev.cxkit.rules.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.core.io.ReadSummary;
import dev.cxkit.core.io.Rejection;
import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.SatisfactionFactor;
import dev.cxkit.core.service.AddressKind;
import dev.cxkit.rules.fact.AffectedItem;
import dev.cxkit.rules.fact.Disruption;
import dev.cxkit.rules.fact.FlightDisruption;
import dev.cxkit.rules.fact.Incident;
import dev.cxkit.rules.fact.IncidentType;
import dev.cxkit.rules.fact.Money;
import dev.cxkit.rules.fact.Severity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IncidentReaderTest {

    private static final String OK = "{\"incident_id\":\"i1\",\"type\":\"WRONG_ITEM\",\"detected_at\":\"2025-06-14T19:30:00Z\"}";

    private final List<IncidentRecord> accepted = new ArrayList<>();
    private final List<Rejection> rejected = new ArrayList<>();
    /** As for the eu261 pack, which needs the distance and intra_eu of every flight. */
    private final IncidentReader reader = IncidentReader.create(java.util.List.of("distance_km", "intra_eu"));

    private ReadSummary read(String text) throws IOException {
        return reader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "incidents.jsonl",
                accepted::add, rejected::add);
    }

    /** Reads one line that must be rejected; returns the reason. */
    private String rejectedReason(String line) throws IOException {
        ReadSummary summary = read(line + "\n");
        assertThat(accepted).as("accepted").isEmpty();
        assertThat(rejected).hasSize(1);
        assertThat(summary.read()).isEqualTo(1);
        assertThat(summary.rejected()).isEqualTo(1);
        Rejection r = rejected.get(0);
        assertThat(r.source()).isEqualTo("incidents.jsonl");
        assertThat(r.line()).isEqualTo(1);
        assertThat(r.raw()).isEqualTo(line);
        assertThat(r.header()).isNull();
        return r.reason();
    }

    @Test
    void readsEveryFieldOfAFullLine() throws IOException {
        ReadSummary summary = read("""
                {"incident_id":"party-1","journey_id":"j-9","customer_id":"c-7","location":"Harbour Street","touchpoint":"kitchen pass","channel":"in_person","type":"item_not_delivered","factor":"PRODUCT","severity":"major","occurred_at":"2025-06-14T21:28:00+02:00","detected_at":"2025-06-14T19:30:00Z","minutes_waited":50,"minutes_promised":"20","order_value":"60.00","currency":"EUR","items":[{"name":"mushroom risotto","price":18.5,"delivered":false},{"name":"house red","price":"6.00"}],"extraordinary_circumstances":false,"attributes":{"table":"12","covers":4},"customer":{"tier":"gold","lifetime_value":640,"contact_channel":"sms","recent_failures":1},"budget_left_today":"0.00","similar_recent_incidents":3,"already_compensated":true}
                """);
        assertThat(rejected).isEmpty();
        assertThat(summary).isEqualTo(new ReadSummary(1, 1, 0, List.of()));
        IncidentRecord record = accepted.get(0);
        Incident i = record.incident();
        assertThat(i.id()).isEqualTo("party-1");
        assertThat(i.journeyId()).isEqualTo("j-9");
        assertThat(i.customerId()).isEqualTo("c-7");
        assertThat(i.location()).isEqualTo("Harbour Street");
        assertThat(i.touchpoint()).isEqualTo("kitchen pass");
        assertThat(i.channel()).isEqualTo(Channel.IN_PERSON);
        assertThat(i.type()).isEqualTo(IncidentType.ITEM_NOT_DELIVERED);
        assertThat(i.factor()).isEqualTo(SatisfactionFactor.PRODUCT);
        assertThat(i.severity()).isEqualTo(Severity.MAJOR);
        assertThat(i.occurredAt()).isEqualTo(Instant.parse("2025-06-14T19:28:00Z"));
        assertThat(i.detectedAt()).isEqualTo(Instant.parse("2025-06-14T19:30:00Z"));
        assertThat(i.minutesWaited()).isEqualTo(50);
        assertThat(i.minutesPromised()).isEqualTo(20);
        assertThat(i.orderValue()).isEqualTo(Money.of("60.00", "EUR"));
        assertThat(i.items()).containsExactly(new AffectedItem("mushroom risotto", Money.of("18.50", "EUR"), false),
                new AffectedItem("house red", Money.of("6.00", "EUR"), true));
        assertThat(i.attributes()).isEqualTo(Map.of("table", "12", "covers", "4"));
        assertThat(record.customer().id()).isEqualTo("c-7");
        assertThat(record.customer().tier()).isEqualTo("gold");
        assertThat(record.customer().lifetimeValue()).isEqualTo(Money.of("640.00", "EUR"));
        assertThat(record.customer().contact().channel()).isEqualTo(Channel.SMS);
        assertThat(record.customer().contact().addressKind()).isEqualTo(AddressKind.MOBILE);
        assertThat(record.customer().isRepeat()).isTrue();
        assertThat(record.budgetLeftToday()).isEqualTo(Money.of("0.00", "EUR"));
        assertThat(record.similarRecentIncidents()).isEqualTo(3);
        assertThat(record.alreadyCompensated()).isTrue();
        assertThat(record.context(Instant.EPOCH).budgetSpent()).isTrue();
        assertThat(record.line()).isEqualTo(1);
        assertThat(record.source()).isEqualTo("incidents.jsonl");
    }

    @Test
    void appliesTheDocumentedDefaults() throws IOException {
        read("{\"incident_id\":\"i1\",\"type\":\"LONG_WAIT\",\"occurred_at\":\"2025-06-14T19:30:00Z\"}\n");
        IncidentRecord record = accepted.get(0);
        Incident i = record.incident();
        assertThat(i.channel()).isEqualTo(Channel.IN_PERSON);
        assertThat(i.severity()).isEqualTo(Severity.MODERATE);
        assertThat(i.factor()).isEqualTo(SatisfactionFactor.TIMELINESS);
        assertThat(i.detectedAt()).isEqualTo(i.occurredAt());
        assertThat(i.minutesWaited()).isZero();
        assertThat(i.orderValue()).isNull();
        assertThat(i.items()).isEmpty();
        assertThat(record.customer()).isNull();
        assertThat(record.budgetLeftToday()).isNull();
        assertThat(record.similarRecentIncidents()).isEqualTo(1);
        assertThat(record.alreadyCompensated()).isFalse();
    }

    @Test
    void skipsBlankLinesAndKeepsReadingAfterABadLine() throws IOException {
        String text = OK + "\n\n   \n{\"incident_id\":\"i2\",\"type\":\"WRONG_ITEMS\",\"detected_at\":\"2025-06-14T19:30:00Z\"}\r\n"
                + OK.replace("i1", "i3") + "\r" + OK.replace("i1", "i4");
        ReadSummary summary = read(text);
        assertThat(summary.read()).isEqualTo(4);
        assertThat(summary.accepted()).isEqualTo(3);
        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(accepted).extracting(r -> r.incident().id()).containsExactly("i1", "i3", "i4");
        assertThat(accepted).extracting(IncidentRecord::line).containsExactly(1L, 5L, 6L);
        assertThat(rejected.get(0).message()).isEqualTo("incidents.jsonl line 4: type 'WRONG_ITEMS' is not one of "
                + "WRONG_ITEM, ITEM_NOT_DELIVERED, LONG_WAIT, RUDE_OR_CARELESS_STAFF, CONTACT_RULE_BROKEN, "
                + "MISSED_APPOINTMENT, BILLING_ERROR, QUALITY, OTHER");
    }

    @Test
    void anEmptyInputIsAWarning() throws IOException {
        ReadSummary summary = read("\n\n");
        assertThat(summary.read()).isZero();
        assertThat(summary.warnings()).containsExactly("incidents.jsonl is empty: no rows");
    }

    @Test
    void skipsAByteOrderMark() throws IOException {
        read("\uFEFF" + OK + "\n");
        assertThat(rejected).isEmpty();
        assertThat(accepted).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "malformed JSON | {\"incident_id\":\"i1\",\"type\": | malformed JSON",
        "not an object | [1,2] | expected a JSON object ({...}), got an array",
        "a bare string | \"hello\" | expected a JSON object ({...}), got a string",
        "trailing text | " + OK + " {} | malformed JSON",
        "repeated key | {\"incident_id\":\"i1\",\"type\":\"LONG_WAIT\",\"type\":\"WRONG_ITEM\",\"detected_at\":\"2025-06-14T19:30:00Z\"} | key 'type' appears twice",
        "missing id | {\"type\":\"WRONG_ITEM\",\"detected_at\":\"2025-06-14T19:30:00Z\"} | incident_id is missing",
        "blank id | {\"incident_id\":\"  \",\"type\":\"WRONG_ITEM\",\"detected_at\":\"2025-06-14T19:30:00Z\"} | incident_id is missing",
        "id not text | {\"incident_id\":{},\"type\":\"WRONG_ITEM\",\"detected_at\":\"2025-06-14T19:30:00Z\"} | incident_id must be a string, not an object",
        "missing type | {\"incident_id\":\"i1\",\"detected_at\":\"2025-06-14T19:30:00Z\"} | type is missing (one of WRONG_ITEM, ITEM_NOT_DELIVERED,",
        "unknown channel | {\"incident_id\":\"i1\",\"type\":\"WRONG_ITEM\",\"channel\":\"FAX\",\"detected_at\":\"2025-06-14T19:30:00Z\"} | channel 'FAX' is not one of IN_PERSON, PHONE, WEB, APP, SMS, EMAIL, CHAT, DELIVERY, OTHER",
        "unknown severity | {\"incident_id\":\"i1\",\"type\":\"WRONG_ITEM\",\"severity\":\"HUGE\",\"detected_at\":\"2025-06-14T19:30:00Z\"} | severity 'HUGE' is not one of MINOR, MODERATE, MAJOR, CRITICAL",
        "unknown factor | {\"incident_id\":\"i1\",\"type\":\"WRONG_ITEM\",\"factor\":\"PRICE\",\"detected_at\":\"2025-06-14T19:30:00Z\"} | factor 'PRICE' is not one of PRODUCT, PEOPLE, TIMELINESS, RESOLUTION",
        "enum not text | {\"incident_id\":\"i1\",\"type\":3,\"detected_at\":\"2025-06-14T19:30:00Z\"} | type must be a string, one of WRONG_ITEM",
        "no time | {\"incident_id\":\"i1\",\"type\":\"WRONG_ITEM\"} | occurred_at or detected_at is required",
        "bad timestamp | {\"incident_id\":\"i1\",\"type\":\"WRONG_ITEM\",\"detected_at\":\"yesterday\"} | detected_at 'yesterday' is not an ISO-8601 timestamp",
        "no zone | {\"incident_id\":\"i1\",\"type\":\"WRONG_ITEM\",\"detected_at\":\"2025-06-14T19:30:00\"} | detected_at '2025-06-14T19:30:00' has no time zone",
        "invalid date | {\"incident_id\":\"i1\",\"type\":\"WRONG_ITEM\",\"occurred_at\":\"2025-02-30T19:30:00Z\"} | occurred_at '2025-02-30T19:30:00Z' is not an ISO-8601 timestamp",
        "detected before occurred | {\"incident_id\":\"i1\",\"type\":\"WRONG_ITEM\",\"occurred_at\":\"2025-06-14T19:30:00Z\",\"detected_at\":\"2025-06-14T19:00:00Z\"} | detected_at 2025-06-14T19:00:00Z is before occurred_at 2025-06-14T19:30:00Z",
        "negative wait | {\"incident_id\":\"i1\",\"type\":\"LONG_WAIT\",\"minutes_waited\":-5,\"detected_at\":\"2025-06-14T19:30:00Z\"} | minutes_waited -5 must not be negative",
        "fractional wait | {\"incident_id\":\"i1\",\"type\":\"LONG_WAIT\",\"minutes_promised\":12.5,\"detected_at\":\"2025-06-14T19:30:00Z\"} | minutes_promised 12.5 is not a whole number",
        "wait not a number | {\"incident_id\":\"i1\",\"type\":\"LONG_WAIT\",\"minutes_waited\":\"long\",\"detected_at\":\"2025-06-14T19:30:00Z\"} | minutes_waited 'long' is not a whole number",
        "negative order value | {\"incident_id\":\"i1\",\"type\":\"WRONG_ITEM\",\"order_value\":-1,\"detected_at\":\"2025-06-14T19:30:00Z\"} | order_value -1 must not be negative",
        "too precise | {\"incident_id\":\"i1\",\"type\":\"WRONG_ITEM\",\"order_value\":\"12.505\",\"detected_at\":\"2025-06-14T19:30:00Z\"} | order_value 12.505 has more decimals than EUR allows (2)",
        "unknown currency | {\"incident_id\":\"i1\",\"type\":\"WRONG_ITEM\",\"order_value\":10,\"currency\":\"EURO\",\"detected_at\":\"2025-06-14T19:30:00Z\"} | currency 'EURO' is not an ISO 4217 currency code",
        "negative budget | {\"incident_id\":\"i1\",\"type\":\"WRONG_ITEM\",\"budget_left_today\":\"-3\",\"detected_at\":\"2025-06-14T19:30:00Z\"} | budget_left_today -3 must not be negative",
        "item price negative | {\"incident_id\":\"i1\",\"type\":\"WRONG_ITEM\",\"items\":[{\"name\":\"soup\",\"price\":-2}],\"detected_at\":\"2025-06-14T19:30:00Z\"} | items[0].price -2 must not be negative",
        "item without name | {\"incident_id\":\"i1\",\"type\":\"WRONG_ITEM\",\"items\":[{\"price\":2}],\"detected_at\":\"2025-06-14T19:30:00Z\"} | items[0].name is missing",
        "item without price | {\"incident_id\":\"i1\",\"type\":\"WRONG_ITEM\",\"items\":[{\"name\":\"soup\"}],\"detected_at\":\"2025-06-14T19:30:00Z\"} | items[0].price is missing",
        "item not an object | {\"incident_id\":\"i1\",\"type\":\"WRONG_ITEM\",\"items\":[\"soup\"],\"detected_at\":\"2025-06-14T19:30:00Z\"} | items[0] must be an object",
        "items not an array | {\"incident_id\":\"i1\",\"type\":\"WRONG_ITEM\",\"items\":{},\"detected_at\":\"2025-06-14T19:30:00Z\"} | items must be an array ([...]), not an object",
        "delivered not boolean | {\"incident_id\":\"i1\",\"type\":\"WRONG_ITEM\",\"items\":[{\"name\":\"soup\",\"price\":2,\"delivered\":\"nope\"}],\"detected_at\":\"2025-06-14T19:30:00Z\"} | items[0].delivered 'nope' is not true or false",
        "flag not boolean | {\"incident_id\":\"i1\",\"type\":\"WRONG_ITEM\",\"already_compensated\":1,\"detected_at\":\"2025-06-14T19:30:00Z\"} | already_compensated 1 is not true or false",
        "similar zero | {\"incident_id\":\"i1\",\"type\":\"WRONG_ITEM\",\"similar_recent_incidents\":0,\"detected_at\":\"2025-06-14T19:30:00Z\"} | similar_recent_incidents 0 must be at least 1 (it counts this incident)",
        "attribute not text | {\"incident_id\":\"i1\",\"type\":\"WRONG_ITEM\",\"attributes\":{\"a\":[1]},\"detected_at\":\"2025-06-14T19:30:00Z\"} | attributes.a must be a string, not an array",
        "typo in a key | {\"incident_id\":\"i1\",\"type\":\"WRONG_ITEM\",\"severty\":\"MAJOR\",\"detected_at\":\"2025-06-14T19:30:00Z\"} | unknown field 'severty' (did you mean 'severity'?)",
        "unknown key | {\"incident_id\":\"i1\",\"type\":\"WRONG_ITEM\",\"zzz\":1,\"detected_at\":\"2025-06-14T19:30:00Z\"} | unknown field 'zzz' (known: already_compensated, arrival_delay_minutes, attributes,",
        "customer not an object | {\"incident_id\":\"i1\",\"type\":\"WRONG_ITEM\",\"customer\":\"c1\",\"detected_at\":\"2025-06-14T19:30:00Z\"} | customer must be an object ({...}), not a string",
        "customer without id | {\"incident_id\":\"i1\",\"type\":\"WRONG_ITEM\",\"customer\":{\"tier\":\"gold\"},\"detected_at\":\"2025-06-14T19:30:00Z\"} | customer.id is missing",
        "customer ids differ | {\"incident_id\":\"i1\",\"customer_id\":\"c1\",\"type\":\"WRONG_ITEM\",\"customer\":{\"id\":\"c2\"},\"detected_at\":\"2025-06-14T19:30:00Z\"} | customer.id 'c2' differs from customer_id 'c1'",
        "customer bad channel | {\"incident_id\":\"i1\",\"customer_id\":\"c1\",\"type\":\"WRONG_ITEM\",\"customer\":{\"contact_channel\":\"pigeon\"},\"detected_at\":\"2025-06-14T19:30:00Z\"} | customer.contact_channel 'pigeon' is not one of IN_PERSON",
        "customer negative failures | {\"incident_id\":\"i1\",\"customer_id\":\"c1\",\"type\":\"WRONG_ITEM\",\"customer\":{\"recent_failures\":-1},\"detected_at\":\"2025-06-14T19:30:00Z\"} | customer.recent_failures -1 must not be negative",
        "customer negative value | {\"incident_id\":\"i1\",\"customer_id\":\"c1\",\"type\":\"WRONG_ITEM\",\"customer\":{\"lifetime_value\":-1},\"detected_at\":\"2025-06-14T19:30:00Z\"} | customer.lifetime_value -1 must not be negative",
        "customer unknown key | {\"incident_id\":\"i1\",\"customer_id\":\"c1\",\"type\":\"WRONG_ITEM\",\"customer\":{\"teir\":\"gold\"},\"detected_at\":\"2025-06-14T19:30:00Z\"} | unknown field 'customer.teir' (did you mean 'customer.tier'?)",
    })
    void rejectsABadLineWithAReasonARuleAuthorCanActOn(String name, String line, String reason) throws IOException {
        assertThat(rejectedReason(line)).as(name).startsWith(reason);
    }

    /** A JSON line written with single quotes, for readable tests: {'a':1} is {"a":1}. */
    private static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    /** A FLIGHT line with its id and time, and the given fields (single-quoted JSON members). */
    private static String flight(String fields) {
        return json("{'incident_id':'f1','kind':'FLIGHT','detected_at':'2025-06-14T10:00:00Z'," + fields + "}");
    }

    private static final String DELAY = "'disruption':'DELAY','distance_km':1800,'intra_eu':true,"
            + "'departure_delay_minutes':200,'arrival_delay_minutes':190";
    private static final String CANCELLATION = "'disruption':'CANCELLATION','distance_km':900,'intra_eu':true";

    @Test
    void readsAFlightLine() throws IOException {
        read(flight("'disruption':'cancellation','distance_km':'6500','intra_eu':false,'notice_days':0,"
                + "'reroute_departure_earlier_minutes':45,'rerouted':true,'arrival_delay_minutes':200,'overnight':true,"
                + "'extraordinary_circumstances':false,'ticket_price':'720.00','customer_id':'p-1','channel':'PHONE'")
                + "\n");
        assertThat(rejected).isEmpty();
        Incident i = accepted.get(0).incident();
        assertThat(i.type()).as("a cancellation is a seat not given").isEqualTo(IncidentType.ITEM_NOT_DELIVERED);
        assertThat(i.factor()).isEqualTo(SatisfactionFactor.PRODUCT);
        assertThat(i.channel()).isEqualTo(Channel.PHONE);
        assertThat(i.customerId()).isEqualTo("p-1");
        assertThat(i.flight()).isEqualTo(new FlightDisruption(Disruption.CANCELLATION, 6500, false, null, 200, 0, 45,
                true, true, false, Money.of("720.00", "EUR"), null, null, null, null, null, null, null));
    }

    /** A flight beyond the EU: its number, carrier, airports, size, cause, notice in hours and claim time. */
    @Test
    void readsAFlightBeyondTheEu() throws IOException {
        read(flight(CANCELLATION + ",'notice_hours':30,'cause':'required_for_safety','carrier_size':'SMALL',"
                + "'flight_number':'PD 2411','carrier':'Porter','origin':'YTZ','destination':'YOW',"
                + "'claimed_at':'2026-04-01T09:00:00Z'") + "\n");
        assertThat(rejected).isEmpty();
        Incident i = accepted.get(0).incident();
        assertThat(i.flight().cause()).isEqualTo(dev.cxkit.rules.fact.CauseCategory.REQUIRED_FOR_SAFETY);
        assertThat(i.flight().carrierSize()).isEqualTo(dev.cxkit.rules.fact.CarrierSize.SMALL);
        assertThat(i.flight().noticeHours()).isEqualTo(30);
        assertThat(i.flight().noticeDays()).isEqualTo(1);
        assertThat(i.extraordinaryCircumstances()).as("required for safety is within the carrier's control").isFalse();
        assertThat(i.claimedAt()).isEqualTo(java.time.Instant.parse("2026-04-01T09:00:00Z"));
        assertThat(i.summary()).startsWith("CANCELLATION of flight PD 2411 (YTZ to YOW), 900 km intra-EU, "
                + "REQUIRED_FOR_SAFETY");
    }

    @Test
    void aFlightLineMayRepeatTheTypeItsDisruptionGives() throws IOException {
        read(flight(DELAY + ",'type':'LONG_WAIT'") + "\n" + json("{'incident_id':'i2','type':'OTHER',"
                + "'detected_at':'2025-06-14T10:00:00Z'}") + "\n");
        assertThat(rejected).isEmpty();
        assertThat(accepted.get(0).incident().flight().disruption()).isEqualTo(Disruption.DELAY);
        assertThat(accepted.get(1).incident().flight()).as("no kind: not a flight").isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "notice days on a delay | " + DELAY + ",'notice_days':20 | notice_days is given for a DELAY: it is only for a CANCELLATION; leave it out",
        "cancellation without notice | " + CANCELLATION + " | notice_days is missing: a CANCELLATION needs its notice: notice_days (or notice_hours), the time between the passenger being told and the scheduled departure (0 = told on the day)",
        "volunteer on a cancellation | " + CANCELLATION + ",'notice_days':2,'volunteered':true | volunteered is true for a CANCELLATION: only a DENIED_BOARDING passenger can volunteer to give up the seat; leave it out",
        "negative distance | 'disruption':'DENIED_BOARDING','distance_km':-800,'intra_eu':true | distance_km -800 must be at least 1 (km)",
        "no disruption | 'distance_km':800,'intra_eu':true | disruption is missing (one of DELAY, CANCELLATION, DENIED_BOARDING, DOWNGRADE)",
        "unknown disruption | 'disruption':'DIVERSION','distance_km':800,'intra_eu':true | disruption 'DIVERSION' is not one of DELAY, CANCELLATION, DENIED_BOARDING, DOWNGRADE",
        "no distance | 'disruption':'DENIED_BOARDING','intra_eu':true | distance_km is missing: the policy needs it for every flight",
        "distance not a number | 'disruption':'DENIED_BOARDING','distance_km':'far','intra_eu':true | distance_km 'far' is not a whole number",
        "fractional distance | 'disruption':'DENIED_BOARDING','distance_km':800.5,'intra_eu':true | distance_km 800.5 is not a whole number",
        "no intra_eu | 'disruption':'DENIED_BOARDING','distance_km':800 | intra_eu is missing: the policy needs it for every flight",
        "intra_eu not a boolean | 'disruption':'DENIED_BOARDING','distance_km':800,'intra_eu':'yes' | intra_eu 'yes' is not true or false",
        "delay without departure delay | 'disruption':'DELAY','distance_km':1800,'intra_eu':true,'arrival_delay_minutes':190 | departure_delay_minutes is missing: a DELAY needs the expected delay of departure",
        "delay without arrival delay | 'disruption':'DELAY','distance_km':1800,'intra_eu':true,'departure_delay_minutes':190 | arrival_delay_minutes is missing: a DELAY needs the delay at the final destination",
        "negative delay | 'disruption':'DELAY','distance_km':1800,'intra_eu':true,'departure_delay_minutes':-10,'arrival_delay_minutes':190 | departure_delay_minutes -10 must not be negative",
        "departure delay on a cancellation | " + CANCELLATION + ",'notice_days':2,'departure_delay_minutes':60 | departure_delay_minutes is given for a CANCELLATION: it is only for a DELAY; leave it out",
        "arrival delay without a re-routing | " + CANCELLATION + ",'notice_days':2,'arrival_delay_minutes':60 | arrival_delay_minutes is given but rerouted is not true",
        "re-routing without arrival delay | " + CANCELLATION + ",'notice_days':2,'rerouted':true | arrival_delay_minutes is missing: a re-routed CANCELLATION needs how late the re-routing reached the final destination",
        "earlier departure without a re-routing | " + CANCELLATION + ",'notice_days':2,'reroute_departure_earlier_minutes':30 | reroute_departure_earlier_minutes is given but rerouted is not true",
        "earlier departure on a delay | " + DELAY + ",'reroute_departure_earlier_minutes':0 | reroute_departure_earlier_minutes is given for a DELAY: it is only for a re-routed CANCELLATION; leave it out",
        "negative notice | " + CANCELLATION + ",'notice_days':-1 | notice_days -1 must not be negative",
        "downgrade without price | 'disruption':'DOWNGRADE','distance_km':800,'intra_eu':true | ticket_price is missing: a DOWNGRADE needs it: the refund is a share of it (Art. 10(2))",
        "negative price | 'disruption':'DOWNGRADE','distance_km':800,'intra_eu':true,'ticket_price':-5 | ticket_price -5 must not be negative",
        "downgrade overnight | 'disruption':'DOWNGRADE','distance_km':800,'intra_eu':true,'ticket_price':100,'overnight':true | overnight is true for a DOWNGRADE: a downgraded passenger flew on the booked flight",
        "downgrade re-routed | 'disruption':'DOWNGRADE','distance_km':800,'intra_eu':true,'ticket_price':100,'rerouted':true | rerouted is true for a DOWNGRADE",
        "type contradicts disruption | " + DELAY + ",'type':'WRONG_ITEM' | type WRONG_ITEM contradicts disruption DELAY (a LONG_WAIT); leave type out of a FLIGHT line",
        "cause contradicts extraordinary | " + DELAY + ",'cause':'WITHIN_CONTROL','extraordinary_circumstances':true | extraordinary_circumstances true contradicts cause WITHIN_CONTROL (extraordinary circumstances are OUTSIDE_CONTROL); give one of them",
        "unknown cause | " + DELAY + ",'cause':'WEATHER' | cause 'WEATHER' is not one of WITHIN_CONTROL, REQUIRED_FOR_SAFETY, OUTSIDE_CONTROL",
        "notice hours on a delay | " + DELAY + ",'notice_hours':30 | notice_hours is given for a DELAY: it is only for a CANCELLATION; leave it out",
    })
    void rejectsABadFlightLineWithAReasonARuleAuthorCanActOn(String name, String fields, String reason)
            throws IOException {
        assertThat(rejectedReason(flight(fields))).as(name).startsWith(reason);
    }

    @Test
    void aFieldThatCannotBeReadIsReportedOnceNotAlsoAsMissing() throws IOException {
        assertThat(rejectedReason(flight("'disruption':'DOWNGRADE','distance_km':'far','intra_eu':1,"
                + "'ticket_price':'-5'"))).isEqualTo("distance_km 'far' is not a whole number; intra_eu 1 is not true or "
                + "false; ticket_price -5 must not be negative");
    }

    @Test
    void aKindOtherThanFlightIsRejected() throws IOException {
        assertThat(rejectedReason(json("{'incident_id':'t1','kind':'TRAIN','type':'LONG_WAIT',"
                + "'detected_at':'2025-06-14T10:00:00Z'}")))
                .isEqualTo("kind 'TRAIN' is not FLIGHT (leave kind out for any other incident)");
    }

    @Test
    void flightFieldsWithoutKindFlightAreRejected() throws IOException {
        assertThat(rejectedReason(json("{'incident_id':'i1','type':'LONG_WAIT','detected_at':'2025-06-14T10:00:00Z',"
                + "'disruption':'DELAY','notice_days':3}")))
                .isEqualTo("disruption is a flight field: add \"kind\": \"FLIGHT\" (or leave it out); notice_days is "
                        + "a flight field: add \"kind\": \"FLIGHT\" (or leave it out)");
    }

    @Test
    void aFlightLineStillNeedsItsTime() throws IOException {
        assertThat(rejectedReason(json("{'incident_id':'f1','kind':'FLIGHT'," + DELAY + "}")))
                .isEqualTo("occurred_at or detected_at is required (an ISO-8601 time like 2026-03-01T19:30:00Z)");
    }

    @Test
    void reportsEveryProblemOfALine() throws IOException {
        String reason = rejectedReason("{\"incident_id\":\"i1\",\"type\":\"WRONG\",\"severity\":\"HUGE\",\"minutes_waited\":-1,"
                + "\"detected_at\":\"2025-06-14T19:30:00Z\"}");
        assertThat(reason).contains("type 'WRONG' is not one of").contains("; severity 'HUGE' is not one of")
                .contains("; minutes_waited -1 must not be negative");
    }

    @Test
    void rejectsADuplicateIdNamingTheFirstAcrossInputs(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.jsonl");
        Files.writeString(a, OK + "\n");
        Path b = dir.resolve("b.jsonl");
        Files.writeString(b, OK.replace("i1", "i2") + "\n" + OK + "\n");
        reader.read(a, accepted::add, rejected::add);
        ReadSummary summary = reader.read(b, accepted::add, rejected::add);
        assertThat(summary.read()).isEqualTo(2);
        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo(b.toString());
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.reason()).isEqualTo("incident_id 'i1' was already read at " + a + " line 1");
            assertThat(r.raw()).isEqualTo(OK);
        });
    }

    @Test
    void rejectsALineThatIsNotUtf8() throws IOException {
        byte[] bad = (OK + "\n").getBytes(StandardCharsets.UTF_8);
        bad[20] = (byte) 0xC3; // inside "WRONG_ITEM": a lead byte without its continuation
        bad[21] = (byte) 0x28;
        ReadSummary summary = reader.read(new ByteArrayInputStream(bad), "incidents.jsonl", accepted::add, rejected::add);
        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(rejected.get(0).reason()).isEqualTo("the line is not valid UTF-8 (save the file as UTF-8)");
    }

    @Test
    void acceptsNumericIdsTextAmountsAndLowerCaseEnums() throws IOException {
        read("{\"incident_id\":42,\"type\":\"long_wait\",\"channel\":\"Phone\",\"detected_at\":\"2025-06-14 21:30:00+02:00\","
                + "\"order_value\":\"1200\",\"currency\":\"jpy\",\"minutes_waited\":45.0}\n");
        assertThat(rejected).isEmpty();
        Incident i = accepted.get(0).incident();
        assertThat(i.id()).isEqualTo("42");
        assertThat(i.channel()).isEqualTo(Channel.PHONE);
        assertThat(i.orderValue()).isEqualTo(Money.of("1200", "JPY"));
        assertThat(i.minutesWaited()).isEqualTo(45);
        assertThat(i.detectedAt()).isEqualTo(Instant.parse("2025-06-14T19:30:00Z"));
    }
}
