// Over 500 lines on purpose: the report's four SVG chart kinds share their scales, axes and ticks.
package dev.cxkit.report.format;

import static dev.cxkit.report.format.Markup.coordinate;
import static dev.cxkit.report.format.Markup.escape;

import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.Score;
import dev.cxkit.core.stats.Comparison;
import dev.cxkit.core.stats.Interval;
import dev.cxkit.report.internal.Figures;
import dev.cxkit.report.internal.Verdicts;
import dev.cxkit.report.section.FailureImpactRanking.ImpactRow;
import dev.cxkit.report.section.FailureImpactRanking;
import dev.cxkit.report.section.Journeys.FunnelStep;
import dev.cxkit.report.section.Journeys;
import dev.cxkit.report.section.Scores.NamedScore;
import dev.cxkit.report.section.Scores.PeriodScore;
import dev.cxkit.report.section.Scores.Trend;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's charts as inline SVG, drawn here so the page needs no chart library and no
 * network: the score trend with its interval band, scores as horizontal bars with interval
 * whiskers, the journey funnel, and the failure-impact ranking.
 *
 * <p>Each chart has a {@code <title>} and a {@code <desc>} that {@code aria-labelledby} names, a
 * {@code viewBox} so it scales, and CSS classes (styled by the page) rather than colours, so print
 * and screen styles can differ. Every mark with data has its own {@code <title>} (a tooltip that
 * states the numbers). Values outside a chart's axis are clipped to the axis end. Output depends
 * on the arguments only. Stateless.
 */
final class Charts {

    /** The width of every chart in SVG units; the page scales it. */
    static final int WIDTH = 480;
    private static final int LABEL_WIDTH = 132;
    private static final int VALUE_WIDTH = 96;
    private static final int ROW_HEIGHT = 26;
    private static final int BAR_HEIGHT = 14;
    private static final int AXIS_HEIGHT = 26;
    /** About as many characters of 13-unit text as fit in {@link #LABEL_WIDTH}. */
    private static final int LABEL_CHARS = 17;

    private Charts() {
    }

    /**
     * A linear map from a domain onto a range of SVG coordinates; values outside the domain map to
     * its ends, so a mark never leaves its axis.
     *
     * @param domainLo the value at {@code rangeLo}
     * @param domainHi the value at {@code rangeHi}, greater than {@code domainLo}
     * @param rangeLo the coordinate of {@code domainLo}
     * @param rangeHi the coordinate of {@code domainHi} (smaller than rangeLo for a y axis)
     */
    record Scale(double domainLo, double domainHi, double rangeLo, double rangeHi) {

        Scale {
            if (!(domainHi > domainLo) || !Double.isFinite(domainLo) || !Double.isFinite(domainHi)) {
                throw new IllegalArgumentException("empty domain [" + domainLo + ", " + domainHi + "]");
            }
        }

        /** Returns the coordinate of {@code value}, clipped to the domain. */
        double at(double value) {
            double clipped = Math.max(domainLo, Math.min(domainHi, value));
            return rangeLo + (clipped - domainLo) / (domainHi - domainLo) * (rangeHi - rangeLo);
        }
    }

    // ---- (a) trend ----------------------------------------------------------------------------------

