package dev.cxkit.cli;

import static dev.cxkit.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The analyst's path with a survey platform's export: {@code cx inspect} proposes the options,
 * and those options (or the mapping file it saves) give the same scores as the same answers in
 * the documented long format. The files are small and written here.
 */
class SurveyExportCommandsTest {

    /** A Qualtrics-style export: three header rows, answer labels, local times in the ImportId zone. */
    static final String QUALTRICS = "StartDate,RecordedDate,ResponseId,Q1,Q2,Q3,Q4,Store\n"
            + "Start Date,Recorded Date,Response ID,How likely are you to recommend us?,"
            + "\"Overall, how satisfied were you?\",The company made it easy to handle my issue.,Anything else?,Store\n"
            + "\"{\"\"ImportId\"\":\"\"startDate\"\",\"\"timeZone\"\":\"\"Europe/London\"\"}\","
            + "\"{\"\"ImportId\"\":\"\"recordedDate\"\",\"\"timeZone\"\":\"\"Europe/London\"\"}\","
            + "\"{\"\"ImportId\"\":\"\"_recordId\"\"}\",\"{\"\"ImportId\"\":\"\"QID1\"\"}\",\"{\"\"ImportId\"\":\"\"QID2\"\"}\","
            + "\"{\"\"ImportId\"\":\"\"QID3\"\"}\",\"{\"\"ImportId\"\":\"\"QID4_TEXT\"\"}\",\"{\"\"ImportId\"\":\"\"store\"\"}\"\n"
            + "2026-03-04 17:12:33,2026-03-04 17:15:01,R_1,10 - Extremely likely,Very satisfied,Strongly agree,\"fine, thanks\",Leeds\n"
            + "2026-03-05 09:00:00,2026-03-05 09:03:01,R_2,6,Dissatisfied,Somewhat disagree,slow,York\n"
            + "2026-03-15 12:30:00,2026-03-15 12:33:01,R_3,8,Satisfied,,,Leeds\n"
            + "2026-04-01 08:05:00,2026-04-01 08:09:01,R_4,0 - Not at all likely,Very dissatisfied,Strongly disagree,"
            + "never again,Leeds\n"
            + "2026-04-02 10:00:00,2026-04-02 10:01:00,R_5,,,,,York\n";

    /** The same answers in the documented long format. */
    static final String LONG = "response_id,metric,score,submitted_at,store\n"
            + "R_1,nps,10,2026-03-04T17:15:01Z,Leeds\nR_1,csat,5,2026-03-04T17:15:01Z,Leeds\n"
            + "R_1,ces,7,2026-03-04T17:15:01Z,Leeds\n"
            + "R_2,nps,6,2026-03-05T09:03:01Z,York\nR_2,csat,2,2026-03-05T09:03:01Z,York\n"
            + "R_2,ces,3,2026-03-05T09:03:01Z,York\n"
            + "R_3,nps,8,2026-03-15T12:33:01Z,Leeds\nR_3,csat,4,2026-03-15T12:33:01Z,Leeds\n"
            + "R_4,nps,0,2026-04-01T07:09:01Z,Leeds\nR_4,csat,1,2026-04-01T07:09:01Z,Leeds\n"
            + "R_4,ces,1,2026-04-01T07:09:01Z,Leeds\n";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    /** metric → "n value" of a {@code cx score --format json} run. */
    private static Map<String, String> scores(CliRun r) {
        assertThat(r.exit()).as(r.toString()).isZero();
        Map<String, String> out = new HashMap<>();
        for (JsonNode result : r.json().get("results")) {
            out.put(result.get("metric").asString() + (result.has("group") && result.get("group").size() > 0
                    ? " " + result.get("group") : ""), result.get("n").asLong() + " " + result.get("value"));
        }
        return out;
    }

