package dev.cxkit.cli;

import dev.cxkit.cli.print.Json;
import dev.cxkit.cli.Converters.OutputFormat;
import dev.cxkit.cli.print.ScoreText;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.stats.SampleSize;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code cx sample-size}: how many responses a survey needs for a wanted interval half-width, or
 * (NPS) per group to detect a wanted difference with a wanted power. Reads no input; the numbers
 * come from {@link SampleSize}.
 */
@Command(name = "sample-size",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Plan a survey: how many responses give an interval of at most +/-H (--half-width), or, "
            + "for nps, how many per group detect a difference of D points between two groups (--difference).",
            "The answer rests on an assumption about the responses: --promoters and --detractors for nps, "
                + "--top-box for csat, --sd for ces. The nps and csat defaults are the most conservative: whatever "
                + "the real shares, the interval is at most as wide as planned. Normal approximation: treat a small "
                + "answer as a lower bound."},
        footer = {"", "Exit codes: 0 success, 2 usage error.",
            "", "Example:", "  cx sample-size --metric nps --half-width 5 --promoters 0.4 --detractors 0.2"})
final class SampleSizeCommand implements Callable<Integer> {

    /** Default power of the test for {@code --difference}. */
    static final double DEFAULT_POWER = 0.8;
    /** The most conservative planning share of promoters, detractors or top-box answers. */
    static final double CONSERVATIVE_SHARE = 0.5;
    /** Below this many responses the normal approximation is rough (as {@code --min-n} of score). */
    private static final long FEW = 30;

    @Spec
    private CommandSpec spec;

    @Option(names = "--metric", required = true, paramLabel = "nps|csat|ces",
            converter = Converters.MetricConverter.class, description = "The metric to plan for (required).")
    private Metric metric;

    @Option(names = "--half-width", paramLabel = "H",
            description = "Responses needed so that the interval is at most +/-H: NPS points (0 < H <= 200), "
                    + "csat percentage points (0 < H <= 100) or ces scale points (0 < H <= 6). Default: none (give this "
                    + "or --difference).")
    private Double halfWidth;

    @Option(names = "--difference", paramLabel = "D",
            description = "nps only: responses needed per group to detect a difference of D NPS points "
                    + "(0 < D <= 200) between two independent groups of equal size (two-sided test). Default: none (give this or "
                    + "--half-width).")
    private Double difference;

    @Option(names = "--confidence", paramLabel = "LEVEL", defaultValue = "0.95",
            description = "Confidence level of the interval, or of the test for --difference, between 0 and 1. "
                    + "Default: ${DEFAULT-VALUE}.")
    private double confidence;

    @Option(names = "--power", paramLabel = "P",
            description = "With --difference: the probability of detecting the difference if it is real, "
                    + "between 0 and 1. Default: 0.8.")
    private Double power;

    @Option(names = "--promoters", paramLabel = "SHARE",
            description = "nps: expected share of promoters, 0 to 1; give it with --detractors. Default: 0.5 with "
                    + "--detractors 0.5, the most conservative (the largest variance p + d - (p - d)^2 = 1).")
    private Double promoters;

    @Option(names = "--detractors", paramLabel = "SHARE",
            description = "nps: expected share of detractors, 0 to 1, with promoters + detractors <= 1. "
                    + "Default: 0.5 (see --promoters).")
    private Double detractors;

    @Option(names = "--top-box", paramLabel = "SHARE",
            description = "csat: expected share of ratings 4-5, 0 to 1. Default: 0.5, the most conservative.")
    private Double topBox;

    @Option(names = "--sd", paramLabel = "SD",
            description = "ces: expected standard deviation of the ratings, more than 0 and at most 3 "
                    + "(required for ces). For a 1-7 scale around 1.5 is typical; better, use the sd of a "
                    + "previous survey. Default: none.")
    private Double sd;

