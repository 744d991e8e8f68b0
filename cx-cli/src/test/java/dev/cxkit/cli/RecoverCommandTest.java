package dev.cxkit.cli;

import static dev.cxkit.cli.CliRun.run;
import static dev.cxkit.cli.CliRun.withStdin;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class RecoverCommandTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static JsonNode plan(JsonNode root, String incidentId) {
        for (JsonNode plan : root.get("plans")) {
            if (plan.get("incidentId").asString().equals(incidentId)) {
                return plan;
            }
        }
        throw new AssertionError("no plan for " + incidentId + " in " + root);
    }

    private static List<String> strings(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode node : array) {
            out.add(field == null ? node.asString() : node.get(field).asString());
        }
        return out;
    }

    /** The bundled sample through the restaurant pack: every seed story with its numbers. */
    @Test
    void sampleIncidentsAsJson() {
        CliRun r = run("recover", "--format", "json");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.err()).contains("deciding the bundled sample incidents").doesNotContain("Exception")
                .doesNotContain("WARN");
        JsonNode root = r.json();
        assertThat(root.propertyNames()).containsExactly("plans", "failed", "rows", "rejected");
        assertThat(root.get("plans").size()).isEqualTo(10);
        assertThat(root.get("failed").size()).isZero();
        assertThat(root.get("rows").get("read").asLong()).isEqualTo(10);
        assertThat(root.get("rows").get("accepted").asLong()).isEqualTo(10);
        assertThat(root.get("rows").get("rejected").asLong()).isZero();
        assertThat(root.get("rejected").size()).isZero();

        // a meal that never came to a party: three waivers of 18.50 EUR, outside the spent budget
        JsonNode party = plan(root, "party-meal-t12");
        assertThat(party.propertyNames()).containsExactly("incidentId", "steps", "offers", "escalations", "followUps",
                "firedRules");
        assertThat(party.get("offers").size()).isEqualTo(3);
        for (JsonNode offer : party.get("offers")) {
            assertThat(offer.propertyNames()).containsExactly("kind", "amount", "currency", "reason",
                    "requiresApproval", "requiresConsent");
            assertThat(offer.get("kind").asString()).isEqualTo("WAIVE_CHARGE");
            assertThat(offer.get("amount").isString()).isTrue();
            assertThat(offer.get("amount").asString()).isEqualTo("18.50");
            assertThat(offer.get("currency").asString()).isEqualTo("EUR");
            assertThat(offer.get("requiresApproval").asBoolean()).isFalse();
            assertThat(offer.get("requiresConsent").asBoolean()).isFalse();
        }
        JsonNode waiver = null;
        for (JsonNode fired : party.get("firedRules")) {
            assertThat(fired.propertyNames()).containsExactly("rule", "added");
            if (fired.get("rule").asString().equals("Never charge for an item that was never delivered")) {
                assertThat(waiver).as("the waiver rule fires once, for all the items").isNull();
                waiver = fired;
            }
        }
        assertThat(waiver).isNotNull();
        assertThat(strings(waiver.get("added"), null)).hasSize(3)
                .allMatch(effect -> effect.startsWith("offer WAIVE_CHARGE EUR 18.50"));
        assertThat(strings(party.get("steps"), "step")).containsExactly("ACKNOWLEDGE", "WIDEN", "AGREE", "RESOLVE",
                "EVALUATE");
        JsonNode acknowledge = party.get("steps").get(0);
        assertThat(acknowledge.propertyNames()).containsExactly("step", "owner", "due", "instruction");
        assertThat(acknowledge.get("owner").asString()).isEqualTo("FRONTLINE");
        assertThat(acknowledge.get("due").asString()).isEqualTo("2025-06-14T20:12:00Z"); // detected 20:10 + 2 minutes
        assertThat(party.get("followUps").get(0).get("channel").asString()).isEqualTo("EMAIL"); // the default customer

        // wrong item, moderate: a remake and a dessert, no money
        JsonNode wrong = plan(root, "wrong-item-t7");
        assertThat(strings(wrong.get("offers"), "kind")).containsExactly("REMAKE", "FREE_ITEM");
        assertThat(wrong.get("offers").get(0).get("amount").isNull()).isTrue();
        assertThat(wrong.get("offers").get(0).get("currency").isNull()).isTrue();

        // waits: small = apology only, medium = free item, large = 20 % of 80.00 capped at 15.00 + manager check-in
        assertThat(plan(root, "wait-small-t3").get("offers").size()).isZero();
        assertThat(strings(plan(root, "wait-medium-t9").get("offers"), "kind")).containsExactly("FREE_ITEM");
        JsonNode large = plan(root, "wait-large-t4");
        assertThat(large.get("offers").get(0).get("kind").asString()).isEqualTo("DISCOUNT");
        assertThat(large.get("offers").get(0).get("amount").asString()).isEqualTo("15.00");
        assertThat(large.get("escalations").get(0).get("to").asString()).isEqualTo("MANAGER");
        assertThat(large.get("escalations").get(0).get("due").asString()).isEqualTo("2025-06-14T20:25:00Z");
        assertThat(large.get("escalations").get(0).propertyNames()).containsExactly("to", "due", "reason");

        // rude staff: the AWARE steps and no comp
        JsonNode rude = plan(root, "rude-staff-bar");
        assertThat(rude.get("offers").size()).isZero();
        assertThat(rude.get("steps").size()).isEqualTo(5);

        // contact rule broken on the phone: support owns it, credit 10.00, follow-up by the customer's SMS
        JsonNode contact = plan(root, "contact-rule-call");
        assertThat(contact.get("steps").get(0).get("owner").asString()).isEqualTo("SUPPORT");
        assertThat(contact.get("offers").get(0).get("kind").asString()).isEqualTo("CREDIT");
        assertThat(contact.get("offers").get(0).get("amount").asString()).isEqualTo("10.00");
        assertThat(contact.get("followUps").get(0).propertyNames()).containsExactly("channel", "due");
        assertThat(contact.get("followUps").get(0).get("channel").asString()).isEqualTo("SMS");

        assertThat(plan(root, "missed-booking-t2").get("offers").get(0).get("amount").asString()).isEqualTo("10.00");

        // a repeat customer: 30 % of 40.00
        JsonNode repeat = plan(root, "repeat-wait-t6");
        assertThat(repeat.get("offers").get(0).get("amount").asString()).isEqualTo("12.00");
        assertThat(strings(repeat.get("firedRules"), "rule")).contains("Repeat failure within 90 days: comp one tier up");

        // the budget is spent: the discount stays, flagged for a manager
        JsonNode budget = plan(root, "budget-spent-t15");
        assertThat(budget.get("offers").get(0).get("amount").asString()).isEqualTo("10.00");
        assertThat(budget.get("offers").get(0).get("requiresApproval").asBoolean()).isTrue();
    }

    @Test
    void tableShowsStepsOffersFlagsEscalationsFollowUpsAndRules() {
        CliRun r = run("recover");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("incident party-meal-t12: ITEM_NOT_DELIVERED, MODERATE, IN_PERSON at Harbour Street")
                .contains("    ACKNOWLEDGE FRONTLINE due 2025-06-14T20:12:00Z  acknowledge the problem")
                .contains("    WAIVE_CHARGE EUR 18.50  'mushroom risotto' never arrived: it comes off the bill")
                .contains("for a wait 30 minutes longer than promised [APPROVAL]")
                .contains("note: the location's comp budget for today is spent: a manager approves it")
                .contains("  escalations:\n    MANAGER   due 2025-06-14T20:25:00Z")
                .contains("  follow-ups:\n    SMS (MOBILE) due ")
                .contains("  rules fired:\n     1. Deadlines:")
                .contains("systemic issue: yes")
                .contains("10 incidents decided, 0 failed; lines read 10, accepted 10, rejected 0");
    }

    /** The bundled sample flights through the eu261 pack: each flight with its article and amount. */
    @Test
    void sampleFlightsThroughTheEu261Pack() {
        CliRun r = run("recover", "--policy", "eu261", "--format", "json");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.err()).contains("cx: no INCIDENTS given: deciding the bundled sample flights (sample-flights.jsonl)")
                .doesNotContain("Exception").doesNotContain("WARN");
        JsonNode root = r.json();
        assertThat(root.get("plans").size()).isEqualTo(12);
        assertThat(root.get("failed").size()).isZero();
        assertThat(root.get("rows").get("accepted").asLong()).isEqualTo(12);
        assertThat(root.get("rows").get("rejected").asLong()).isZero();

        // a delay of 3h10 at 1800 km within the EU: 400 EUR (Sturgeon), and meals (departure 3h20 >= 3h)
        JsonNode delay = plan(root, "LH1234-delay");
        assertThat(strings(delay.get("offers"), "kind")).containsExactlyInAnyOrder("CASH_COMPENSATION", "MEALS");
        JsonNode cash = offer(delay, "CASH_COMPENSATION");
        assertThat(cash.get("amount").asString()).isEqualTo("400.00");
        assertThat(cash.get("currency").asString()).isEqualTo("EUR");
        assertThat(cash.get("reason").asString()).isEqualTo("Art. 7(1)(b): 400 EUR, intra-EU 1800 km, arrival delay 3h10");
        assertThat(strings(delay.get("steps"), "step")).containsExactly("ACKNOWLEDGE", "WIDEN", "AGREE", "RESOLVE",
                "EVALUATE");

        // under 3 hours late: meals only; band (c) 3h45 late: halved to 300 EUR, with meals and a hotel
        assertThat(strings(plan(root, "FR811-short-delay").get("offers"), "kind")).containsExactly("MEALS");
        JsonNode longHaul = plan(root, "AF084-longhaul-delay");
        assertThat(strings(longHaul.get("offers"), "kind")).containsExactlyInAnyOrder("CASH_COMPENSATION", "MEALS",
                "HOTEL");
        assertThat(offer(longHaul, "CASH_COMPENSATION").get("amount").asString()).isEqualTo("300.00");

        // fog (extraordinary): no compensation, care all the same
        JsonNode fog = plan(root, "KL1001-fog");
        assertThat(strings(fog.get("offers"), "kind")).containsExactlyInAnyOrder("MEALS", "REFUND_OPTION");
        assertThat(fog.get("steps").get(4).get("instruction").asString()).contains("(Art. 5(3))");

        // cancellations: 20 days' notice and a close re-routing 10 days before are exempt; on the day at the gate
        // 600 EUR with meals and a hotel; 3 days before, re-routed 2h30 late at 2200 km: 400 halved to 200 EUR
        assertThat(strings(plan(root, "IB3166-early-notice").get("offers"), "kind")).containsExactly("REFUND_OPTION");
        assertThat(strings(plan(root, "SK1463-rerouted").get("offers"), "kind")).containsExactly("REFUND_OPTION");
        JsonNode atGate = plan(root, "UA961-cancelled-at-gate");
        assertThat(strings(atGate.get("offers"), "kind")).containsExactlyInAnyOrder("CASH_COMPENSATION", "MEALS",
                "HOTEL", "REFUND_OPTION");
        assertThat(offer(atGate, "CASH_COMPENSATION").get("amount").asString()).isEqualTo("600.00");
        assertThat(offer(plan(root, "TP1351-short-notice"), "CASH_COMPENSATION").get("amount").asString())
                .isEqualTo("200.00");

        // denied boarding: 400 EUR against the passenger's will, none for a volunteer
        JsonNode overbooked = plan(root, "BA117-overbooked");
        assertThat(offer(overbooked, "CASH_COMPENSATION").get("amount").asString()).isEqualTo("400.00");
        assertThat(overbooked.get("followUps").get(0).get("channel").asString()).isEqualTo("SMS");
        assertThat(strings(plan(root, "BA117-volunteer").get("offers"), "kind")).containsExactlyInAnyOrder("MEALS",
                "REFUND_OPTION");

        // a downgrade on a ticket bought in pounds: 75 % of GBP 1890.00
        JsonNode downgrade = offer(plan(root, "EK008-downgrade"), "DOWNGRADE_REFUND");
        assertThat(downgrade.get("amount").asString()).isEqualTo("1417.50");
        assertThat(downgrade.get("currency").asString()).isEqualTo("GBP");

        // a second claim for the same flight: the payment is held for a check, the meals are not
        JsonNode second = plan(root, "LH1234-second-claim");
        assertThat(offer(second, "CASH_COMPENSATION").get("requiresApproval").asBoolean()).isTrue();
        assertThat(offer(second, "MEALS").get("requiresApproval").asBoolean()).isFalse();
    }

    private static JsonNode offer(JsonNode plan, String kind) {
        for (JsonNode offer : plan.get("offers")) {
            if (offer.get("kind").asString().equals(kind)) {
                return offer;
            }
        }
        throw new AssertionError("no " + kind + " offer in " + plan);
    }

    @Test
    void theTableNamesTheFlight() {
        CliRun r = run("recover", "--policy", "eu261");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("incident UA961-cancelled-at-gate: CANCELLATION of flight, 6900 km, MODERATE, "
                        + "IN_PERSON at FRA (gate Z52), customer p-2007\n")
                .contains("    CASH_COMPENSATION EUR 600.00 Art. 7(1)(c): 600 EUR, extra-EU 6900 km, cancelled, told on "
                        + "the day of departure, not re-routed\n")
                .contains("incident LH1234-delay: DELAY of flight, 1800 km intra-EU, MODERATE, IN_PERSON at FRA "
                        + "(gate B22), customer p-2001\n")
                .contains("12 incidents decided, 0 failed; lines read 12, accepted 12, rejected 0");
    }

    @Test
    void aContradictoryFlightLineIsRejectedWithItsLineAndTheRestDecided() throws IOException {
        Path flights = write("flights.jsonl", String.join("\n",
                "{\"incident_id\":\"f1\",\"kind\":\"FLIGHT\",\"disruption\":\"DENIED_BOARDING\",\"distance_km\":800,"
                        + "\"intra_eu\":true,\"detected_at\":\"2025-06-14T10:00:00Z\"}",
                "{\"incident_id\":\"f2\",\"kind\":\"FLIGHT\",\"disruption\":\"DELAY\",\"distance_km\":800,"
                        + "\"intra_eu\":true,\"departure_delay_minutes\":30,\"arrival_delay_minutes\":40,\"notice_days\":3,"
                        + "\"detected_at\":\"2025-06-14T10:00:00Z\"}") + "\n");
        CliRun r = run("recover", flights.toString(), "--policy", "eu261", "--format", "json");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.err()).contains(flights + " line 2: notice_days is given for a DELAY: it is only for a "
                + "CANCELLATION; leave it out");
        JsonNode root = r.json();
        assertThat(root.get("plans").size()).isEqualTo(1);
        assertThat(offer(plan(root, "f1"), "CASH_COMPENSATION").get("amount").asString()).isEqualTo("250.00");
        assertThat(root.get("rows").get("rejected").asLong()).isEqualTo(1);
    }

    private static final String LINE_OK = "{\"incident_id\":\"w1\",\"type\":\"LONG_WAIT\",\"detected_at\":\"2025-06-14T19:30:00Z\","
            + "\"minutes_waited\":45,\"minutes_promised\":20,\"order_value\":\"62.00\"}";
    private static final String LINE_BAD_TYPE = "{\"incident_id\":\"w2\",\"type\":\"WRONG_ITEMS\",\"detected_at\":\"2025-06-14T19:30:00Z\"}";
    private static final String LINE_MALFORMED = "{\"incident_id\":\"w3\",";

    @Test
    void rejectedLinesAreReportedCountedAndWrittenVerbatimAndTheRestDecided() throws IOException {
        Path incidents = write("incidents.jsonl", LINE_OK + "\n\n" + LINE_BAD_TYPE + "\n" + LINE_MALFORMED + "\n");
        Path rejects = dir.resolve("rejects.jsonl");
        CliRun r = run("recover", incidents.toString(), "--format", "json", "--rejects", rejects.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.err()).contains("cx: rejected 2 of 3 lines:")
                .contains(incidents + " line 3: type 'WRONG_ITEMS' is not one of WRONG_ITEM, ITEM_NOT_DELIVERED,")
                .contains(incidents + " line 4: malformed JSON");
        JsonNode root = r.json();
        assertThat(root.get("plans").size()).isEqualTo(1);
        assertThat(root.get("rows").get("read").asLong()).isEqualTo(3);
        assertThat(root.get("rows").get("accepted").asLong()).isEqualTo(1);
        assertThat(root.get("rows").get("rejected").asLong()).isEqualTo(2);
        JsonNode first = root.get("rejected").get(0);
        assertThat(first.propertyNames()).containsExactly("source", "line", "reason");
        assertThat(first.get("source").asString()).isEqualTo(incidents.toString());
        assertThat(first.get("line").asLong()).isEqualTo(3);
        assertThat(Files.readString(rejects)).isEqualTo(LINE_BAD_TYPE + "\n" + LINE_MALFORMED + "\n");
    }

    @Test
    void strictFailsWithExitOneAndDecidesNothing() throws IOException {
        Path incidents = write("incidents.jsonl", LINE_OK + "\n" + LINE_BAD_TYPE + "\n");
        CliRun r = run("recover", incidents.toString(), "--strict", "--format", "json");
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("cx: 1 line rejected and --strict is on: nothing decided");

        CliRun clean = run("recover", write("ok.jsonl", LINE_OK + "\n").toString(), "--strict", "--format", "json");
        assertThat(clean.exit()).as(clean.toString()).isZero();
    }

    @Test
    void customersComeInlineThenFromTheFileThenTheDefault() throws IOException {
        Path customers = write("customers.jsonl", "{\"id\":\"c-sms\",\"contact_channel\":\"SMS\"}\n"
                + "{\"id\":\"c-repeat\",\"recent_failures\":2,\"contact_channel\":\"PHONE\"}\n{\"id\":\n");
        Path incidents = write("incidents.jsonl", String.join("\n",
                "{\"incident_id\":\"a\",\"customer_id\":\"c-sms\",\"type\":\"RUDE_OR_CARELESS_STAFF\",\"detected_at\":\"2025-06-14T19:30:00Z\"}",
                "{\"incident_id\":\"b\",\"customer_id\":\"c-sms\",\"type\":\"RUDE_OR_CARELESS_STAFF\",\"detected_at\":\"2025-06-14T19:30:00Z\",\"customer\":{\"contact_channel\":\"CHAT\"}}",
                "{\"incident_id\":\"c\",\"customer_id\":\"c-nobody\",\"type\":\"RUDE_OR_CARELESS_STAFF\",\"detected_at\":\"2025-06-14T19:30:00Z\"}",
                "{\"incident_id\":\"d\",\"customer_id\":\"c-repeat\",\"type\":\"LONG_WAIT\",\"minutes_waited\":28,\"minutes_promised\":20,\"order_value\":\"40.00\",\"detected_at\":\"2025-06-14T19:30:00Z\"}"));
        CliRun r = run("recover", incidents.toString(), "--customers", customers.toString(), "--format", "json");
        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode root = r.json();
        assertThat(plan(root, "a").get("followUps").get(0).get("channel").asString()).isEqualTo("SMS");
        assertThat(plan(root, "b").get("followUps").get(0).get("channel").asString()).isEqualTo("CHAT");
        assertThat(plan(root, "c").get("followUps").get(0).get("channel").asString()).isEqualTo("EMAIL");
        // a repeat customer's small wait gets a free item (one tier up)
        assertThat(strings(plan(root, "d").get("offers"), "kind")).containsExactly("FREE_ITEM");
        assertThat(r.err()).contains("cx: warning: incident c: customer c-nobody is not in " + customers
                + "; using the default customer");
        // the customers file's bad line is counted and reported too
        assertThat(root.get("rows").get("read").asLong()).isEqualTo(7);
        assertThat(root.get("rows").get("rejected").asLong()).isEqualTo(1);
        assertThat(root.get("rejected").get(0).get("source").asString()).isEqualTo(customers.toString());
        assertThat(root.get("rejected").get(0).get("line").asLong()).isEqualTo(3);
    }

    @Test
    void nowOverridesTheDetectionTimeAndStdinIsRead() {
        CliRun r = withStdin(LINE_OK + "\n", "recover", "-", "--now", "2025-06-15T08:00:00Z", "--format", "json");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.json().get("plans").size()).isEqualTo(1);
        CliRun bad = run("recover", "--now", "tomorrow");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("cx: ").contains("'tomorrow' is not an ISO-8601 time");
    }

    static final String THROWING = """
            package test.failing;
            import dev.cxkit.rules.fact.*;
            import dev.cxkit.rules.plan.*;

            rule "Acknowledge"
            when
                $i : Incident()
                $p : PlanDraft()
            then
                $p.step(AwareStep.ACKNOWLEDGE, Owner.FRONTLINE, $p.after($i.detectedAt(), 2), "Apologize sincerely.");
            end

            rule "Blow up on incident boom"
            when
                Incident( id == "boom" )
            then
                throw new IllegalStateException("the kitchen printer is on fire");
            end
            """;

    @Test
    void aFailingDecisionIsReportedAndTheOthersGoOn() throws IOException {
        Path policy = Files.createDirectory(dir.resolve("failing"));
        Files.writeString(policy.resolve("rules.drl"), THROWING);
        Path incidents = write("incidents.jsonl", String.join("\n",
                "{\"incident_id\":\"fine-1\",\"type\":\"OTHER\",\"detected_at\":\"2025-06-14T19:30:00Z\"}",
                "{\"incident_id\":\"boom\",\"type\":\"OTHER\",\"detected_at\":\"2025-06-14T19:30:00Z\"}",
                "{\"incident_id\":\"fine-2\",\"type\":\"OTHER\",\"detected_at\":\"2025-06-14T19:30:00Z\"}"));
        CliRun r = run("recover", incidents.toString(), "--policy", policy.toString(), "--format", "json");
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        JsonNode root = r.json();
        assertThat(strings(root.get("plans"), "incidentId")).containsExactly("fine-1", "fine-2");
        assertThat(root.get("plans").get(0).get("steps").get(0).get("due").asString()).isEqualTo("2025-06-14T19:32:00Z");
        assertThat(root.get("failed").size()).isEqualTo(1);
        assertThat(root.get("failed").get(0).get("incidentId").asString()).isEqualTo("boom");
        assertThat(root.get("failed").get(0).get("rule").asString()).isEqualTo("Blow up on incident boom");
        assertThat(root.get("failed").get(0).get("error").asString()).contains("Blow up on incident boom")
                .contains("the kitchen printer is on fire");
        assertThat(r.err()).contains("cx: decision failed: incident boom, rule \"Blow up on incident boom\"")
                .doesNotContain("\tat ");

        CliRun table = run("recover", incidents.toString(), "--policy", policy.toString());
        assertThat(table.exit()).isEqualTo(1);
        assertThat(table.out()).contains("  FAILED: incident boom").contains("2 incidents decided, 1 failed");
    }

    @Test
    void aSettingsOverlayChangesTheNumbersAndIsCheckedFirst() throws IOException {
        CliRun plain = run("recover", "--format", "json");
        assertThat(plain.exit()).as(plain.toString()).isZero();
        assertThat(plain.json().get("plans").get(0).get("steps").get(0).get("due").asString())
                .isEqualTo("2025-06-14T19:32:00Z");
        Path york = write("york.properties", "# York acknowledges within the hour\nacknowledge.inPerson.minutes = 1h\n");
        CliRun overlaid = run("recover", "--settings", york.toString(), "--format", "json");
        assertThat(overlaid.exit()).as(overlaid.toString()).isZero();
        assertThat(overlaid.json().get("plans").get(0).get("steps").get(0).get("due").asString())
                .isEqualTo("2025-06-14T20:30:00Z");

        Path typo = write("typo.properties", "acknowledge.inPerson.minutez = 5\nauthority.frontline.limit = lots\n");
        CliRun bad = run("recover", "--settings", typo.toString());
        assertThat(bad.exit()).as(bad.toString()).isEqualTo(2);
        assertThat(bad.out()).isEmpty();
        assertThat(bad.err()).contains("does not fit policy 'restaurant' (nothing decided)")
                .contains(typo + ":1: acknowledge.inPerson.minutez: policy 'restaurant' has no such setting, so it "
                        + "would change nothing (did you mean 'acknowledge.inPerson.minutes'?)")
                .contains(typo + ":2: setting 'authority.frontline.limit' = 'lots' is not a number");
    }

    /** eu261 needs each flight's distance and intra_eu; its reader rejects a line without one, by line and field. */
    @Test
    void aFlightLineWithoutAFieldThePolicyNeedsIsRejectedWithItsLine() throws IOException {
        Path flights = write("flights.jsonl", "{\"incident_id\":\"AC-1\",\"kind\":\"FLIGHT\",\"disruption\":\"DELAY\","
                + "\"departure_delay_minutes\":240,\"arrival_delay_minutes\":230,\"distance_km\":540,"
                + "\"detected_at\":\"2026-03-01T10:00:00Z\"}\n");
        CliRun eu261 = run("recover", flights.toString(), "--policy", "eu261", "--format", "json");
        assertThat(eu261.err()).contains("flights.jsonl line 1: intra_eu is missing: the policy needs it for every flight");
        assertThat(eu261.json().get("rows").get("rejected").asInt()).isEqualTo(1);
        // a policy that needs neither reads the same line
        CliRun restaurant = run("recover", flights.toString(), "--format", "json");
        assertThat(restaurant.json().get("rows").get("rejected").asInt()).isZero();
        assertThat(restaurant.json().get("plans").size()).isEqualTo(1);
    }

    static final String BROKEN = """
            package test.broken;
            import dev.cxkit.rules.fact.*;
            import dev.cxkit.rules.plan.*;

            rule "Long wait discount"
            when
                $i : Incident( waitMinutez > 10 )
            then
                System.out.println("hi");
            end
            """;

    @Test
    void aPolicyThatDoesNotCompileExitsTwoWithFileAndLine() throws IOException {
        Path policy = Files.createDirectory(dir.resolve("broken"));
        Files.writeString(policy.resolve("comp.drl"), BROKEN);
        CliRun r = run("recover", "--policy", policy.toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("cx: policy 'broken' does not compile (1 error):\n")
                .contains("\nbroken/comp.drl:7: rule \"Long wait discount\": ")
                .contains("waitMinutez")
                .doesNotContain("[ERROR]")
                .doesNotContain("\tat ");
    }

    @Test
    void theFiringLimitAndTimeBudgetAreOptions() {
        CliRun limited = run("recover", "--firing-limit", "1", "--format", "json");
        assertThat(limited.exit()).as(limited.toString()).isEqualTo(1);
        assertThat(limited.out()).contains("exceeded the firing limit of 1");

        CliRun generous = run("recover", "--time-budget", "30s", "--firing-limit", "500", "--format", "json");
        assertThat(generous.exit()).as(generous.toString()).isZero();

        for (String bad : new String[] {"0s", "soon", "-5s"}) {
            CliRun r = run("recover", "--time-budget", bad);
            assertThat(r.exit()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).contains("--time-budget").doesNotContain("\tat ");
        }
        CliRun r = run("recover", "--firing-limit", "0");
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--firing-limit must be at least 1");
    }

    @Test
    void usageErrors() {
        CliRun noPolicy = run("recover", "--policy", dir.resolve("nope").toString());
        assertThat(noPolicy.exit()).isEqualTo(2);
        assertThat(noPolicy.err()).contains("no such directory, and not a bundled pack (bundled: restaurant, eu261)");
        CliRun csv = run("recover", "--format", "csv");
        assertThat(csv.exit()).isEqualTo(2);
        assertThat(csv.err()).contains("cx: --format csv is not available for recover");
        CliRun missing = run("recover", dir.resolve("missing.jsonl").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("cx: cannot read ").contains("no such file");
    }
}
