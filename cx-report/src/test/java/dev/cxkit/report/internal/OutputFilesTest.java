package dev.cxkit.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {

    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aSetIsPutInPlaceOnlyAfterEveryFileWasWritten() throws IOException {
        Path json = dir.resolve("report.json");
        Path html = dir.resolve("report.html");
        Files.writeString(json, "old json");
        Files.writeString(html, "old html");
        try (OutputFiles outputs = new OutputFiles(List.of())) {
            outputs.claim(json, "report.json");
            outputs.claim(html, "report.html");
            outputs.write(json, "new json");
            // the second file fails half-way: nothing is replaced, no temporary is left
            assertThatThrownBy(() -> {
                try (Writer w = outputs.open(html)) {
                    w.write("new ht");
                    throw new IOException("disk full");
                }
            }).hasMessage("disk full");
            assertThat(Files.readString(json)).isEqualTo("old json");
        }
        assertThat(Files.readString(json)).isEqualTo("old json");
        assertThat(Files.readString(html)).isEqualTo("old html");
        assertThat(names()).containsExactly("report.html", "report.json");
    }

    @Test
    void committedFilesAreWholeAndNoTemporaryStays() throws IOException {
        Path json = dir.resolve("report.json");
        Files.writeString(json, "old");
        try (OutputFiles outputs = new OutputFiles(List.of())) {
            outputs.claim(json, "report.json");
            outputs.write(json, "new");
            assertThat(Files.readString(json)).as("not in place before the commit").isEqualTo("old");
            outputs.commit();
        }
        assertThat(Files.readString(json)).isEqualTo("new");
        assertThat(names()).containsExactly("report.json");
    }

    @Test
    void inputsLinksDirectoriesAndTwiceClaimedPathsAreRefused() throws IOException {
        Path input = Files.writeString(dir.resolve("responses.csv"), "metric,score\n");
        Path link = Files.createSymbolicLink(dir.resolve("report.html"), input);
        Path folder = Files.createDirectory(dir.resolve("report.json"));
        OutputFiles outputs = new OutputFiles(List.of(input));
        assertThatThrownBy(() -> outputs.claim(input, "--rejects")).isInstanceOf(OutputFiles.RefusedException.class)
                .hasMessage("--rejects " + input + " is also an input of this run; choose another path");
        assertThatThrownBy(() -> outputs.claim(dir.resolve("x").resolve("..").resolve("responses.csv"), "--rejects"))
                .hasMessageContaining("is also an input of this run");
        assertThatThrownBy(() -> outputs.claim(link, "report.html")).hasMessageContaining("is a symbolic link");
        assertThatThrownBy(() -> outputs.claim(folder, "report.json")).hasMessageContaining("is a directory");
        Path rejects = dir.resolve("rejects.csv");
        outputs.claim(rejects, "--rejects");
        assertThatThrownBy(() -> outputs.claim(rejects, "report.json"))
                .hasMessage("report.json " + rejects + " is also where --rejects goes; choose another path");
        assertThatThrownBy(() -> outputs.claim(dir.resolve("no").resolve("such.csv"), "--rejects"))
                .hasMessageContaining("no such file or directory");
        assertThat(Files.readString(input)).isEqualTo("metric,score\n");
    }

    @Test
    void aFolderIsCreatedOnlyWhenSomethingIsWritten() throws IOException {
        Path out = dir.resolve("out");
        try (OutputFiles outputs = new OutputFiles(List.of())) {
            outputs.claim(out.resolve("report.json"), "report.json", true);
        }
        assertThat(out).doesNotExist();
    }
}