    /** The trend of one metric: a line through the period scores over a band of their intervals. */
    static String trend(String id, Trend trend) {
        Metric metric = trend.metric();
        List<PeriodScore> points = trend.points();
        int height = 250;
        double left = 44;
        double right = WIDTH - 12;
        double top = 14;
        double bottom = height - 30;
        String name = Verdicts.name(metric);
        Svg svg = new Svg(id, height, name + " per period, with its confidence interval as a band",
                trendDescription(trend));
        double[] domain = niceDomain(metric, points.stream().map(PeriodScore::score).toList());
        Scale y = new Scale(domain[0], domain[1], bottom, top);
        double step = (right - left) / Math.max(points.size(), 1);
        double[] x = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = left + (i + 0.5) * step;
        }
        for (BigDecimal tick : ticks(domain[0], domain[1], domain[2])) {
            double ty = y.at(tick.doubleValue());
            svg.line("grid", left, ty, right, ty);
            svg.text("tick", left - 6, ty + 4, "end", tick.toPlainString());
        }
        svg.line("axis", left, bottom, right, bottom);
        int every = labelEvery(points.stream().map(PeriodScore::period).toList(), step);
        for (int i = 0; i < x.length; i++) {
            if (i % every == 0) {
                svg.text("tick", x[i], bottom + 18, "middle", Markup.shorten(points.get(i).period(), 12));
            }
        }
        band(svg, points, x, y);
        StringBuilder line = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < x.length; i++) {
            Score s = points.get(i).score();
            if (s.value().isEmpty()) {
                pen = false;
                continue;
            }
            line.append(pen ? " L" : (line.length() == 0 ? "M" : " M")).append(coordinate(x[i])).append(' ')
                    .append(coordinate(y.at(s.value().getAsDouble())));
            pen = true;
        }
        if (line.length() > 0) {
            svg.path("line", line.toString());
        }
        for (int i = 0; i < x.length; i++) {
            Score s = points.get(i).score();
            if (s.value().isPresent()) {
                svg.open(points.get(i).period() + ": " + scoreWords(s))
                        .circle(s.lowSample() ? "point point-low" : "point", x[i], y.at(s.value().getAsDouble()), 4.5)
                        .close();
            }
        }
        return svg.end();
    }

    /** The interval band: one closed path per run of consecutive periods that have an interval. */
    private static void band(Svg svg, List<PeriodScore> points, double[] x, Scale y) {
        int i = 0;
        while (i < points.size()) {
            if (points.get(i).score().interval().isEmpty()) {
                i++;
                continue;
            }
            int end = i;
            while (end + 1 < points.size() && points.get(end + 1).score().interval().isPresent()) {
                end++;
            }
            // a lone period gets a narrow box, so its interval still shows
            double pad = end == i ? 5 : 0;
            StringBuilder d = new StringBuilder("M");
            for (int k = i; k <= end; k++) {
                Interval iv = points.get(k).score().interval().get();
                d.append(k == i ? "" : " L").append(coordinate(x[k] - (k == i ? pad : 0))).append(' ')
                        .append(coordinate(y.at(iv.upper())));
                if (pad > 0) {
                    d.append(" L").append(coordinate(x[k] + pad)).append(' ').append(coordinate(y.at(iv.upper())));
                }
            }
            for (int k = end; k >= i; k--) {
                Interval iv = points.get(k).score().interval().get();
                d.append(" L").append(coordinate(x[k] + (k == i ? pad : 0))).append(' ')
                        .append(coordinate(y.at(iv.lower())));
                if (pad > 0) {
                    d.append(" L").append(coordinate(x[k] - pad)).append(' ').append(coordinate(y.at(iv.lower())));
                }
            }
            svg.path("band", d.append(" Z").toString());
            i = end + 1;
        }
    }

    private static String trendDescription(Trend trend) {
        List<PeriodScore> withValue = trend.points().stream().filter(p -> p.score().value().isPresent()).toList();
        if (withValue.isEmpty()) {
            return "No period has responses.";
        }
        PeriodScore first = withValue.get(0);
        PeriodScore last = withValue.get(withValue.size() - 1);
        return Verdicts.name(trend.metric()) + " over " + trend.points().size() + " periods, from "
                + Figures.score(trend.metric(), first.score().value().getAsDouble()).text() + " in " + first.period()
                + " to " + Figures.score(trend.metric(), last.score().value().getAsDouble()).text() + " in "
                + last.period() + ". Hollow points have a low sample.";
    }

    // ---- (b) bars --------------------------------------------------------------------------------------

    /**
     * Scores as horizontal bars from the axis origin (0, or the bottom of a CES scale) on the
     * metric's whole range, with interval whiskers; low-sample bars are hatched and say
     * {@code low n}.
     */
    static String bars(String id, String title, Metric metric, List<NamedScore> rows) {
        int height = AXIS_HEIGHT + rows.size() * ROW_HEIGHT + 8;
        double left = LABEL_WIDTH;
        double right = WIDTH - VALUE_WIDTH;
        Svg svg = new Svg(id, height, title, barsDescription(metric, rows));
        svg.hatch();
        Scale x = new Scale(metric.lowestValue(), metric.highestValue(), left, right);
        double origin = x.at(metric.kind() == Metric.Kind.CES ? metric.lowestValue() : 0);
        double bottom = height - 8;
        for (BigDecimal tick : ticks(metric.lowestValue(), metric.highestValue(), metricStep(metric))) {
            double tx = x.at(tick.doubleValue());
            svg.line("grid", tx, AXIS_HEIGHT - 6, tx, bottom);
            svg.text("tick", tx, AXIS_HEIGHT - 10, "middle", tick.toPlainString());
        }
        for (int i = 0; i < rows.size(); i++) {
            NamedScore row = rows.get(i);
            Score s = row.score();
            double mid = AXIS_HEIGHT + i * ROW_HEIGHT + ROW_HEIGHT / 2.0;
            svg.open(row.name() + ": " + scoreWords(s));
            svg.text("label", left - 8, mid + 4, "end", Markup.shorten(row.name(), LABEL_CHARS));
            if (s.value().isEmpty()) {
                svg.text("value", right + 8, mid + 4, "start", "no responses").close();
                continue;
            }
            double vx = x.at(s.value().getAsDouble());
            svg.bar(s.lowSample(), Math.min(origin, vx), mid - BAR_HEIGHT / 2.0, Math.abs(vx - origin), BAR_HEIGHT);
            s.interval().ifPresent(iv -> svg.whisker(x.at(iv.lower()), x.at(iv.upper()), mid));
            svg.text("value", right + 8, mid + 4, "start", Figures.score(metric, s.value().getAsDouble()).text()
                    + (s.lowSample() ? " low n" : ""));
            svg.close();
        }
        svg.line("axis", origin, AXIS_HEIGHT - 6, origin, bottom);
        return svg.end();
    }

    private static String barsDescription(Metric metric, List<NamedScore> rows) {
        List<NamedScore> withValue = rows.stream().filter(r -> r.score().value().isPresent()).toList();
        long low = rows.stream().filter(r -> r.score().lowSample()).count();
        String lowText = low == 0 ? "" : " " + low + " of " + rows.size() + " have a low sample and are hatched.";
        if (withValue.isEmpty()) {
            return "No responses." + lowText;
        }
        NamedScore worst = withValue.get(0);
        NamedScore best = withValue.get(withValue.size() - 1);
        return rows.size() + " bars, worst first: lowest " + worst.name() + " at "
                + Figures.score(metric, worst.score().value().getAsDouble()).text() + ", highest " + best.name()
                + " at " + Figures.score(metric, best.score().value().getAsDouble()).text() + "." + lowText;
    }

    // ---- (c) funnel ------------------------------------------------------------------------------------

    /** The funnel: per stage, a pale bar of the journeys that reached it and a dark one of those that entered in order. */
    static String funnel(String id, Journeys journeys) {
        List<FunnelStep> steps = journeys.funnel();
        int height = AXIS_HEIGHT + steps.size() * ROW_HEIGHT + 8;
        double left = LABEL_WIDTH;
        double right = WIDTH - 176;
        long max = Math.max(1, journeys.journeys());
        Svg svg = new Svg(id, height, "Journey funnel of " + journeys.definition() + ": journeys per stage",
                funnelDescription(journeys));
        Scale x = new Scale(0, max, left, right);
        svg.text("tick", left, AXIS_HEIGHT - 10, "start", "0");
        svg.text("tick", right, AXIS_HEIGHT - 10, "end", Figures.count(max) + " journeys");
        for (int i = 0; i < steps.size(); i++) {
            FunnelStep step = steps.get(i);
            double mid = AXIS_HEIGHT + i * ROW_HEIGHT + ROW_HEIGHT / 2.0;
            String fallout = Figures.percent(step.falloutRate()).map(f -> " (" + f.text() + ")").orElse("");
            svg.open(step.stage() + ": entered " + step.entered() + ", reached " + step.reached() + ", completed "
                    + step.completed() + ", fallout " + step.fallout() + fallout);
            svg.text("label", left - 8, mid + 4, "end", Markup.shorten(step.stage(), LABEL_CHARS));
            svg.rect("bar-reached", left, mid - BAR_HEIGHT / 2.0, x.at(step.reached()) - left, BAR_HEIGHT);
            svg.rect("bar", left, mid - BAR_HEIGHT / 2.0, x.at(step.entered()) - left, BAR_HEIGHT);
            svg.line("completed", x.at(step.completed()), mid - BAR_HEIGHT / 2.0 - 3, x.at(step.completed()),
                    mid + BAR_HEIGHT / 2.0 + 3);
            svg.text("value", right + 8, mid + 4, "start", Figures.count(step.entered()) + " in, "
                    + Figures.count(step.fallout()) + " lost" + fallout);
            svg.close();
        }
        svg.line("axis", left, AXIS_HEIGHT - 6, left, height - 8);
        return svg.end();
    }

    private static String funnelDescription(Journeys journeys) {
        StringBuilder sb = new StringBuilder(Figures.count(journeys.journeys()) + " journeys. Entered in order: ");
        for (int i = 0; i < journeys.funnel().size(); i++) {
            FunnelStep step = journeys.funnel().get(i);
            sb.append(i == 0 ? "" : ", ").append(step.stage()).append(' ').append(step.entered());
        }
        return sb.append(". The dark bar counts journeys that entered a stage in order, the pale bar those that"
                + " reached it at all, the tick those that completed it.").toString();
    }

    // ---- (d) failure impact ----------------------------------------------------------------------------

    /**
     * The failure-impact ranking: per failure, a bar from zero to its difference in score with the
     * other failures held equal (the ranking's key), with its interval; differences significant
     * after the family's adjustment are solid.
     */
    static String impact(String id, FailureImpactRanking impact) {
        Metric metric = impact.metric();
        List<ImpactRow> rows = impact.ranking();
        int height = AXIS_HEIGHT + rows.size() * ROW_HEIGHT + 8;
        double left = LABEL_WIDTH + 24;
        double right = WIDTH - 56;
        double lo = 0;
        double hi = 0;
        for (ImpactRow row : rows) {
            if (row.heldEqual().isPresent()) {
                Comparison c = row.heldEqual().get();
                lo = Math.min(lo, Math.min(c.difference(), c.interval().lower()));
                hi = Math.max(hi, Math.max(c.difference(), c.interval().upper()));
            }
        }
        // from the most negative to the most positive end, zero always inside, on round numbers
        double span = metric.highestValue() - metric.lowestValue();
        double step = niceStep(Math.max(hi - lo, metric.kind() == Metric.Kind.CES ? 0.5 : 10) / 4);
        double from = Math.max(-span, Math.floor(lo / step) * step);
        double to = Math.min(span, Math.ceil(hi / step) * step);
        if (from == 0 && to == 0) {
            from = -step;
            to = step;
        }
        Svg svg = new Svg(id, height, "Failures and scores: " + Verdicts.name(metric)
                + " of journeys with each failure minus journeys without it, the other failures held equal",
                impactDescription(impact));
        Scale x = new Scale(from, to, left, right);
        double bottom = height - 8;
        for (BigDecimal tick : ticks(from, to, step)) {
            double tx = x.at(tick.doubleValue());
            svg.line("grid", tx, AXIS_HEIGHT - 6, tx, bottom);
            svg.text("tick", tx, AXIS_HEIGHT - 10, "middle", (tick.signum() > 0 ? "+" : "") + tick.toPlainString());
        }
        for (int i = 0; i < rows.size(); i++) {
            ImpactRow row = rows.get(i);
            double mid = AXIS_HEIGHT + i * ROW_HEIGHT + ROW_HEIGHT / 2.0;
            svg.open(row.label() + " (" + row.factor() + "): " + impactWords(impact, row));
            svg.text("label", left - 8, mid + 4, "end", Markup.shorten(row.label(), LABEL_CHARS + 3));
            if (row.heldEqual().isEmpty()) {
                svg.text("value", right + 8, mid + 4, "start", "not estimated").close();
                continue;
            }
            Comparison c = row.heldEqual().get();
            double zero = x.at(0);
            double vx = x.at(c.difference());
            String cls = !row.heldEqualSignificant(impact.alpha()) ? "bar-ns" : c.difference() < 0 ? "bar-bad" : "bar";
            svg.rect(cls, Math.min(zero, vx), mid - BAR_HEIGHT / 2.0, Math.abs(vx - zero), BAR_HEIGHT);
            svg.whisker(x.at(c.interval().lower()), x.at(c.interval().upper()), mid);
            svg.text("value", right + 8, mid + 4, "start", Figures.difference(metric, c.difference()).text());
            svg.close();
        }
        svg.line("axis", x.at(0), AXIS_HEIGHT - 6, x.at(0), bottom);
        return svg.end();
    }

    private static String impactDescription(FailureImpactRanking impact) {
        if (impact.ranking().isEmpty()) {
            return "No failures.";
        }
        ImpactRow first = impact.ranking().get(0);
        return impact.ranking().size() + " failures, the most harmful with the other failures held equal first: "
                + first.label() + ", " + impactWords(impact, first) + ". Solid bars are significant after the family's "
                + "adjustment; pale bars are not.";
    }

    private static String impactWords(FailureImpactRanking impact, ImpactRow row) {
        Metric metric = impact.metric();
        if (row.heldEqual().isEmpty()) {
            return "too few responses to estimate its difference with the other failures held equal";
        }
        Comparison c = row.heldEqual().get();
        return "difference with the other failures held equal " + Figures.difference(metric, c.difference()).text()
                + " " + Figures.range(metric, c.interval()) + ", p " + Verdicts.pEquals(c.pValue()) + ", adjusted p "
                + Verdicts.pEquals(row.heldEqualAdjustedP().orElseThrow())
                + (row.heldEqualSignificant(impact.alpha()) ? ", significant" : ", not significant") + ", "
                + row.journeys() + " journeys";
    }

    // ---- shared ----------------------------------------------------------------------------------------

    /** {@code NPS 31.2, 95% interval [24.1, 38.0], n = 412, low sample}. */
    private static String scoreWords(Score s) {
        Metric metric = s.metric();
        if (s.value().isEmpty()) {
            return "no responses";
        }
        return Verdicts.name(metric) + " " + Figures.score(metric, s.value().getAsDouble()).text()
                + s.interval().map(iv -> ", " + Figures.confidence(iv.confidence()) + " interval "
                        + Figures.range(metric, iv)).orElse("")
                + ", n = " + s.n() + (s.lowSample() ? ", low sample" : "");
    }

    /**
     * A y range around the scores and their intervals, on round numbers, inside the metric's range:
     * {@code {from, to, step}}, where the ticks go every {@code step}.
     */
    static double[] niceDomain(Metric metric, List<Score> scores) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Score s : scores) {
            if (s.value().isPresent()) {
                lo = Math.min(lo, s.value().getAsDouble());
                hi = Math.max(hi, s.value().getAsDouble());
            }
            if (s.interval().isPresent()) {
                lo = Math.min(lo, s.interval().get().lower());
                hi = Math.max(hi, s.interval().get().upper());
            }
        }
        double min = metric.lowestValue();
        double max = metric.highestValue();
        if (lo > hi) {
            return new double[] {min, max, niceStep((max - min) / 4)};
        }
        double step = niceStep(Math.max(hi - lo, metric.kind() == Metric.Kind.CES ? 0.5 : 5) / 4);
        double from = Math.max(min, Math.floor(lo / step) * step);
        double to = Math.min(max, Math.ceil(hi / step) * step);
        if (to - from < step) {
            // every value on one round number: show a step around it
            from = Math.max(min, from - step);
            to = Math.min(max, to + step);
        }
        return new double[] {from, to, step};
    }

    /** The smallest of 1, 2, 2.5, 5 times a power of ten that is at least {@code raw}. */
    static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= raw * (1 - 1e-9)) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** Round ticks from {@code from} to {@code to}, both included when they fall on a step. */
    static List<BigDecimal> ticks(double from, double to, double step) {
        List<BigDecimal> out = new ArrayList<>();
        BigDecimal s = BigDecimal.valueOf(step);
        BigDecimal first = BigDecimal.valueOf(Math.ceil(from / step - 1e-9)).multiply(s);
        for (BigDecimal t = first; t.doubleValue() <= to + step * 1e-9; t = t.add(s)) {
            BigDecimal clean = t.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
            out.add(clean.signum() == 0 ? BigDecimal.ZERO : clean);
        }
        return out;
    }

    private static double metricStep(Metric metric) {
        switch (metric.kind()) {
            case NPS:
                return 50;
            case CSAT:
                return 25;
            default:
                return metric.points() > 12 ? niceStep((metric.max() - metric.min()) / 6.0) : 1;
        }
    }

    /** Shows every n-th period label, so that labels of about 7 units a character do not overlap. */
    private static int labelEvery(List<String> labels, double step) {
        int longest = 1;
        for (String label : labels) {
            longest = Math.max(longest, Math.min(label.length(), 12));
        }
        return Math.max(1, (int) Math.ceil((longest * 7 + 8) / step));
    }

    /** Builds one {@code <svg>} element. Not thread-safe. */
    private static final class Svg {

        private final StringBuilder sb = new StringBuilder(4096);
        private final String id;

        Svg(String id, int height, String title, String description) {
            this.id = id;
            sb.append("<svg id=\"").append(id).append("\" class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                    .append(height).append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                    .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id)
                    .append("-desc\">\n<title id=\"").append(id).append("-title\">").append(escape(title))
                    .append("</title>\n<desc id=\"").append(id).append("-desc\">").append(escape(description))
                    .append("</desc>\n");
        }

        /** The diagonal hatch of low-sample bars, as {@code url(#ID-hatch)}. */
        void hatch() {
            sb.append("<defs><pattern id=\"").append(id).append("-hatch\" width=\"6\" height=\"6\" ")
                    .append("patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">")
                    .append("<rect class=\"hatch-bg\" width=\"6\" height=\"6\"/>")
                    .append("<line class=\"hatch-line\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\"/></pattern></defs>\n");
        }

        Svg open(String tooltip) {
            sb.append("<g><title>").append(escape(tooltip)).append("</title>");
            return this;
        }

        Svg close() {
            sb.append("</g>\n");
            return this;
        }

        Svg rect(String cls, double x, double y, double width, double height) {
            sb.append("<rect class=\"").append(cls).append("\" x=\"").append(coordinate(x)).append("\" y=\"")
                    .append(coordinate(y)).append("\" width=\"").append(coordinate(Math.max(0, width)))
                    .append("\" height=\"").append(coordinate(height)).append("\"/>");
            return this;
        }

        /** A score bar; a low-sample one is hatched and outlined with dashes. */
        Svg bar(boolean lowSample, double x, double y, double width, double height) {
            if (!lowSample) {
                return rect("bar", x, y, width, height);
            }
            sb.append("<rect class=\"bar-low\" fill=\"url(#").append(id).append("-hatch)\" x=\"").append(coordinate(x))
                    .append("\" y=\"").append(coordinate(y)).append("\" width=\"").append(coordinate(Math.max(0, width)))
                    .append("\" height=\"").append(coordinate(height)).append("\"/>");
            return this;
        }

        /** An interval: a line from {@code x1} to {@code x2} with end caps. */
        Svg whisker(double x1, double x2, double y) {
            line("whisker", x1, y, x2, y);
            line("whisker", x1, y - 5, x1, y + 5);
            return line("whisker", x2, y - 5, x2, y + 5);
        }

        Svg line(String cls, double x1, double y1, double x2, double y2) {
            sb.append("<line class=\"").append(cls).append("\" x1=\"").append(coordinate(x1)).append("\" y1=\"")
                    .append(coordinate(y1)).append("\" x2=\"").append(coordinate(x2)).append("\" y2=\"")
                    .append(coordinate(y2)).append("\"/>");
            return this;
        }

        Svg path(String cls, String d) {
            sb.append("<path class=\"").append(cls).append("\" d=\"").append(d).append("\"/>\n");
            return this;
        }

        Svg circle(String cls, double cx, double cy, double r) {
            sb.append("<circle class=\"").append(cls).append("\" cx=\"").append(coordinate(cx)).append("\" cy=\"")
                    .append(coordinate(cy)).append("\" r=\"").append(coordinate(r)).append("\"/>");
            return this;
        }

        Svg text(String cls, double x, double y, String anchor, String text) {
            sb.append("<text class=\"").append(cls).append("\" x=\"").append(coordinate(x)).append("\" y=\"")
                    .append(coordinate(y)).append('"');
            if (!anchor.equals("start")) {
                sb.append(" text-anchor=\"").append(anchor).append('"');
            }
            sb.append('>').append(escape(text)).append("</text>");
            return this;
        }

        String end() {
            return sb.append("</svg>").toString();
        }
    }
}
