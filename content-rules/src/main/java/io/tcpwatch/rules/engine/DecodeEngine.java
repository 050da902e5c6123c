package io.tcpwatch.rules.engine;

import java.util.List;

import io.tcpwatch.rules.regex.PatternMatch;
import io.tcpwatch.rules.ruleset.Decoder;
import io.tcpwatch.rules.ruleset.LoadedRuleset;
import io.tcpwatch.rules.ruleset.StaticField;

/**
 * Decoding as analysisd's DecodeEvent does it: the first root decoder whose {@code program_name} and
 * {@code prematch} pass is final; among its children the first whose prematch passes (or that has none) is
 * chosen, then its sibling chain extracts fields.
 */
final class DecodeEngine {

    /** Dynamic fields beyond this many are dropped, as analysisd.decoder_order_size does. */
    static final int MAX_FIELDS = 256;

    private DecodeEngine() {
    }

    static void decode(Event event, LoadedRuleset ruleset) {
        boolean hasProgram = event.programName != null;
        String log = event.log;
        List<Decoder> roots = ruleset.candidateRoots(hasProgram ? event.programName : null, log);
        for (Decoder root : roots) {
            int pmatch = 0;
            if (root.prematch() != null) {
                PatternMatch m = root.prematch().match(log);
                if (m == null) {
                    continue;
                }
                pmatch = clamp(m.end(), log);
            }
            else if (!hasProgram) {
                continue;
            }
            event.decoder = root;
            event.afterPrematch = pmatch;
            runChildren(event, root, log, pmatch);
            return;
        }
    }

    private static void runChildren(Event event, Decoder root, String log, int pmatch) {
        List<Decoder> children = root.children();
        int index;
        int cmatch = pmatch;
        List<Decoder> chain;
        if (children.isEmpty()) {
            chain = List.of(root);
            index = 0;
        }
        else {
            chain = children;
            index = -1;
            int i = 0;
            while (i < children.size()) {
                Decoder child = children.get(i);
                if (child.prematch() == null) {
                    index = i;
                    break;
                }
                int from = child.prematchAfterParent() ? pmatch : 0;
                PatternMatch m = child.prematch().match(log, from);
                if (m != null) {
                    cmatch = clamp(m.end(), log);
                    event.decoder = child;
                    event.afterParent = pmatch;
                    event.afterPrematch = cmatch;
                    index = i;
                    break;
                }
                if (child.getNext()) {
                    do {
                        i++;
                    } while (i < children.size() && children.get(i).getNext());
                    if (i >= children.size()) {
                        return;
                    }
                }
                i++;
            }
            if (index < 0) {
                return;
            }
        }
        int regexPrev = -1;
        while (index < chain.size()) {
            Decoder node = chain.get(index);
            if (node.plugin() == Decoder.Plugin.JSON_DECODER) {
                int from = switch (node.pluginOffset()) {
                    case AFTER_PARENT -> event.afterParent >= 0 ? event.afterParent : pmatch;
                    case AFTER_PREMATCH -> event.afterPrematch >= 0 ? event.afterPrematch : pmatch;
                    default -> 0;
                };
                JsonDecoder.decode(event, node, log.substring(Math.min(from, log.length())));
            }
            else if (node.regex() != null) {
                int from = switch (node.regexOffset()) {
                    case AFTER_PARENT -> pmatch;
                    case AFTER_PREMATCH -> cmatch;
                    case AFTER_REGEX -> regexPrev < 0 ? cmatch : regexPrev;
                    case NONE -> 0;
                };
                PatternMatch m = node.regex().match(log, Math.min(from, log.length()));
                if (m == null) {
                    if (node.getNext() && index + 1 < chain.size()) {
                        index++;
                        continue;
                    }
                    return;
                }
                regexPrev = clamp(m.end(), log);
                assign(event, node, m.groups());
            }
            else if (node.plugin() == null) {
                return;
            }
            if (node.getNext() && index + 1 < chain.size()) {
                index++;
            }
            else {
                return;
            }
        }
    }

    private static int clamp(int offset, String log) {
        return Math.max(0, Math.min(offset, log.length()));
    }

    private static void assign(Event event, Decoder decoder, List<String> groups) {
        List<String> order = decoder.order();
        List<StaticField> statics = decoder.orderStatic();
        for (int i = 0; i < groups.size() && i < order.size(); i++) {
            String value = groups.get(i);
            String name = order.get(i);
            if (value == null || name.isEmpty()) {
                continue;
            }
            StaticField field = statics.get(i);
            if (field != null) {
                event.set(field, value);
            }
            else if (event.dynamic.size() < MAX_FIELDS) {
                event.addDynamic(name, value);
            }
        }
    }
}
