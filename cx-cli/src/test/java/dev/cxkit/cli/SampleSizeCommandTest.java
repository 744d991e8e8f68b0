package dev.cxkit.cli;

import static dev.cxkit.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * The expected sample sizes are computed by hand (checked with Python), never by calling
 * {@code SampleSize}: z(0.975) = 1.959963984540054, z(0.8) = 0.8416212335729143,
 * z(0.995) = 2.5758293035489, z(0.9) = 1.2815515655446008.
 */
class SampleSizeCommandTest {

    private static CliRun ok(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "sample-size";
        System.arraycopy(args, 0, all, 1, args.length);
        CliRun r = run(all);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).isEmpty();
        return r;
    }

    @Test
    void npsHalfWidthWithTheConservativeDefault() {
        // p = d = 0.5: Var = 1; n = ceil(1.959963984540054^2 * 1 / 0.1^2) = ceil(384.146) = 385.
        CliRun table = ok("--metric", "nps", "--half-width", "10");
        assertThat(table.out()).isEqualTo("nps: 385 responses give a 95% interval of at most \u00b110.0 points "
                + "(assuming 50% promoters and 50% detractors, the most conservative case).\n");
        JsonNode json = ok("--metric", "nps", "--half-width", "10", "--format", "json").json();
        assertThat(json.get("metric").asString()).isEqualTo("nps");
        assertThat(json.get("goal").asString()).isEqualTo("half-width");
        assertThat(json.get("halfWidth").asDouble()).isEqualTo(10.0);
        assertThat(json.get("confidence").asDouble()).isEqualTo(0.95);
        assertThat(json.has("power")).isFalse();
        assertThat(json.has("difference")).isFalse();
        JsonNode assumptions = json.get("assumptions");
        assertThat(assumptions.get("promoterShare").asDouble()).isEqualTo(0.5);
        assertThat(assumptions.get("detractorShare").asDouble()).isEqualTo(0.5);
        assertThat(assumptions.get("mostConservative").asBoolean()).isTrue();
        assertThat(json.get("responses").asLong()).isEqualTo(385);
        assertThat(json.get("perGroup").asBoolean()).isFalse();
    }

    @Test
    void aDesignEffectScalesTheAnswer() {
        // 385 under simple random sampling (above) times a design effect of 1.5: ceil(577.5) = 578
        CliRun table = ok("--metric", "nps", "--half-width", "10", "--design-effect", "1.5");
        assertThat(table.out()).startsWith("nps: 578 responses give a 95% interval")
                .contains("With a design effect of 1.5: the simple-random-sample answer times 1.5.");
        JsonNode json = ok("--metric", "nps", "--half-width", "10", "--design-effect", "1.5", "--format", "json")
                .json();
        assertThat(json.get("designEffect").asDouble()).isEqualTo(1.5);
        assertThat(json.get("responses").asLong()).isEqualTo(578);
        CliRun bad = CliRun.run("sample-size", "--metric", "nps", "--half-width", "10", "--design-effect", "0.5");
        assertThat(bad.exit()).isEqualTo(Cx.EXIT_USAGE);
        assertThat(bad.err()).contains("--design-effect must be 1 or more");
    }

    @Test
    void npsHalfWidthWithGivenShares() {
        // p = 0.4, d = 0.2: Var = 0.6 - 0.2^2 = 0.56; n = ceil(1.959963984540054^2 * 0.56 / 0.05^2)
        // = ceil(860.487) = 861.
        CliRun r = ok("--metric", "nps", "--half-width", "5", "--promoters", "0.4", "--detractors", "0.2");
        assertThat(r.out()).isEqualTo("nps: 861 responses give a 95% interval of at most \u00b15.0 points "
                + "(assuming 40% promoters and 20% detractors).\n");
    }

    @Test
    void npsDifferencePerGroup() {
        // Var = 0.56; n = ceil((1.959963984540054 + 0.8416212335729143)^2 * 2 * 0.56 / 0.1^2)
        // = ceil(879.075) = 880 per group.
        JsonNode json = ok("--metric", "nps", "--difference", "10", "--promoters", "0.4", "--detractors", "0.2",
                "--format", "json").json();
        assertThat(json.get("goal").asString()).isEqualTo("difference");
        assertThat(json.get("difference").asDouble()).isEqualTo(10.0);
        assertThat(json.has("halfWidth")).isFalse();
        assertThat(json.get("confidence").asDouble()).isEqualTo(0.95);
        assertThat(json.get("power").asDouble()).isEqualTo(0.8);
        assertThat(json.get("assumptions").get("promoterShare").asDouble()).isEqualTo(0.4);
        assertThat(json.get("assumptions").get("detractorShare").asDouble()).isEqualTo(0.2);
        assertThat(json.get("assumptions").get("mostConservative").asBoolean()).isFalse();
        assertThat(json.get("responses").asLong()).isEqualTo(880);
        assertThat(json.get("perGroup").asBoolean()).isTrue();
        CliRun table = ok("--metric", "nps", "--difference", "10", "--promoters", "0.4", "--detractors", "0.2");
        assertThat(table.out()).isEqualTo("nps: 880 responses per group (1760 in all) detect a difference of 10.0 "
                + "points between two groups with 80% power at 95% confidence (two-sided; assuming 40% promoters "
                + "and 20% detractors in both groups).\n");
    }

    @Test
    void npsDifferenceWithOtherConfidenceAndPower() {
        // n = ceil((2.5758293035489 + 1.2815515655446008)^2 * 2 * 0.56 / 0.05^2) = ceil(6665.965) = 6666.
        JsonNode json = ok("--metric", "nps", "--difference", "5", "--confidence", "0.99", "--power", "0.9",
                "--promoters", "0.4", "--detractors", "0.2", "--format", "json").json();
        assertThat(json.get("responses").asLong()).isEqualTo(6666);
        assertThat(json.get("confidence").asDouble()).isEqualTo(0.99);
        assertThat(json.get("power").asDouble()).isEqualTo(0.9);
        // Conservative default Var = 1: ceil((1.959963984540054 + 0.8416212335729143)^2 * 2 / 0.1^2)
        // = ceil(1569.776) = 1570.
        assertThat(ok("--metric", "nps", "--difference", "10", "--format", "json").json().get("responses").asLong())
                .isEqualTo(1570);
    }

    @Test
    void csatHalfWidthInPercentagePoints() {
        // p = 0.5: n = ceil(1.959963984540054^2 * 0.25 / 0.05^2) = ceil(384.146) = 385.
        CliRun table = ok("--metric", "csat", "--half-width", "5");
        assertThat(table.out()).isEqualTo("csat: 385 responses give a 95% interval of at most \u00b15.0 percentage "
                + "points (assuming 50% of ratings 4-5, the most conservative case).\n");
        // p = 0.75: n = ceil(1.959963984540054^2 * 0.1875 / 0.05^2) = ceil(288.109) = 289.
        JsonNode json = ok("--metric", "csat", "--half-width", "5", "--top-box", "0.75", "--format", "json").json();
        assertThat(json.get("responses").asLong()).isEqualTo(289);
        assertThat(json.get("assumptions").get("topBoxShare").asDouble()).isEqualTo(0.75);
        assertThat(json.get("assumptions").get("mostConservative").asBoolean()).isFalse();
        assertThat(json.get("perGroup").asBoolean()).isFalse();
    }

    @Test
    void cesHalfWidthInScalePoints() {
        // sd = 1.5: n = ceil(1.959963984540054^2 * 2.25 / 0.1^2) = ceil(864.328) = 865.
        CliRun table = ok("--metric", "ces", "--half-width", "0.1", "--sd", "1.5");
        assertThat(table.out()).isEqualTo("ces: 865 responses give a 95% interval of at most \u00b10.1 scale points "
                + "(assuming a standard deviation of 1.5).\n");
        JsonNode json = ok("--metric", "ces", "--half-width", "0.1", "--sd", "1.5", "--format", "json").json();
        assertThat(json.get("responses").asLong()).isEqualTo(865);
        assertThat(json.get("halfWidth").asDouble()).isEqualTo(0.1);
        assertThat(json.get("assumptions").get("standardDeviation").asDouble()).isEqualTo(1.5);
        assertThat(json.get("assumptions").has("mostConservative")).isFalse();
    }

    @Test
    void aSmallAnswerIsFlaggedAsALowerBound() {
        // Var = 1, ±100 points: n = ceil(1.959963984540054^2 * 1 / 1^2) = ceil(3.841) = 4.
        CliRun r = ok("--metric", "nps", "--half-width", "100");
        assertThat(r.out()).startsWith("nps: 4 responses give")
                .endsWith("Below 30 responses the normal approximation is rough: treat this as a lower bound.\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "both goals|--metric nps --half-width 5 --difference 5|cx: give either --half-width or --difference, not both",
        "neither goal|--metric nps|cx: give --half-width H (responses for an interval of at most +/-H) or, for nps, "
            + "--difference D (responses per group to detect a difference of D points)",
        "ces without sd|--metric ces --half-width 0.1|cx: --sd is required for ces: the expected standard deviation "
            + "of the ratings (for a 1-7 scale, a standard deviation around 1.5 is typical; use the sd of a previous "
            + "survey)",
        "difference for csat|--metric csat --difference 5|cx: --difference is available for nps only (for csat use "
            + "--half-width)",
        "difference for ces|--metric ces --difference 0.5 --sd 1.5|cx: --difference is available for nps only (for "
            + "ces use --half-width)",
        "promoters above 1|--metric nps --half-width 5 --promoters 1.5 --detractors 0.2|cx: --promoters must be a "
            + "share between 0 and 1, got 1.5 (write 40% as 0.4)",
        "negative detractors|--metric nps --half-width 5 --promoters 0.5 --detractors -0.1|cx: --detractors must be "
            + "a share between 0 and 1, got -0.1",
        "shares add above 1|--metric nps --half-width 5 --promoters 0.7 --detractors 0.4|cx: --promoters + "
            + "--detractors must be at most 1, got 0.7 + 0.4",
        "promoters alone|--metric nps --half-width 5 --promoters 0.4|cx: give --promoters and --detractors together, "
            + "or neither for the most conservative 0.5 and 0.5",
        "top box above 1|--metric csat --half-width 5 --top-box 75|cx: --top-box must be a share between 0 and 1, "
            + "got 75.0 (write 40% as 0.4)",
        "top box for nps|--metric nps --half-width 5 --top-box 0.7|cx: --top-box applies to csat only (nps uses "
            + "--promoters and --detractors)",
        "promoters for csat|--metric csat --half-width 5 --promoters 0.4 --detractors 0.2|cx: --promoters and "
            + "--detractors apply to nps only (csat uses --top-box)",
        "sd for csat|--metric csat --half-width 5 --sd 1.5|cx: --sd applies to ces only (csat uses --top-box)",
        "sd zero|--metric ces --half-width 0.1 --sd 0|cx: --sd must be more than 0 and at most 3.0 (ratings on a "
            + "1-7 scale cannot spread more), got 0.0",
        "sd too large|--metric ces --half-width 0.1 --sd 4|cx: --sd must be more than 0 and at most 3.0 (ratings on "
            + "a 1-7 scale cannot spread more), got 4.0",
        "half-width zero|--metric nps --half-width 0|cx: --half-width must be more than 0 and at most 200.0 NPS "
            + "points, got 0.0",
        "half-width NaN|--metric csat --half-width NaN|cx: --half-width must be more than 0 and at most 100.0 "
            + "percentage points, got NaN",
        "ces half-width too large|--metric ces --half-width 7 --sd 1.5|cx: --half-width must be more than 0 and at "
            + "most 6.0 points on the 1-7 scale, got 7.0",
        "difference above 200|--metric nps --difference 250|cx: --difference must be more than 0 and at most 200.0 "
            + "NPS points, got 250.0",
        "confidence 1|--metric nps --half-width 5 --confidence 1|cx: --confidence must be between 0 and 1 "
            + "(exclusive), got 1.0",
        "power 0|--metric nps --difference 5 --power 0|cx: --power must be between 0 and 1 (exclusive), got 0.0",
        "power with half-width|--metric nps --half-width 5 --power 0.9|cx: --power applies to --difference only",
        "csv format|--metric nps --half-width 5 --format csv|cx: --format csv is not available for sample-size (use "
            + "table or json)",
        "not a number|--metric nps --half-width ten|cx: Invalid value for option '--half-width': 'ten' is not a "
            + "double",
    })
    void usageErrorsExitWithTwo(String name, String args, String message) {
        CliRun r = run(("sample-size " + args).split(" "));
        assertThat(r.exit()).as(r.toString()).isEqualTo(Cx.EXIT_USAGE);
        assertThat(r.out()).as(r.toString()).isEmpty();
        assertThat(r.err()).as(r.toString()).startsWith(message + "\n").doesNotContain("\tat ")
                .doesNotContain("Exception");
    }

    @Test
    void theMetricIsRequired() {
        CliRun r = run("sample-size", "--half-width", "5");
        assertThat(r.exit()).as(r.toString()).isEqualTo(Cx.EXIT_USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("cx: Missing required option: '--metric=nps|csat|ces'\n"
                + "Try 'cx sample-size --help' for more information.\n");
    }

    @Test
    void aPowerTooLowForTheConfidenceIsAUsageError() {
        // z(0.55) + z(0.3) = 0.126 - 0.524 < 0: no sample size reaches that power.
        CliRun r = run("sample-size", "--metric", "nps", "--difference", "5", "--confidence", "0.1", "--power", "0.3");
        assertThat(r.exit()).as(r.toString()).isEqualTo(Cx.EXIT_USAGE);
        assertThat(r.err()).startsWith("cx: power 0.3 is too low for confidence 0.1").doesNotContain("\tat ");
    }

    @Test
    void helpListsDefaultsAndAnExample() {
        CliRun r = run("sample-size", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--metric=nps|csat|ces", "--half-width=H", "--difference=D", "--confidence=LEVEL",
                "--power=P", "--promoters=SHARE", "--detractors=SHARE", "--top-box=SHARE", "--sd=SD",
                "--format=table|json")
                .contains("Default: 0.95").contains("Default: 0.8").contains("Default: 0.5").contains("Default: table")
                .contains("most conservative").contains("around 1.5 is typical")
                .contains("Example:").contains("cx sample-size --metric nps");
        assertThat(run("--help").out()).contains("sample-size").contains("cx sample-size --metric nps --half-width 5");
    }
}
