package dev.cxkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void drawsAtMostEveryHundredMillisecondsAndErasesItselfOnClose() throws Exception {
        StringWriter text = new StringWriter();
        AtomicLong clock = new AtomicLong();
        Progress progress = Progress.start(new PrintWriter(text), "reading x.csv", 2_000_000, clock::get);

        progress.add(500_000); // at t=0: too soon after the start to draw
        assertThat(text.toString()).isEmpty();
        clock.addAndGet(150_000_000);
        progress.add(500_000);
        assertThat(text.toString()).isEqualTo("\rreading x.csv [###############...............]  50% 1.0 MB / 2.0 MB");
        clock.addAndGet(50_000_000);
        progress.add(1_000_000); // 50 ms later: counted, not drawn
        assertThat(text.toString()).endsWith(" 50% 1.0 MB / 2.0 MB");
        assertThat(progress.line()).isEqualTo("reading x.csv [##############################] 100% 2.0 MB / 2.0 MB");

        progress.close();
        assertThat(text.toString()).endsWith("\r" + " ".repeat(progress.line().length()) + "\r");
    }

    @Test
    void trackedStreamsCountEveryByteAndPassThemOnUnchanged() throws Exception {
        StringWriter text = new StringWriter();
        AtomicLong clock = new AtomicLong();
        Progress progress = Progress.start(new PrintWriter(text), "reading", 10, clock::get);
        byte[] data = "0123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (InputStream in = progress.track(new ByteArrayInputStream(data))) {
            assertThat(in.read()).isEqualTo('0');
            byte[] rest = new byte[20];
            assertThat(in.read(rest, 0, 20)).isEqualTo(9);
            assertThat(in.read()).isEqualTo(-1);
        }
        assertThat(progress.line()).contains("100%");
    }

    @Test
    void withoutATerminalNothingIsEverWritten() throws Exception {
        StringWriter text = new StringWriter();
        try (Progress progress = Progress.start(new PrintWriter(text), "reading", 10, false)) {
            InputStream in = new ByteArrayInputStream(new byte[10]);
            assertThat(progress.track(in)).isSameAs(in);
            progress.add(10);
        }
        assertThat(text.toString()).isEmpty();
        assertThat(Progress.stderrIsTerminal(true)).isFalse();
    }
}
