package io.tcpwatch.rules.ruleset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.tcpwatch.rules.regex.CompiledPattern;

/**
 * One {@code <rule>} as loaded: its conditions, correlation options, alert metadata and place in the rule
 * tree. The loader is the only writer; the engine only reads. Runtime state (fired times, correlation
 * history) lives in the engine's session, not here.
 */
public final class Rule {

    /** From this many children on, {@link #childrenFor} keeps the children that can match per decoder. */
    private static final int CHILDREN_INDEXED = 8;

    /** The key of {@link #childrenFor} for an event no decoder matched. */
    private static final Object NO_DECODER = new Object();


    /** The {@code same_*} / {@code different_*} options, by the event value they compare. */
    public enum Correlated {
        SRCIP, DSTIP, SRCPORT, DSTPORT, PROTOCOL, ACTION, ID, URL, DATA, EXTRA_DATA, STATUS, SYSTEM_NAME,
        SRCGEOIP, DSTGEOIP, LOCATION, SRCUSER, USER
    }

    /** A {@code <list>} lookup. */
    public record ListLookup(String field, String lookup, String listPath, CompiledPattern checkValue) {
    }

    /**
     * A {@code <field name="...">} condition.
     *
     * @param key the name in lower case, as dynamic fields are looked up ignoring case
     */
    public record FieldCondition(String name, Expr expr, String key) {

