package io.datadesk.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class InternalErrorLogTest {

    @Test
    void aBugIsOneLineAndItsTraceGoesToALogFile() throws Exception {
        String line = InternalErrorLog.record(new IllegalStateException("broken invariant\nsecond line"));
        assertThat(line).doesNotContain("\n").startsWith("internal error: java.lang.IllegalStateException: broken invariant at ")
                .contains("not in your content");
        Matcher m = Pattern.compile("details in (\\S+\\.log)").matcher(line);
        assertThat(m.find()).as(line).isTrue();
        Path log = Path.of(m.group(1));
        try {
            assertThat(Files.readString(log)).contains("java.lang.IllegalStateException: broken invariant")
                    .contains("at io.datadesk.error.InternalErrorLogTest");
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
