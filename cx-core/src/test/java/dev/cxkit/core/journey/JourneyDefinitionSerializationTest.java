package dev.cxkit.core.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.core.journey.analytics.JourneyGrouping;
import dev.cxkit.core.survey.Period;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Definitions and groupings cross to Spark executors by Java serialization; they must come back equal. */
class JourneyDefinitionSerializationTest {

    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void theSampleDefinitionsAndGroupingsComeBackEqual() throws Exception {
        for (String name : new String[] {"dine-in", "delivery"}) {
            JourneyDefinition d = JourneyDefinitions.sample(name);
            JourneyDefinition back = roundTrip(d);
            assertThat(back).isEqualTo(d).isNotSameAs(d);
            assertThat(back.expectedTouchpoints()).isEqualTo(d.expectedTouchpoints());
            assertThat(back.recoveryPromise()).isEqualTo(d.recoveryPromise());
        }
        JourneyGrouping grouping = JourneyGrouping.byPeriod(true, Period.WEEK, ZoneId.of("Europe/Paris"));
        assertThat(roundTrip(grouping)).isEqualTo(grouping);
    }
}