        public FieldCondition(String name, Expr expr) {
            this(name, expr, name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    final int id;

    final Path file;

    final int line;

    int level;

    int frequency;

    int timeframe = 360;

    int ignoreSeconds;

    boolean noalert;

    int maxsize;

    boolean overwrite;

    String category;

    Integer decodedAsId;

    String decodedAs;

    List<Integer> ifSid = List.of();

    String ifGroup;

    CompiledPattern ifGroupMatcher;

    int ifLevel;

    int ifMatchedSid;

    CompiledPattern ifMatchedGroup;

    String ifMatchedGroupText;

    CompiledPattern ifMatchedRegex;

    Expr match;

    Expr regex;

    Expr programName;

    Expr idExpr;

    Expr systemName;

    Expr protocol;

    Expr action;

    Expr url;

    Expr location;

    final List<FieldCondition> fields = new ArrayList<>();

    IpList srcip;

    IpList dstip;

    Expr srcport;

    Expr dstport;

    Expr user;

    Expr srcgeoip;

    Expr dstgeoip;

    TimeWindow time;

    Weekdays weekday;

    Expr data;

    Expr extraData;

    Expr hostname;

    Expr status;

    boolean checkDiff;

    CompiledRule compiledRule;

    boolean ifFts;

    final List<ListLookup> lists = new ArrayList<>();

    final Set<Correlated> same = EnumSet.noneOf(Correlated.class);

    final Set<Correlated> different = EnumSet.noneOf(Correlated.class);

    final List<String> sameFields = new ArrayList<>();

    final List<String> notSameFields = new ArrayList<>();

    boolean globalFrequency;

    String description = "";

    String groupText = "";

    final List<String> groups = new ArrayList<>();

    final Set<String> options = new java.util.LinkedHashSet<>();

    final List<String> mitre = new ArrayList<>();

    final List<String> cve = new ArrayList<>();

    final Map<String, List<String>> infos = new LinkedHashMap<>();

    final List<Rule> children = new ArrayList<>();

    final List<Rule> parents = new ArrayList<>();

    /**
     * Per decoder that decoded an event ({@link #NO_DECODER} for none), the children whose
     * {@code <decoded_as>} does not rule that event out, in evaluation order; created on first use.
     */
    private volatile Map<Object, List<Rule>> childrenByDecoder;

    Rule(int id, Path file, int line) {
        this.id = id;
        this.file = file;
        this.line = line;
    }

    public int id() {
        return this.id;
    }

    public int level() {
        return this.level;
    }

    /** The {@code frequency} attribute as written, 0 when absent. */
    public int frequency() {
        return this.frequency;
    }

    public int timeframe() {
        return this.timeframe;
    }

    public int ignoreSeconds() {
        return this.ignoreSeconds;
    }

    public boolean noalert() {
        return this.noalert;
    }

    public int maxsize() {
        return this.maxsize;
    }

    public String category() {
        return this.category;
    }

    /** The decoder id a {@code <decoded_as>} requires, or {@code null}. */
    public Integer decodedAsId() {
        return this.decodedAsId;
    }

    /** The decoder name of {@code <decoded_as>} as written, or {@code null}. */
    public String decodedAs() {
        return this.decodedAs;
    }

    public List<Integer> ifSid() {
        return this.ifSid;
    }

    public String ifGroup() {
        return this.ifGroup;
    }

    public int ifLevel() {
        return this.ifLevel;
    }

    public int ifMatchedSid() {
        return this.ifMatchedSid;
    }

    public CompiledPattern ifMatchedGroup() {
        return this.ifMatchedGroup;
    }

    public CompiledPattern ifMatchedRegex() {
        return this.ifMatchedRegex;
    }

    public Expr match() {
        return this.match;
    }

    public Expr regex() {
        return this.regex;
    }

    public Expr programName() {
        return this.programName;
    }

    public Expr idExpr() {
        return this.idExpr;
    }

    public Expr systemName() {
        return this.systemName;
    }

    public Expr protocol() {
        return this.protocol;
    }

    public Expr action() {
        return this.action;
    }

    public Expr url() {
        return this.url;
    }

    public Expr location() {
        return this.location;
    }

    public List<FieldCondition> fields() {
        return this.fields;
    }

    public IpList srcip() {
        return this.srcip;
    }

    public IpList dstip() {
        return this.dstip;
    }

    public Expr srcport() {
        return this.srcport;
    }

    public Expr dstport() {
        return this.dstport;
    }

    public Expr user() {
        return this.user;
    }

    public Expr srcgeoip() {
        return this.srcgeoip;
    }

    public Expr dstgeoip() {
        return this.dstgeoip;
    }

    public TimeWindow time() {
        return this.time;
    }

    public Weekdays weekday() {
        return this.weekday;
    }

    public Expr data() {
        return this.data;
    }

    public Expr extraData() {
        return this.extraData;
    }

    public Expr hostname() {
        return this.hostname;
    }

    public Expr status() {
        return this.status;
    }

    /** The {@code <compiled_rule>} check, or {@code null}. */
    public CompiledRule compiledRule() {
        return this.compiledRule;
    }

    public boolean checkDiff() {
        return this.checkDiff;
    }

    public boolean ifFts() {
        return this.ifFts;
    }

    public List<ListLookup> lists() {
        return this.lists;
    }

    public Set<Correlated> same() {
        return this.same;
    }

    public Set<Correlated> different() {
        return this.different;
    }

    public List<String> sameFields() {
        return this.sameFields;
    }

    public List<String> notSameFields() {
        return this.notSameFields;
    }

    public boolean globalFrequency() {
        return this.globalFrequency;
    }

    /** Whether the rule correlates with earlier events ({@code if_matched_*}). */
    public boolean correlates() {
        return this.ifMatchedSid != 0 || this.ifMatchedGroup != null || this.ifMatchedRegex != null;
    }

    /** The description text with {@code $(field)} placeholders unresolved. */
    public String description() {
        return this.description;
    }

    /** Groups in order, including those of the enclosing {@code <group name>}, compliance groups included. */
    public List<String> groups() {
        return this.groups;
    }

    /** The group string as analysisd keeps it: the enclosing {@code name} and every {@code <group>}, joined. */
    public String groupText() {
        return this.groupText;
    }

    public Set<String> options() {
        return this.options;
    }

    public List<String> mitre() {
        return this.mitre;
    }

    public List<String> cve() {
        return this.cve;
    }

    /**
     * The children, in evaluation order, that can match an event decoded by {@code decoder} ({@code null}:
     * none): those without {@code <decoded_as>} or naming that decoder's id. The others fail their first
     * condition, so leaving them out changes no result.
     */
    public List<Rule> childrenFor(Decoder decoder) {
        if (this.children.size() < CHILDREN_INDEXED) {
            return this.children;
        }
        Map<Object, List<Rule>> index = this.childrenByDecoder;
        if (index == null) {
            index = new ConcurrentHashMap<>();
            this.childrenByDecoder = index;
        }
        Object key = decoder == null ? NO_DECODER : decoder;
        List<Rule> kept = index.get(key);
        if (kept == null) {
            List<Rule> candidates = new ArrayList<>();
            for (Rule child : this.children) {
                if (child.decodedAsId == null || (decoder != null && decoder.id() == child.decodedAsId)) {
                    candidates.add(child);
                }
            }
            kept = List.copyOf(candidates);
            index.put(key, kept);
        }
        return kept;
    }

    /** {@code <info type>} values by type. */
    public Map<String, List<String>> infos() {
        return this.infos;
    }

    /** Children in evaluation order (level descending, level 0 first, then load order). */
    public List<Rule> children() {
        return this.children;
    }

    /** The rules this one is a child of. */
    public List<Rule> parents() {
        return this.parents;
    }

    public Path file() {
        return this.file;
    }

    public int line() {
        return this.line;
    }

    @Override
    public String toString() {
        return "rule [" + this.id + "] at " + this.file + ":" + this.line;
    }
}
