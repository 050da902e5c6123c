package io.tcpwatch.rules.ruleset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.tcpwatch.rules.regex.CompiledPattern;

/**
 * One {@code <decoder>} as loaded. Fields are set by the loader and then only read; the loader is the only
 * writer.
 */
public final class Decoder {

    /** Where a decoder's regex (or plugin) starts reading. */
    public enum Offset {
        NONE, AFTER_PARENT, AFTER_PREMATCH, AFTER_REGEX
    }

    /** How the JSON decoder writes a JSON {@code null}. */
    public enum JsonNull {
        STRING, DISCARD, EMPTY
    }

    /** The plugin decoders this engine runs. */
    public enum Plugin {
        JSON_DECODER
    }

    private final String name;

    private final Path file;

    private final int line;

    /** Name reported in alerts; the parent's name for a child without {@code use_own_name}. */
    String reportedName;

    int id;

    String parentName;

    CompiledPattern programName;

    CompiledPattern prematch;

    boolean prematchAfterParent;

    CompiledPattern regex;

    Offset regexOffset = Offset.NONE;

    List<String> order = List.of();

    List<StaticField> orderStatic = List.of();

    String type = "syslog";

    Plugin plugin;

    Offset pluginOffset = Offset.NONE;

    boolean useOwnName;

    JsonNull jsonNull = JsonNull.STRING;

    boolean jsonArrayCsv;

    List<String> fts = List.of();

    String ftsComment;

    boolean accumulate;

    boolean getNext;

    final List<Decoder> children = new ArrayList<>();

    public Decoder(String name, Path file, int line) {
        this.name = name;
        this.reportedName = name;
        this.file = file;
        this.line = line;
    }

    /** The {@code name} attribute as written. */
    public String name() {
        return this.name;
    }

    /** The name this decoder puts in {@code decoder.name}. */
    public String reportedName() {
        return this.reportedName;
    }

    /** The decoder id rules compare in {@code <decoded_as>}; a child shares its parent's id. */
    public int id() {
        return this.id;
    }

    public String parentName() {
        return this.parentName;
    }

    public boolean isRoot() {
        return this.parentName == null;
    }

    public CompiledPattern programName() {
        return this.programName;
    }

    public CompiledPattern prematch() {
        return this.prematch;
    }

    public boolean prematchAfterParent() {
        return this.prematchAfterParent;
    }

    public CompiledPattern regex() {
        return this.regex;
    }

    public Offset regexOffset() {
        return this.regexOffset;
    }

    /** The {@code <order>} names, trimmed, one per capture group. */
    public List<String> order() {
        return this.order;
    }

    /** For each {@link #order()} entry, the static field it fills, or {@code null} for a dynamic field. */
    public List<StaticField> orderStatic() {
        return this.orderStatic;
    }

    /** The decoder {@code <type>}, which must equal a root rule's category. */
    public String type() {
        return this.type;
    }

    public Plugin plugin() {
        return this.plugin;
    }

    public Offset pluginOffset() {
        return this.pluginOffset;
    }

    public boolean useOwnName() {
        return this.useOwnName;
    }

    public JsonNull jsonNull() {
        return this.jsonNull;
    }

    public boolean jsonArrayCsv() {
        return this.jsonArrayCsv;
    }

    public List<String> fts() {
        return this.fts;
    }

    public String ftsComment() {
        return this.ftsComment;
    }

    public boolean accumulate() {
        return this.accumulate;
    }

    /** Whether the next child in the parent's list continues this sibling chain. */
    public boolean getNext() {
        return this.getNext;
    }

    /** For a root: its children in load order (shared by every root with the same name). */
    public List<Decoder> children() {
        return this.children;
    }

    public Path file() {
        return this.file;
    }

    public int line() {
        return this.line;
    }

    @Override
    public String toString() {
        return "decoder [" + this.name + "] at " + this.file + ":" + this.line;
    }
}