    /** Splits a command line as a POSIX shell would, for the single quotes {@code cx inspect} writes. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
                any = true;
            } else if (c == '\\' && !quoted && i + 1 < line.length()) {
                word.append(line.charAt(++i));
            } else if (c == ' ' && !quoted) {
                if (any || word.length() > 0) {
                    words.add(word.toString());
                }
                word.setLength(0);
                any = false;
            } else {
                word.append(c);
            }
        }
        if (any || word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    @Test
    void inspectProposesACommandThatScoresLikeTheLongFormat() throws IOException {
        Path export = write("qualtrics.csv", QUALTRICS);
        CliRun inspect = run("inspect", export.toString(), "--format", "json");
        assertThat(inspect.exit()).as(inspect.toString()).isZero();
        JsonNode root = inspect.json();
        assertThat(root.get("platform").asString()).isEqualTo("Qualtrics");
        assertThat(root.get("headerRows").asInt()).isEqualTo(3);
        assertThat(root.get("rows").asLong()).isEqualTo(5);
        String command = root.get("command").asString();
        assertThat(command).startsWith("cx score " + export + " --nps Q1 --csat Q2 --ces Q3 --id ResponseId");
        List<String> args = words(command);
        List<String> json = new ArrayList<>(args.subList(1, args.size()));
        json.addAll(List.of("--format", "json"));
        CliRun proposed = run(json.toArray(String[]::new));
        CliRun reference = run("score", write("long.csv", LONG).toString(), "--format", "json");
        assertThat(scores(proposed)).isEqualTo(scores(reference)).hasSize(3);
        JsonNode rows = proposed.json().get("rows");
        assertThat(rows.get("read").asLong()).isEqualTo(5);
        assertThat(rows.get("unanswered").asLong()).isEqualTo(1);
        assertThat(rows.get("responses").asLong()).isEqualTo(11);
    }

    @Test
    void theSavedMappingFileReadsTheSameAndTheTextSaysWhatToRun() throws IOException {
        Path export = write("qualtrics.csv", QUALTRICS);
        Path mapping = dir.resolve("survey.yaml");
        CliRun inspect = run("inspect", export.toString(), "--save-mapping", mapping.toString());
        assertThat(inspect.exit()).as(inspect.toString()).isZero();
        assertThat(inspect.out()).contains("looks like Qualtrics; 3 header rows")
                .contains("cx score " + export + " --nps Q1").contains("nps: \"Q1\"");
        assertThat(Files.readString(mapping)).contains("nps: \"Q1\"").contains("time: \"RecordedDate\"");
        CliRun viaFile = run("score", export.toString(), "--mapping", mapping.toString(), "--format", "json");
        CliRun reference = run("score", write("long.csv", LONG).toString(), "--format", "json");
        assertThat(scores(viaFile)).isEqualTo(scores(reference));
        // an option given on the command line wins over the file's
        CliRun npsOnly = run("score", export.toString(), "--mapping", mapping.toString(), "--format", "json",
                "--metric", "nps");
        assertThat(scores(npsOnly)).containsOnlyKeys("nps");
    }

    @Test
    void columnsCanBeNamedByQuestionTextAndFiltersCountWhatTheyLeaveOut() throws IOException {
        Path export = write("qualtrics.csv", QUALTRICS);
        CliRun r = run("score", export.toString(), "--nps", "How likely are you to recommend us?", "--id",
                "ResponseId", "--time", "Recorded Date", "--where", "Store=Leeds", "--from", "2026-03-01", "--to",
                "2026-03-31", "--format", "json");
        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode rows = r.json().get("rows");
        // Leeds in March: R_1 and R_3 (R_2 is York, R_4 is April, R_5 answered nothing)
        assertThat(rows.get("accepted").asLong()).isEqualTo(2);
        assertThat(rows.get("filtered").asLong()).isEqualTo(2);
        assertThat(rows.get("unanswered").asLong()).isEqualTo(1);
        assertThat(rows.get("read").asLong()).isEqualTo(5);
        assertThat(r.err()).contains("2 of 5 rows left out by --where, --from or --to");
    }

    @Test
    void compareTwoGroupsOfOneFileAndWriteCsv() throws IOException {
        StringBuilder text = new StringBuilder("response_id,metric,score,location\n");
        for (int i = 0; i < 40; i++) {
            text.append("a").append(i).append(",nps,").append(i % 3 == 0 ? 3 : 10).append(",Leeds\n");
            text.append("b").append(i).append(",nps,").append(i % 2 == 0 ? 2 : 9).append(",York\n");
        }
        Path file = write("stores.csv", text.toString());
        CliRun json = run("compare", file.toString(), "--by", "location", "--a", "Leeds", "--b", "York", "--metric",
                "nps", "--format", "json");
        assertThat(json.exit()).as(json.toString()).isZero();
        JsonNode root = json.json();
        assertThat(root.get("a").get("n").asLong()).isEqualTo(40);
        assertThat(root.get("b").get("n").asLong()).isEqualTo(40);
        // Leeds: 26 promoters, 14 detractors of 40 = +30; York: 20 and 20 = 0
        assertThat(root.get("a").get("value").asDouble()).isEqualTo(30.0);
        assertThat(root.get("b").get("value").asDouble()).isEqualTo(0.0);
        assertThat(root.get("groups").get("by").asString()).isEqualTo("location");
        CliRun csv = run("compare", file.toString(), "--by", "location", "--a", "Leeds", "--b", "York", "--metric",
                "nps", "--format", "csv");
        assertThat(csv.exit()).as(csv.toString()).isZero();
        List<String> lines = csv.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("metric,side,of,n,value,lower,upper,low_sample,p_value,method,verdict");
        assertThat(lines.get(1)).startsWith("nps,A,location=Leeds,40,30.0,");
        assertThat(lines.get(2)).startsWith("nps,B,location=York,40,0.0,");
        assertThat(lines.get(3)).startsWith("nps,A-B,location=Leeds - location=York,,30.0,");
        CliRun missing = run("compare", file.toString(), "--by", "location", "--a", "Leeds", "--metric", "nps");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("--by COLUMN needs --a VALUE and --b VALUE");
    }

    @Test
    void everyRowRejectedIsExitOneForCompareAndReport() throws IOException {
        Path bad = write("bad.csv", "metric,score\nnps,11\nnps,12\n");
        CliRun compare = run("compare", bad.toString(), bad.toString(), "--metric", "nps");
        assertThat(compare.exit()).as(compare.toString()).isEqualTo(Cx.EXIT_REJECTED);
        assertThat(compare.err()).contains("every row read was rejected");
        CliRun report = run("report", "-q", "--responses", bad.toString(), "--out", dir.resolve("out").toString());
        assertThat(report.exit()).as(report.toString()).isEqualTo(Cx.EXIT_REJECTED);
    }

    @Test
    void aSemicolonFileWithDecimalCommasInWindows1252() throws IOException {
        Path file = dir.resolve("europe.csv");
        Files.write(file, ("id;wann;Empfehlung;Zufriedenheit;Gewicht;Filiale\n"
                + "1;04.03.2026 17:12;10;5;1,5;Zürich\n2;05.03.2026 09:00;3;2;0,5;Zürich\n")
                .getBytes(java.nio.charset.Charset.forName("windows-1252")));
        CliRun utf8 = run("score", file.toString(), "--nps", "Empfehlung", "--csat", "Zufriedenheit");
        assertThat(utf8.exit()).as("every row rejected as not UTF-8").isEqualTo(Cx.EXIT_REJECTED);
        assertThat(utf8.err()).contains("not valid UTF-8 (save the file as UTF-8, or read it in its encoding");
        CliRun r = run("score", file.toString(), "--encoding", "windows-1252", "--nps", "Empfehlung", "--csat",
                "Zufriedenheit", "--weight", "Gewicht", "--id", "id", "--time", "wann", "--by", "Filiale",
                "--period", "month", "--format", "json");
        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode nps = r.json().get("results").get(0);
        assertThat(nps.get("group").toString()).contains("Zürich").contains("2026-03");
        // weighted 1.5 promoter and 0.5 detractor: NPS = (1.5 - 0.5) / 2 = +50
        assertThat(nps.get("value").asDouble()).isEqualTo(50.0);
    }

    @Test
    void aSurveyOnlyReportIsCompleteWithCallBacksTablesAndItsTitle() throws IOException {
        StringBuilder text = new StringBuilder("Response ID,Customer,Submitted,How likely are you to recommend us?,"
                + "Why?,Store\n");
        for (int i = 0; i < 60; i++) {
            int rating = i % 4 == 0 ? 2 : 9;
            text.append("R").append(i).append(",C").append(i).append(i % 2 == 0 ? ",2026-06-18" : ",2026-05-1" + i % 9)
                    .append(" 10:00:00,").append(rating).append(",")
                    .append(rating < 7 ? "slow and cold" : "lovely").append(",").append(i % 3 == 0 ? "York" : "Leeds")
                    .append('\n');
        }
        Path export = write("survey.csv", text.toString());
        Path out = dir.resolve("out");
        CliRun r = run("report", "-q", "--responses", export.toString(), "--nps", "How likely are you to recommend us?",
                "--id", "Response ID", "--customer", "Customer", "--time", "Submitted", "--comment", "Why?",
                "--by", "Store", "--title", "Survey only", "--now", "2026-06-19T12:00:00Z", "--out", out.toString(),
                "--format", "csv");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out().lines()).contains(out.resolve("csv").resolve("groups.csv").toString(),
                out.resolve("csv").resolve("call-backs.csv").toString());
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("<title>Survey only</title>").contains("Not in this report")
                .contains("NPS by Store");
        JsonNode json = new tools.jackson.databind.ObjectMapper().readTree(out.resolve("report.json").toFile());
        // the detractors of the last day, still within the follow-up time, are called back with their comment
        JsonNode calls = json.get("closedLoop").get("callBacks");
        assertThat(calls.size()).isPositive();
        assertThat(calls.get(0).get("comment").asString()).isEqualTo("slow and cold");
        assertThat(Files.readString(out.resolve("csv").resolve("call-backs.csv")))
                .startsWith("customer,touchpoint,metric,rating,due,overdue,comment\r\n");
    }

    @Test
    void theReadmesInspectExampleIsWhatInspectSays() throws IOException {
        Path example = Path.of("..", "docs", "examples", "survey.csv");
        List<String> readme = Files.readAllLines(Path.of("..", "README.md"));
        String documented = readme.stream().filter(l -> l.startsWith("  cx score survey.csv --nps")).findFirst()
                .orElseThrow().trim();
        CliRun inspect = run("inspect", example.toString());
        assertThat(inspect.exit()).as(inspect.toString()).isZero();
        String said = inspect.out().lines().filter(l -> l.startsWith("  cx score ")).findFirst().orElseThrow().trim()
                .replace(example.toString(), "survey.csv");
        assertThat(said).isEqualTo(documented);
        // and the proposed command reads it: 5 rows, 4 answered, 11 responses
        List<String> args = new ArrayList<>(words(said.replace("survey.csv", example.toString())));
        args.remove(0);
        args.addAll(List.of("--format", "json"));
        JsonNode rows = run(args.toArray(String[]::new)).json().get("rows");
        assertThat(rows.get("accepted").asLong()).isEqualTo(4);
        assertThat(rows.get("responses").asLong()).isEqualTo(11);
    }
}
