package io.datadesk.error;

/**
 * The build was cancelled: its thread was interrupted (Ctrl-C during {@code datadesk build}, or a newer save during a
 * {@code serve} rebuild). Not a content error and not a bug: the build stops at the next check, staging is removed
 * and the previous site stays as it was.
 *
 * <p>The long steps call {@link #check()} between units of work (a CSV batch, a chart, a page's Markdown, a file
 * written) rather than relying on {@link InterruptedException}, which only blocking calls throw.
 */
public final class BuildCancelled extends RuntimeException {

    public BuildCancelled() {
        super("the build was cancelled", null, false, false);
    }

    /** Throws when the current thread has been interrupted; leaves the interrupt flag set for the callers above. */
    public static void check() {
        if (Thread.currentThread().isInterrupted()) throw new BuildCancelled();
    }

    /** For {@code catch (InterruptedException e)}: keeps the flag and says the build was cancelled. */
    public static BuildCancelled after(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new BuildCancelled();
    }
}
