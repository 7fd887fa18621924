package io.datadesk.error;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Where the stack trace of a real bug goes: a log file, so that the author sees one line that says what happened
 * and where the details are, not a wall of Java frames that hides it. The log is in the temporary folder, never in
 * the project or the site.
 */
public final class InternalErrorLog {

    private InternalErrorLog() {}

    /**
     * Writes {@code bug}'s full trace to a new log file and returns the one line to show: what failed and the file.
     * If the log cannot be written, the line says so and carries the exception's own message instead.
     */
    public static String record(Throwable bug) {
        StringWriter trace = new StringWriter();
        try (PrintWriter w = new PrintWriter(trace)) {
            w.println("datadesk internal error at " + Instant.now());
            w.println("Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
            bug.printStackTrace(w);
        }
        String what = "internal error: " + summary(bug);
        try {
            Path log = Files.createTempFile("datadesk-internal-error-", ".log");
            Files.writeString(log, trace.toString(), StandardCharsets.UTF_8);
            return what + " (a bug in datadesk, not in your content; details in " + log + ", please attach it to a report)";
        } catch (IOException | RuntimeException e) {
            return what + " (a bug in datadesk, not in your content; the details could not be logged: " + e.getMessage() + ")";
        }
    }

    /** The exception and its first frame in one line: enough to recognise a known bug. */
    static String summary(Throwable bug) {
        String message = bug.getMessage() == null ? "" : ": " + bug.getMessage().lines().findFirst().orElse("");
        if (message.length() > 300) message = message.substring(0, 300) + "…";
        StackTraceElement[] frames = bug.getStackTrace();
        String at = frames.length == 0 ? "" : " at " + frames[0];
        return bug.getClass().getName() + message + at;
    }
}
