package dev.cxkit.report.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class ChromiumTest {

    @TempDir
    Path dir;

    /** Without chromium the browser test fails, and says how to install it; it never passes silently. */
    @Test
    void missingChromiumFailsWithInstallAdvice() {
        assertThatThrownBy(() -> Chromium.find(Duration.ofSeconds(1), dir.toString()))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("apt-get install chromium");
    }

    @Test
    void findsAnExecutableChromiumOnThePath() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path chromium = Files.createFile(bin.resolve("chromium"));
        assertThat(chromium.toFile().setExecutable(true)).isTrue();
        Chromium found = Chromium.find(Duration.ofSeconds(1), empty + File.pathSeparator + bin);
        assertThat(found.executable()).isEqualTo(chromium);
    }

    /** A browser that hangs is killed with its child processes, and the test fails saying so. */
    @Test
    void aHangingBrowserIsKilledWithItsChildren() throws Exception {
        Path hanging = dir.resolve("chromium");
        // a child that would outlive its parent if only the parent were killed; 987 marks it
        Files.writeString(hanging, "#!/bin/sh\nsleep 987 &\necho $! > \"" + dir.resolve("child.pid") + "\"\nwait\n");
        assertThat(hanging.toFile().setExecutable(true)).isTrue();
        Chromium browser = new Chromium(hanging, Duration.ofSeconds(2));
        Path page = Files.writeString(dir.resolve("page.html"), "<!DOCTYPE html>");
        assertThatThrownBy(() -> browser.run(dir, "hang", page, "--dump-dom"))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("did not finish 'hang' within 2 s");
        long child = Long.parseLong(Files.readString(dir.resolve("child.pid")).trim());
        ProcessHandle.of(child).ifPresent(p -> assertThat(p.isAlive()).as("the child process").isFalse());
    }
}
