package dev.cxkit.core.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cxkit.core.io.Durations;
import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.SatisfactionFactor;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JourneyDefinitionTest {

    private static JourneyDefinition.Builder twoStages() {
        return JourneyDefinition.builder("visit").stages("order", "served")
                .touchpoint("served", Channel.IN_PERSON, "served")
                .touchpoint(Touchpoint.of("seated", Channel.IN_PERSON, "order").optional())
                .touchpoint("order", Channel.IN_PERSON, "order");
    }

    @Test
    void touchpointsAreOrderedByStageThenByAddition() {
        JourneyDefinition d = twoStages().build();
        assertThat(d.touchpoints()).extracting(Touchpoint::id).containsExactly("seated", "order", "served");
        assertThat(d.expectedTouchpoints()).extracting(Touchpoint::id).containsExactly("order", "served");
        assertThat(d.touchpointsOf("order")).extracting(Touchpoint::id).containsExactly("seated", "order");
        assertThat(d.stageIndex("served")).isEqualTo(1);
        assertThat(d.stageIndex("bill")).isEqualTo(-1);
        assertThat(d.touchpoint("nope")).isEmpty();
        assertThat(d.recoveryPromise()).isEmpty();
        assertThat(d).isEqualTo(twoStages().build()).hasSameHashCodeAs(twoStages().build());
    }

    @Test
    void everyStepIsCheckedAtOnce() {
        JourneyDefinition.Builder b = JourneyDefinition.builder("visit").stage("order");
        assertThatThrownBy(() -> b.stage("order")).isInstanceOf(JourneyDefinitionException.class)
                .hasMessageContaining("stage 'order' is listed twice");
        assertThatThrownBy(() -> b.touchpoint("bill", Channel.IN_PERSON, "bill"))
                .hasMessage("touchpoint 'bill': unknown stage 'bill' (stages: order)");
        b.touchpoint("order", Channel.IN_PERSON, "order");
        assertThatThrownBy(() -> b.touchpoint("order", Channel.PHONE, "order"))
                .hasMessage("touchpoint 'order' is defined twice");
        assertThatThrownBy(() -> b.promise(Promise.atMost("p", "order", "served", Duration.ofMinutes(5),
                SatisfactionFactor.TIMELINESS))).hasMessageContaining("to 'served' is not a touchpoint of this journey");
        assertThatThrownBy(() -> b.contactRule(ContactRule.of("c", "sms"))).hasMessageContaining("touchpoint 'sms'");
        b.promise(Promise.recovery("fix", Duration.ofMinutes(30), SatisfactionFactor.RESOLUTION));
        assertThatThrownBy(() -> b.promise(Promise.recovery("fix2", Duration.ofMinutes(10),
                SatisfactionFactor.RESOLUTION))).hasMessageContaining("promise 'fix' is already the recovery promise");
        assertThat(b.build().recoveryPromise()).map(Promise::id).hasValue("fix");
    }

    @Test
    void aStageWithoutTouchpointsCannotBeReached() {
        assertThatThrownBy(() -> JourneyDefinition.builder("v").stages("a", "b").touchpoint("x", Channel.WEB, "a")
                .build()).hasMessage("stage 'b' has no touchpoints, so no journey could reach it");
        assertThatThrownBy(() -> JourneyDefinition.builder("v").build()).hasMessage("journey 'v' has no stages");
    }

    @Test
    void promisesCheckTheirOwnShape() {
        assertThatThrownBy(() -> Promise.atMost("p", "a", "b", Duration.ofMinutes(-1), SatisfactionFactor.TIMELINESS))
                .hasMessage("promise 'p': the limit -1m is negative; a limit is zero or more (use the direction for"
                        + " 'before')");
        assertThatThrownBy(() -> Promise.atMost("p", "a", "a", Duration.ZERO, SatisfactionFactor.TIMELINESS))
                .hasMessage("promise 'p': from and to are the same touchpoint 'a'");
        assertThatThrownBy(() -> Promise.atMost("p", "recovery", "failure", Duration.ZERO, SatisfactionFactor.TIMELINESS))
                .hasMessageContaining("an outcome promise runs from failure to recovery");
        Promise notice = Promise.atLeast("n", "notify", "arrival", Duration.ofMinutes(30), SatisfactionFactor.TIMELINESS);
        assertThat(notice.isKept(Duration.ofMinutes(30))).isTrue();
        assertThat(notice.isKept(Duration.ofMinutes(29))).isFalse();
        assertThat(notice.isKept(Duration.ofMinutes(-5))).isFalse();
        Promise served = Promise.atMost("s", "order", "served", Duration.ofMinutes(20), SatisfactionFactor.TIMELINESS);
        assertThat(served.isKept(Duration.ofMinutes(20))).isTrue();
        assertThat(served.isKept(Duration.ofMinutes(20).plusSeconds(1))).isFalse();
        // served 126 years before the order is a data error, not a promise kept in no time
        assertThat(served.isKept(Duration.ofDays(-126L * 365))).isFalse();
        assertThat(served.isKept(Duration.ZERO)).isTrue();
        assertThat(notice.describe()).isEqualTo("arrival ≥ 30m after notify");
    }

    @Test
    void durationsReadAndWriteTheUnitsPeopleUse() {
        assertThat(Durations.parse("20 min")).isEqualTo(Duration.ofMinutes(20));
        assertThat(Durations.parse("20m")).isEqualTo(Duration.ofMinutes(20));
        assertThat(Durations.parse("90 S")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("2 hours")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(Durations.parse("PT1H30M")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("-5 min")).isEqualTo(Duration.ofMinutes(-5));
        assertThatThrownBy(() -> Durations.parse("1.5 h")).hasMessageContaining("not a duration");
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1.500s");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(Durations.format(Duration.ofDays(2).plusSeconds(5))).isEqualTo("2d5s");
    }
}
