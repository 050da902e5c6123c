package io.tcpwatch.rules.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A list of root decoders, in load order, split by the first char of the log: a root whose prematch filter
 * rejects a subject by its first char (see {@link RequiredLiterals#acceptedFirstChars}) cannot match a log
 * starting with that char, so it is left out of that char's list. Each list keeps the order of the whole one,
 * so trying its roots in turn picks the same first match as trying them all. A char's list is built on first
 * use; threads may race to build it and then build equal lists.
 */
final class RootIndex {

    private static final int ASCII = RequiredLiterals.ASCII_CHARS;

    private final List<Decoder> all;

    /** Per root, the first chars its prematch may accept, or {@code null} for any (or no prematch). */
    private final boolean[][] accepted;

    /** Whether any root is restricted; if none is, every list is {@link #all}. */
    private final boolean restricted;

    /** Per ASCII first char, the roots that may match, once built. */
    private final AtomicReferenceArray<List<Decoder>> byFirstChar = new AtomicReferenceArray<>(ASCII);

    /** The roots that may match the empty log: those with no restriction. */
    private final List<Decoder> forEmptyLog;

    RootIndex(List<Decoder> roots) {
        this.all = List.copyOf(roots);
        this.accepted = new boolean[this.all.size()][];
        boolean any = false;
        List<Decoder> unrestricted = new ArrayList<>();
        for (int i = 0; i < this.accepted.length; i++) {
            if (this.all.get(i).prematch() instanceof RequiredLiterals filter) {
                this.accepted[i] = filter.acceptedFirstChars();
                any |= this.accepted[i] != null;
            }
            if (this.accepted[i] == null) {
                unrestricted.add(this.all.get(i));
            }
        }
        this.restricted = any;
        this.forEmptyLog = unrestricted.size() == this.all.size() ? this.all : List.copyOf(unrestricted);
    }

    /** Every root, in load order. */
    List<Decoder> all() {
        return this.all;
    }

    /** The roots, in load order, whose prematch may match {@code log}. */
    List<Decoder> candidates(String log) {
        if (!this.restricted) {
            return this.all;
        }
        if (log.isEmpty()) {
            return this.forEmptyLog;
        }
        char first = log.charAt(0);
        if (first >= ASCII) {
            return this.all;
        }
        List<Decoder> list = this.byFirstChar.get(first);
        if (list == null) {
            list = build(first);
            this.byFirstChar.set(first, list);
        }
        return list;
    }

    private List<Decoder> build(char first) {
        List<Decoder> kept = new ArrayList<>();
        for (int i = 0; i < this.accepted.length; i++) {
            if (this.accepted[i] == null || this.accepted[i][first]) {
                kept.add(this.all.get(i));
            }
        }
        return kept.size() == this.all.size() ? this.all : List.copyOf(kept);
    }
}
