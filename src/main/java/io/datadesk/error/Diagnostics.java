package io.datadesk.error;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Collects problems across a stage so that all of them are reported together. Not thread-safe. */
public final class Diagnostics {

    private final List<Diagnostic> found = new ArrayList<>();

    public void add(Diagnostic d) {
        found.add(d);
    }

    public void addAll(List<Diagnostic> ds) {
        found.addAll(ds);
    }

    /** Runs {@code work}; a {@link ContentException} it throws is recorded and {@code null} returned. */
    public <T> T collect(Supplier<T> work) {
        try {
            return work.get();
        } catch (ContentException e) {
            found.addAll(e.diagnostics());
            return null;
        }
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<Diagnostic> list() {
        return List.copyOf(found);
    }

    /** Throws a {@link ContentException} carrying everything found so far, if anything was. */
    public void throwIfAny() {
        if (!found.isEmpty()) throw new ContentException(found);
    }
}
