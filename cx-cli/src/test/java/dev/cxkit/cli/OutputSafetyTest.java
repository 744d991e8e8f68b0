package dev.cxkit.cli;

import static dev.cxkit.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What cx writes never overwrites what is not its own, never goes through a link, and is never torn. */
class OutputSafetyTest {

    private static final String RESPONSES = "response_id,metric,score,location,submitted_at\n"
            + "r1,nps,9,York,2026-03-01T10:00:00Z\nr2,nps,3,Leeds,2026-03-02T10:00:00Z\n"
            + "r3,nps,11,York,2026-03-03T10:00:00Z\n";

    @TempDir
    Path dir;

    private Path responses() throws IOException {
        return Files.writeString(dir.resolve("responses.csv"), RESPONSES);
    }

    @Test
    void aLinkInTheOutFolderIsRefusedAndItsTargetKept() throws IOException {
        Path out = Files.createDirectory(dir.resolve("out"));
        Path precious = Files.writeString(dir.resolve("precious.txt"), "mine");
        Files.createSymbolicLink(out.resolve("report.html"), precious);
        CliRun r = run("report", "-q", "--responses", responses().toString(), "--out", out.toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("report.html " + out.resolve("report.html") + " is a symbolic link");
        assertThat(Files.readString(precious)).isEqualTo("mine");
        assertThat(out.resolve("report.json")).doesNotExist();
    }

    @Test
    void anInputWhereTheReportGoesIsRefusedAndKept() throws IOException {
        Path out = Files.createDirectory(dir.resolve("out"));
        Files.writeString(out.resolve("report.json"), RESPONSES);
        CliRun r = run("report", "-q", "--responses", out.resolve("report.json").toString(), "--input-format", "csv",
                "--out", out.toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("is also an input of this run");
        assertThat(Files.readString(out.resolve("report.json"))).startsWith("response_id,metric,score");
    }

    @Test
    void rejectsWhereTheReportGoesAndAFolderInPlaceOfAFileAreRefused() throws IOException {
        Path out = Files.createDirectory(dir.resolve("out"));
        CliRun clash = run("report", "-q", "--responses", responses().toString(), "--out", out.toString(), "--rejects",
                out.resolve("report.json").toString());
        assertThat(clash.exit()).as(clash.toString()).isEqualTo(2);
        assertThat(clash.err()).contains("is also where --rejects goes");
        Files.createDirectory(out.resolve("report.html"));
        Files.writeString(out.resolve("report.json"), "{\"old\": true}");
        CliRun folder = run("report", "-q", "--responses", responses().toString(), "--out", out.toString());
        assertThat(folder.exit()).isEqualTo(2);
        assertThat(folder.err()).contains("is a directory");
        assertThat(Files.readString(out.resolve("report.json"))).isEqualTo("{\"old\": true}");
    }

    @Test
    void strictCreatesNoOutFolderButKeepsTheRejectedRowsAskedFor() throws IOException {
        Path out = dir.resolve("never");
        Path rejects = dir.resolve("rejects.csv");
        CliRun r = run("report", "-q", "--strict", "--responses", responses().toString(), "--out", out.toString(),
                "--rejects", rejects.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(out).doesNotExist();
        assertThat(Files.readString(rejects)).isEqualTo("response_id,metric,score,location,submitted_at\n"
                + "r3,nps,11,York,2026-03-03T10:00:00Z\n");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("responses.csv",
                    "rejects.csv");
        }
    }

    @Test
    void aSecondRunReplacesTheSetAndLeavesNoTemporaryFiles() throws IOException {
        Path out = dir.resolve("out");
        assertThat(run("report", "-q", "--responses", responses().toString(), "--out", out.toString()).exit()).isZero();
        String first = Files.readString(out.resolve("report.json"));
        assertThat(run("report", "-q", "--responses", responses().toString(), "--out", out.toString(), "--title",
                "Second").exit()).isZero();
        assertThat(Files.readString(out.resolve("report.json"))).isNotEqualTo(first).contains("\"Second\"");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.json",
                    "report.html", ".cx-current", ".cx-generations");
        }
        // the report's files switch as one set: each is a link through .cx-current to one generation
        assertThat(Files.readSymbolicLink(out.resolve("report.json"))).isEqualTo(Path.of(".cx-current", "report.json"));
        try (var generations = Files.list(out.resolve(".cx-generations"))) {
            assertThat(generations.toList()).hasSize(1);
        }
        // a report from before, as plain files, is taken over: both stay readable, then switch
        Path older = Files.createDirectory(dir.resolve("older"));
        Files.writeString(older.resolve("report.json"), "{\"old\": true}");
        Files.writeString(older.resolve("report.html"), "<p>old</p>");
        assertThat(run("report", "-q", "--responses", responses().toString(), "--out", older.toString()).exit()).isZero();
        assertThat(Files.readString(older.resolve("report.json"))).contains("\"title\"");
        assertThat(Files.isSymbolicLink(older.resolve("report.html"))).isTrue();
    }

    @Test
    void csvForPeopleNeutralisesFormulasButRejectsStayVerbatim() throws IOException {
        Path file = Files.writeString(dir.resolve("f.csv"), "metric,score,location\n"
                + "nps,9,\"=HYPERLINK(\"\"http://x\"\";\"\"York\"\")\"\nnps,3,@SUM(A1)\nnps,12,=1+1\n");
        Path rejects = dir.resolve("rejects.csv");
        CliRun r = run("score", file.toString(), "--by", "location", "--format", "csv", "--rejects", rejects.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("\"'=HYPERLINK(\"\"http://x\"\";\"\"York\"\")\",nps,")
                .contains("\n'@SUM(A1),nps,").doesNotContain("\n=").doesNotContain(",=");
        // the rejects file is for feeding back: verbatim, formula and all
        assertThat(Files.readString(rejects)).isEqualTo("metric,score,location\nnps,12,=1+1\n");
    }
}
