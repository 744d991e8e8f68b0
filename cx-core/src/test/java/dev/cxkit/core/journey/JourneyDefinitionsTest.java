package dev.cxkit.core.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.SatisfactionFactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JourneyDefinitionsTest {

    private static final String VALID = """
            name: visit
            stages:
              - id: order
                touchpoints:
                  - {id: order, channel: in_person}
              - id: served
                touchpoints:
                  - {id: served, name: Meal served, channel: IN_PERSON}
                  - {id: complaint, channel: phone, expected: false}
            promises:
              - id: served-in-20
                from: order
                to: served
                limit: 20 min
                factor: timeliness
              - id: fix
                from: failure
                to: recovery
                limit: PT30M
                factor: resolution
            contact_rules:
              - id: chosen
                touchpoints: [complaint]
            """;

    @Test
    void readsTheWholeFormat() {
        JourneyDefinition d = JourneyDefinitions.parse("visit.yaml", VALID);
        assertThat(d.name()).isEqualTo("visit");
        assertThat(d.stages()).containsExactly("order", "served");
        assertThat(d.touchpoints()).containsExactly(
                new Touchpoint("order", "order", Channel.IN_PERSON, "order", true),
                new Touchpoint("served", "Meal served", Channel.IN_PERSON, "served", true),
                new Touchpoint("complaint", "complaint", Channel.PHONE, "served", false));
        assertThat(d.expectedTouchpoints()).extracting(Touchpoint::id).containsExactly("order", "served");
        assertThat(d.promises()).containsExactly(
                Promise.atMost("served-in-20", "order", "served", Duration.ofMinutes(20), SatisfactionFactor.TIMELINESS),
                Promise.recovery("fix", Duration.ofMinutes(30), SatisfactionFactor.RESOLUTION));
        assertThat(d.recoveryPromise()).map(Promise::id).hasValue("fix");
        assertThat(d.contactRules()).containsExactly(new ContactRule("chosen", Set.of("complaint"),
                SatisfactionFactor.PEOPLE));
    }

    @Test
    void jsonIsReadByTheSameCode() {
        String json = """
                {"name": "visit",
                 "stages": [{"id": "order", "touchpoints": [{"id": "order", "channel": "in_person"}]},
                            {"id": "served", "touchpoints": [{"id": "served", "channel": "in_person"}]}],
                 "promises": [{"id": "p", "from": "order", "to": "served", "limit": "20 min",
                               "direction": "at_least", "factor": "timeliness"}]}
                """;
        JourneyDefinition d = JourneyDefinitions.parse("visit.json", json);
        assertThat(d.promises()).containsExactly(
                Promise.atLeast("p", "order", "served", Duration.ofMinutes(20), SatisfactionFactor.TIMELINESS));
    }

    @Test
    void theSamplesLoadAndSayWhatTheIssueAsks() {
        JourneyDefinition dineIn = JourneyDefinitions.sample("dine-in");
        assertThat(dineIn.stages()).containsExactly("order", "served", "bill", "follow-up");
        Promise served = dineIn.promises().get(0);
        assertThat(served.describe()).isEqualTo("served ≤ 20m after order");
        assertThat(served.factor()).isEqualTo(SatisfactionFactor.TIMELINESS);
        assertThat(dineIn.recoveryPromise()).isPresent();

        JourneyDefinition delivery = JourneyDefinitions.sample("delivery");
        Promise notice = delivery.promises().get(0);
        assertThat(notice.direction()).isEqualTo(Promise.Direction.AT_LEAST);
        assertThat(notice.from()).isEqualTo(EventRef.touchpoint("notify"));
        assertThat(notice.to()).isEqualTo(EventRef.touchpoint("arrival"));
        assertThat(notice.limit()).isEqualTo(Duration.ofMinutes(30));
        assertThat(delivery.contactRules().get(0).touchpoints()).contains("notify");
        assertThatThrownBy(() -> JourneyDefinitions.sample("nope")).hasMessageContaining("dine-in, delivery");
    }

    @Test
    void loadsFilesAndNamesThemInErrors(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("visit.yml");
        Files.writeString(good, VALID);
        assertThat(JourneyDefinitions.load(good).name()).isEqualTo("visit");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, VALID.replace("limit: 20 min", "limit: -20 min"));
        assertThatThrownBy(() -> JourneyDefinitions.load(bad))
                .isInstanceOf(JourneyDefinitionException.class)
                .hasMessage(bad + " line 14 (promises[0].limit): the limit -20 min is negative; a limit is zero or more"
                        + " (use direction: at_least for a notice before an event)");
    }

    private static List<String> problems(String source, String text) {
        try {
            JourneyDefinitions.parse(source, text);
        } catch (JourneyDefinitionException e) {
            return e.problems().stream().map(DefinitionProblem::toString).toList();
        }
        throw new AssertionError("no problems in " + text);
    }

    @Test
    void anUnknownTouchpointInAPromiseNamesTheField() {
        assertThat(problems("v.yaml", VALID.replace("to: served", "to: serve")))
                .containsExactly("v.yaml line 13 (promises[0].to): promise 'served-in-20': to 'serve' is not a touchpoint"
                        + " of this journey (touchpoints: order, served, complaint; outcomes: failure, recovery)");
    }

    @Test
    void aRepeatedStageIsACycle() {
        String text = VALID.replace("  - id: served\n", "  - id: order\n");
        assertThat(problems("v.yaml", text)).first().asString()
                .startsWith("v.yaml line 6 (stages[1].id): stage 'order' is listed twice (positions 1 and 2)")
                .contains("order would loop");
    }

    @Test
    void unknownKeysAreNamedWithTheKeysKnownThere() {
        String text = VALID.replace("    factor: timeliness", "    factr: timeliness");
        assertThat(problems("v.yaml", text)).containsExactly(
                "v.yaml line 15 (promises[0].factr): unknown key 'factr' (known here: direction, factor, from, id, limit,"
                        + " to)",
                "v.yaml line 11 (promises[0].factor): factor is missing (one of product, people, timeliness,"
                        + " resolution)");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String text = VALID.replace("channel: IN_PERSON", "channel: pigeon")
                .replace("limit: PT30M", "limit: 30")
                .replace("touchpoints: [complaint]", "touchpoints: [complain]")
                .replace("name: visit\n", "name: visit\nowner: ops\n");
        assertThat(problems("v.yaml", text)).containsExactly(
                "v.yaml line 2 (owner): unknown key 'owner' (known here: contact_rules, name, promises, stages)",
                "v.yaml line 9 (stages[1].touchpoints[0].channel): channel 'pigeon' is not one of in_person, phone, web,"
                        + " app, sms, email, chat, delivery, other",
                // the touchpoint with the bad channel is not defined, so the promise that names it fails too
                "v.yaml line 14 (promises[0].to): promise 'served-in-20': to 'served' is not a touchpoint of this journey"
                        + " (touchpoints: order, complaint; outcomes: failure, recovery)",
                "v.yaml line 20 (promises[1].limit): '30' has no unit (write for example 20 min, 90 s, 2 h)",
                "v.yaml line 24 (contact_rules[0].touchpoints): contact rule 'chosen': touchpoint 'complain' is not a"
                        + " touchpoint of this journey (touchpoints: order, complaint)");
    }

    @Test
    void malformedTextNamesTheLine() {
        assertThat(problems("v.yaml", "name: visit\nstages: [\n  - id: x\n")).singleElement().asString()
                .startsWith("v.yaml line ").contains("not valid YAML");
        assertThat(problems("v.json", "{\"name\": \"visit\",\n \"stages\": [}")).singleElement().asString()
                .startsWith("v.json line 2: not valid JSON");
    }

    @Test
    void repeatedKeysEmptyFilesAndWrongShapesAreProblems() {
        assertThat(problems("v.yaml", "")).containsExactly("v.yaml: the file is empty; a definition needs a name and stages");
        assertThat(problems("v.yaml", "- a\n- b\n")).containsExactly("v.yaml line 1: expected a mapping (key: value), not a list");
        assertThat(problems("v.yaml", VALID.replace("name: visit\n", "name: visit\nname: again\n")))
                .containsExactly("v.yaml line 2 (name): key 'name' is given twice (first on line 1)");
        assertThat(problems("v.yaml", "name: visit\nstages: order\n"))
                .containsExactly("v.yaml line 2 (stages): expected a list, not 'order'");
        assertThat(problems("v.yaml", "name: visit\nstages:\n  - id: s\n    touchpoints: []\n"))
                .containsExactly("v.yaml line 4 (stages[0].touchpoints): touchpoints is empty");
    }

    @Test
    void aReservedTouchpointIdIsRefused() {
        assertThat(problems("v.yaml", VALID.replace("{id: complaint,", "{id: failure,")))
                .first().asString().startsWith("v.yaml line 9 (stages[1].touchpoints[1].id): touchpoint id 'failure' is"
                        + " reserved");
    }

    @Test
    void promiseShapesAreChecked() {
        assertThat(problems("v.yaml", VALID.replace("to: recovery", "to: served")))
                .containsExactly("v.yaml line 17 (promises[1].from): promise 'fix': 'failure' to 'served' mixes a touchpoint"
                        + " with an outcome; a promise runs between two touchpoints or from failure to recovery");
        assertThat(problems("v.yaml", VALID.replace("limit: PT30M", "limit: 30 min\n    direction: at_least")))
                .containsExactly("v.yaml line 20 (promises[1].direction): promise 'fix': a recovery promise is a deadline"
                        + " (at_most)");
        assertThat(problems("v.yaml", VALID.replace("limit: 20 min", "limit: soon")))
                .containsExactly("v.yaml line 14 (promises[0].limit): 'soon' is not a duration (write a whole number and a"
                        + " unit: 20 min, 90 s, 2 h, 1 d; or PT20M)");
    }
}