    @Option(names = "--design-effect", paramLabel = "DEFF", defaultValue = "1",
            description = "The design effect: how much less efficient the survey is than simple random sampling, "
                    + "at least 1 (for weights, Kish's n Σw² / (Σw)²; for customers who answer several times, 1 + (m - "
                    + "1)ρ). The answer is multiplied by it. Default: ${DEFAULT-VALUE}.")
    private double designEffect;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            converter = Converters.OutputFormatConverter.class, description = "Output format. Default: ${DEFAULT-VALUE}.")
    private OutputFormat format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Plan plan = plan();
        if (format == OutputFormat.JSON) {
            printJson(out, plan);
        } else {
            printTable(out, plan);
        }
        out.flush();
        return 0;
    }

    /** What was asked, what was assumed, and the answer. */
    private static final class Plan {
        final boolean forDifference;
        final double target;
        final double power;
        final double share1;
        final double share2;
        final long responses;

        Plan(boolean forDifference, double target, double power, double share1, double share2, long responses) {
            this.forDifference = forDifference;
            this.target = target;
            this.power = power;
            this.share1 = share1;
            this.share2 = share2;
            this.responses = responses;
        }
    }

    /** Validates the options and computes the sample size. */
    private Plan plan() {
        if (format == OutputFormat.CSV) {
            throw new UsageException("--format csv is not available for sample-size (use table or json)");
        }
        if (halfWidth != null && difference != null) {
            throw new UsageException("give either --half-width or --difference, not both");
        }
        if (halfWidth == null && difference == null) {
            throw new UsageException("give --half-width H (responses for an interval of at most +/-H) or, for nps, "
                    + "--difference D (responses per group to detect a difference of D points)");
        }
        boolean forDifference = difference != null;
        if (forDifference && metric.kind() != Metric.Kind.NPS) {
            throw new UsageException("--difference is available for nps only (for " + metric.id()
                    + " use --half-width)");
        }
        if (!forDifference && power != null) {
            throw new UsageException("--power applies to --difference only");
        }
        checkAssumptionOptions();
        if (!(confidence > 0 && confidence < 1)) {
            throw new UsageException("--confidence must be between 0 and 1 (exclusive), got " + confidence);
        }
        double testPower = power == null ? DEFAULT_POWER : power;
        if (!(testPower > 0 && testPower < 1)) {
            throw new UsageException("--power must be between 0 and 1 (exclusive), got " + testPower);
        }
        if (!(designEffect >= 1) || !Double.isFinite(designEffect)) {
            throw new UsageException("--design-effect must be 1 or more, got " + designEffect);
        }
        double target = forDifference ? difference : halfWidth;
        checkTarget(forDifference ? "--difference" : "--half-width", target);
        try {
            switch (metric.kind()) {
                case NPS: {
                    double p = share("--promoters", promoters, CONSERVATIVE_SHARE);
                    double d = share("--detractors", detractors, CONSERVATIVE_SHARE);
                    if (p + d > 1) {
                        throw new UsageException("--promoters + --detractors must be at most 1, got " + p + " + " + d);
                    }
                    long n = forDifference
                            ? SampleSize.npsPerGroupForDifference(target, p, d, confidence, testPower)
                            : SampleSize.npsForHalfWidth(target, p, d, confidence);
                    return new Plan(forDifference, target, testPower, p, d, SampleSize.withDesignEffect(n, designEffect));
                }
                case CSAT: {
                    double p = share("--top-box", topBox, CONSERVATIVE_SHARE);
                    return new Plan(false, target, testPower, p, Double.NaN,
                            SampleSize.withDesignEffect(SampleSize.proportionForHalfWidth(target / 100, p, confidence),
                                    designEffect));
                }
                default: {
                    if (sd == null) {
                        throw new UsageException("--sd is required for ces: the expected standard deviation of the "
                                + "ratings (for a 1-7 scale, a standard deviation around 1.5 is typical; use the sd "
                                + "of a previous survey)");
                    }
                    double maxSd = (metric.max() - metric.min()) / 2.0;
                    if (!(sd > 0 && sd <= maxSd)) {
                        throw new UsageException("--sd must be more than 0 and at most " + format(maxSd)
                                + " (ratings on a " + metric.min() + "-" + metric.max()
                                + " scale cannot spread more), got " + sd);
                    }
                    return new Plan(false, target, testPower, sd, Double.NaN,
                            SampleSize.withDesignEffect(SampleSize.meanForHalfWidth(target, sd, confidence),
                                    designEffect));
                }
            }
        } catch (IllegalArgumentException e) {
            // What the options cannot rule out alone: a power too low for the confidence, or an
            // answer beyond any count.
            throw new UsageException(e.getMessage());
        }
    }

    /** Rejects assumption options that belong to another metric, instead of ignoring them. */
    private void checkAssumptionOptions() {
        boolean nps = metric.kind() == Metric.Kind.NPS;
        if (!nps && (promoters != null || detractors != null)) {
            throw new UsageException("--promoters and --detractors apply to nps only (" + metric.id() + " uses "
                    + assumptionOption() + ")");
        }
        if (nps && (promoters == null) != (detractors == null)) {
            throw new UsageException("give --promoters and --detractors together, or neither for the most "
                    + "conservative 0.5 and 0.5");
        }
        if (metric.kind() != Metric.Kind.CSAT && topBox != null) {
            throw new UsageException("--top-box applies to csat only (" + metric.id() + " uses " + assumptionOption()
                    + ")");
        }
        if (metric.kind() != Metric.Kind.CES && sd != null) {
            throw new UsageException("--sd applies to ces only (" + metric.id() + " uses " + assumptionOption() + ")");
        }
    }

    private String assumptionOption() {
        switch (metric.kind()) {
            case NPS:
                return "--promoters and --detractors";
            case CSAT:
                return "--top-box";
            default:
                return "--sd";
        }
    }

    private void checkTarget(String option, double value) {
        double max;
        String unit;
        switch (metric.kind()) {
            case NPS:
                max = 200;
                unit = "NPS points";
                break;
            case CSAT:
                max = 100;
                unit = "percentage points";
                break;
            default:
                max = metric.max() - metric.min();
                unit = "points on the " + metric.min() + "-" + metric.max() + " scale";
                break;
        }
        if (!(value > 0 && value <= max)) {
            throw new UsageException(option + " must be more than 0 and at most " + format(max) + " " + unit
                    + ", got " + value);
        }
    }

    private static double share(String option, Double value, double fallback) {
        if (value == null) {
            return fallback;
        }
        if (!(value >= 0 && value <= 1)) {
            throw new UsageException(option + " must be a share between 0 and 1, got " + value
                    + (value > 1 && value <= 100 ? " (write 40% as 0.4)" : ""));
        }
        return value;
    }

    private void printJson(PrintWriter out, Plan plan) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("metric", metric.id());
        root.put("goal", plan.forDifference ? "difference" : "half-width");
        root.put(plan.forDifference ? "difference" : "halfWidth", plan.target);
        root.put("confidence", confidence);
        if (plan.forDifference) {
            root.put("power", plan.power);
        }
        ObjectNode assumptions = root.putObject("assumptions");
        switch (metric.kind()) {
            case NPS:
                assumptions.put("promoterShare", plan.share1);
                assumptions.put("detractorShare", plan.share2);
                assumptions.put("mostConservative", isConservative(plan));
                break;
            case CSAT:
                assumptions.put("topBoxShare", plan.share1);
                assumptions.put("mostConservative", isConservative(plan));
                break;
            default:
                assumptions.put("standardDeviation", plan.share1);
                break;
        }
        root.put("designEffect", designEffect);
        root.put("responses", plan.responses);
        root.put("perGroup", plan.forDifference);
        out.println(Json.MAPPER.writeValueAsString(root));
    }

    private void printTable(PrintWriter out, Plan plan) {
        String level = percent(confidence);
        if (plan.forDifference) {
            out.printf(Locale.ROOT, "%s: %d responses per group (%s in all) detect a difference of %s points between "
                    + "two groups with %s power at %s confidence (two-sided; assuming %s in both groups).%n",
                    metric.id(), plan.responses, total(plan.responses), format(plan.target), percent(plan.power),
                    level, assumption(plan));
        } else {
            out.printf(Locale.ROOT, "%s: %d responses give a %s interval of at most \u00b1%s %s (assuming %s).%n",
                    metric.id(), plan.responses, level, format(plan.target), unit(), assumption(plan));
        }
        if (designEffect > 1) {
            out.printf(Locale.ROOT, "With a design effect of %s: the simple-random-sample answer times %s.%n",
                    format(designEffect), format(designEffect));
        }
        if (plan.responses < FEW) {
            out.println("Below " + FEW + " responses the normal approximation is rough: treat this as a lower bound.");
        }
    }

    private static String total(long perGroup) {
        return perGroup > Long.MAX_VALUE / 2 ? "more than " + Long.MAX_VALUE : Long.toString(2 * perGroup);
    }

    private String unit() {
        switch (metric.kind()) {
            case NPS:
                return "points";
            case CSAT:
                return "percentage points";
            default:
                return "scale points";
        }
    }

    private boolean isConservative(Plan plan) {
        return plan.share1 == CONSERVATIVE_SHARE
                && (metric.kind() != Metric.Kind.NPS || plan.share2 == CONSERVATIVE_SHARE);
    }

    private String assumption(Plan plan) {
        String conservative = isConservative(plan) ? ", the most conservative case" : "";
        switch (metric.kind()) {
            case NPS:
                return percent(plan.share1) + " promoters and " + percent(plan.share2) + " detractors" + conservative;
            case CSAT:
                return percent(plan.share1) + " of ratings " + metric.positiveFrom() + "-" + metric.max()
                        + conservative;
            default:
                return "a standard deviation of " + format(plan.share1);
        }
    }

    /** A number as given, with at least one decimal ({@code 10.0}, {@code 0.125}). */
    private static String format(double value) {
        String plain = BigDecimal.valueOf(ScoreText.clean(value)).stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    /** A share or level as a percentage without floating-point noise ({@code 95%}, {@code 33.3%}). */
    private static String percent(double share) {
        return BigDecimal.valueOf(ScoreText.clean(100 * share)).stripTrailingZeros().toPlainString() + "%";
    }
}
