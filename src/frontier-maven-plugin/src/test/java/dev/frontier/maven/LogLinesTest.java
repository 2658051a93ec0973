package dev.frontier.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogLinesTest {

    @Test
    void handsOnEachLineWithoutItsBreak() {
        List<String> lines = new ArrayList<>();
        try (LogLines out = new LogLines(lines::add)) {
            byte[] text = "one\ntwo\r\n\nthree".getBytes(StandardCharsets.UTF_8);
            out.write(text, 0, text.length);
            assertThat(lines).containsExactly("one", "two", "");
        }
        assertThat(lines).containsExactly("one", "two", "", "three");
    }

    @Test
    void decodesCharactersSplitAcrossWrites() {
        List<String> lines = new ArrayList<>();
        byte[] text = "2 × 8 items — ok\n".getBytes(StandardCharsets.UTF_8);
        try (LogLines out = new LogLines(lines::add)) {
            for (byte b : text) {
                out.write(b);
            }
        }
        assertThat(lines).containsExactly("2 × 8 items — ok");
    }

    @Test
    void closingWithNothingPendingAddsNoLine() {
        List<String> lines = new ArrayList<>();
        try (PrintStream out = new PrintStream(new LogLines(lines::add), true, StandardCharsets.UTF_8)) {
            out.println("done");
        }
        assertThat(lines).containsExactly("done");
    }
}
