package dev.cxkit.cli;

import static dev.cxkit.cli.CliRun.run;
import static dev.cxkit.cli.CliRun.withStdin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class CompareCommandTest {

    @TempDir
    Path dir;

    private static final double Z95 = 1.959963984540054;

    private static final double EXACT_P = 0.19162571174955084;

    private Path npsFile(String name, int promoters, int passives, int detractors) throws IOException {
        StringBuilder text = new StringBuilder("metric,score\n");
        for (int i = 0; i < promoters; i++) {
            text.append("nps,").append(9 + i % 2).append('\n');
        }
        for (int i = 0; i < passives; i++) {
            text.append("nps,").append(7 + i % 2).append('\n');
        }
        for (int i = 0; i < detractors; i++) {
            text.append("nps,").append(i % 7).append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void jsonOfAHandComputedNpsDifference() throws IOException {
        Path a = npsFile("a.csv", 5, 3, 2);
        Path b = npsFile("b.csv", 2, 3, 5);
        CliRun r = run("compare", a.toString(), b.toString(), "--metric", "nps", "--format", "json");
        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode root = r.json();
        assertThat(root.get("metric").asString()).isEqualTo("nps");
        assertThat(root.get("a").get("value").asDouble()).isCloseTo(30, within(1e-9));
        assertThat(root.get("b").get("value").asDouble()).isCloseTo(-30, within(1e-9));
        assertThat(root.get("a").get("n").asLong()).isEqualTo(10);
        assertThat(root.get("a").get("counts").get("9").asLong()).isEqualTo(3);
        assertThat(root.get("a").get("interval").get("method").asString()).isEqualTo("adjusted-wald");
        JsonNode d = root.get("difference");
        assertThat(d.get("value").asDouble()).as("plain difference a - b").isCloseTo(60, within(1e-9));
        // Adjusted Wald per sample (0.75/1.5/0.75 added to each), by hand.
        double pa = 5.75 / 13;
        double da = 2.75 / 13;
        double pb = 2.75 / 13;
        double db = 5.75 / 13;
        double varA = pa + da - (pa - da) * (pa - da);
        double varB = pb + db - (pb - db) * (pb - db);
        double se = 100 * Math.sqrt(varA / 13 + varB / 13);
        double centre = 100 * ((pa - da) - (pb - db));
        assertThat(d.get("standardError").asDouble()).isCloseTo(se, within(1e-6));
        assertThat(d.get("lower").asDouble()).isCloseTo(centre - Z95 * se, within(1e-6));
        assertThat(d.get("upper").asDouble()).isCloseTo(centre + Z95 * se, within(1e-6));
        // 10 responses a side: the exact permutation p-value (R 4.2.2, enumerating the conditional
        // multivariate hypergeometric distribution of the pooled 7 promoters, 6 passives, 7 detractors)
        assertThat(d.get("pValue").asDouble()).isCloseTo(EXACT_P, within(1e-9));
        assertThat(d.get("significant").asBoolean()).isFalse();
        assertThat(d.get("method").asString()).isEqualTo("adjusted-wald");
        assertThat(d.get("confidence").asDouble()).isEqualTo(0.95);
        assertThat(root.get("files").get("a").asString()).isEqualTo(a.toString());
        assertThat(root.get("rows").get("b").get("read").asLong()).isEqualTo(10);
    }

    @Test
    void tableGivesAPlainVerdict() throws IOException {
        Path a = npsFile("a.csv", 50, 30, 20);
        Path b = npsFile("b.csv", 20, 30, 50);
        CliRun significant = run("compare", a.toString(), b.toString(), "--metric", "nps");
        assertThat(significant.exit()).isZero();
        assertThat(significant.out()).contains("Difference A - B: +60.0 points, 95% interval [")
                .contains("(adjusted-wald)").contains("Verdict: different at 95%: more than sampling noise.");
        Path c = npsFile("c.csv", 5, 3, 2);
        Path e = npsFile("e.csv", 4, 3, 3);
        CliRun noise = run("compare", c.toString(), e.toString(), "--metric", "nps", "--confidence", "0.9");
        assertThat(noise.out()).contains("Verdict: cannot tell (low sample): neither a difference at 90% nor "
                + "equivalence within \u00b15.0 points is shown. Not significant is not the same.").contains("LOW-SAMPLE")
                .doesNotContain("within sampling noise");
        JsonNode verdict = run("compare", c.toString(), e.toString(), "--metric", "nps", "--format", "json").json()
                .get("verdict");
        assertThat(verdict.get("outcome").asString()).isEqualTo("cannot_tell");
        assertThat(verdict.get("reason").asString()).isEqualTo("low sample");
        assertThat(verdict.get("margin").asDouble()).isEqualTo(5.0);
    }

    @Test
    void cesUsesWelchAndCsatNewcombe() throws IOException {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        Files.writeString(a, "{\"metric\":\"ces\",\"score\":6}\n{\"metric\":\"ces\",\"score\":7}\n"
                + "{\"metric\":\"ces\",\"score\":5}\n{\"metric\":\"csat\",\"score\":5}\n");
        Files.writeString(b, "{\"metric\":\"ces\",\"score\":2}\n{\"metric\":\"ces\",\"score\":3}\n"
                + "{\"metric\":\"csat\",\"score\":2}\n");
        JsonNode ces = run("compare", a.toString(), b.toString(), "--metric", "ces", "--format", "json").json();
        assertThat(ces.get("difference").get("value").asDouble()).isCloseTo(3.5, within(1e-9));
        assertThat(ces.get("difference").get("method").asString()).isEqualTo("t");
        JsonNode csat = run("compare", a.toString(), b.toString(), "--metric", "csat", "--format", "json").json();
        assertThat(csat.get("difference").get("value").asDouble()).isCloseTo(100, within(1e-9));
        assertThat(csat.get("difference").get("method").asString()).isEqualTo("newcombe");
        assertThat(csat.get("a").get("interval").get("method").asString()).isEqualTo("wilson");
        JsonNode wald = run("compare", a.toString(), b.toString(), "--metric", "csat", "--interval", "wald",
                "--format", "json").json();
        assertThat(wald.get("difference").get("method").asString()).isEqualTo("wald");
    }

    @Test
    void cesWithOneResponseHasNoDifference() throws IOException {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Files.writeString(a, "metric,score\nces,6\n");
        Files.writeString(b, "metric,score\nces,2\nces,3\n");
        CliRun r = run("compare", a.toString(), b.toString(), "--metric", "ces", "--format", "json");
        assertThat(r.exit()).isZero();
        assertThat(r.json().get("difference").isNull()).isTrue();
        assertThat(run("compare", a.toString(), b.toString(), "--metric", "ces").out())
                .contains("Difference A - B: not defined");
    }

    @Test
    void usageErrors() throws IOException {
        Path a = npsFile("a.csv", 5, 3, 2);
        CliRun noMetric = run("compare", a.toString(), a.toString());
        assertThat(noMetric.exit()).isEqualTo(2);
        assertThat(noMetric.err()).startsWith("cx: Missing required option: '--metric=nps|csat|ces'");
        CliRun oneFile = run("compare", a.toString(), "--metric", "nps");
        assertThat(oneFile.exit()).isEqualTo(2);
        assertThat(oneFile.err()).startsWith("cx: compare needs two files A and B (or one file with --by COLUMN "
                + "--a VALUE --b VALUE), not 1");
        CliRun wrongInterval = run("compare", a.toString(), a.toString(), "--metric", "csat", "--interval", "wilson");
        assertThat(wrongInterval.exit()).isEqualTo(2);
        assertThat(wrongInterval.err()).isEqualTo("cx: --interval wilson does not apply to comparing csat (use wald, newcombe)\n");
        CliRun noResponses = run("compare", a.toString(), a.toString(), "--metric", "ces");
        assertThat(noResponses.exit()).isEqualTo(2);
        assertThat(noResponses.err()).isEqualTo("cx: " + a + " has no ces responses to compare\n");
        CliRun missing = run("compare", a.toString(), dir.resolve("none.csv").toString(), "--metric", "nps");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("cx: cannot read " + dir.resolve("none.csv") + ": no such file\n");
    }

    @Test
    void rejectedRowsAreReportedAndStrictFails() throws IOException {
        Path a = npsFile("a.csv", 5, 3, 2);
        Path b = dir.resolve("b.csv");
        Files.writeString(b, "metric,score\nnps,3\nnps,13\n");
        CliRun r = run("compare", a.toString(), b.toString(), "--metric", "nps", "--format", "json");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains(b + " line 3: score 13 is outside 0..10 for metric nps");
        assertThat(r.json().get("rows").get("b").get("rejected").asLong()).isEqualTo(1);
        CliRun strict = run("compare", a.toString(), b.toString(), "--metric", "nps", "--strict");
        assertThat(strict.exit()).isEqualTo(1);
        assertThat(strict.out()).isEmpty();
    }

    @Test
    void oneSideFromStandardInput() throws IOException {
        Path a = npsFile("a.csv", 5, 3, 2);
        CliRun r = withStdin("{\"metric\":\"nps\",\"score\":10}\n{\"metric\":\"nps\",\"score\":0}\n",
                "compare", a.toString(), "-", "--metric", "nps", "--format", "json");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.json().get("files").get("b").asString()).isEqualTo("stdin");
        assertThat(r.json().get("b").get("value").asDouble()).isEqualTo(0.0);
    }
}
