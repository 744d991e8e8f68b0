package dev.cxkit.spark;

import dev.cxkit.report.ReportBuilder;
import java.io.Serializable;

/**
 * How to make the report builder of {@link CxSpark#report}: called once on each executor task and
 * once on the driver, so each must give a builder of the same settings (as of the same time, the
 * same definitions, period, zone, units, staff and open window). A lambda capturing serializable
 * values, for example {@code () -> ReportBuilder.asOf(asOf).definitions(definitions)}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ReportSpec extends Serializable {

    /**
     * Makes a new builder with the report's settings.
     *
     * @return the builder, nothing recorded yet
     */
    ReportBuilder builder();
}
