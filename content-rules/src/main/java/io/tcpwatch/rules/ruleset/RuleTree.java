package io.tcpwatch.rules.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Links rules into analysisd's tree and applies {@code overwrite="yes"}. */
final class RuleTree {

    private RuleTree() {
    }

    /**
     * Makes {@code rule} a child of each {@code if_sid}, else of every rule with a level at or above
     * {@code if_level}, else of every rule whose group string matches {@code if_group}, else of the roots of
     * its category.
     *
     * @param warnings receives links that could not be made while others were
     * @return a problem that prevents linking, or {@code null}
     */
    static String attach(Rule rule, List<Rule> loaded, Map<Integer, Rule> byId, List<Rule> roots,
            List<String> warnings) {
        List<Rule> parents = new ArrayList<>();
        if (!rule.ifSid.isEmpty()) {
            for (int sid : rule.ifSid) {
                Rule parent = byId.get(sid);
                if (parent == null) {
                    warnings.add("<if_sid> names rule [" + sid + "], which is not loaded before this rule;"
                            + " that link is ignored");
                }
                else {
                    parents.add(parent);
                }
            }
            if (parents.isEmpty()) {
                return "no rule named in <if_sid> is loaded before this rule";
            }
        }
        else if (rule.ifLevel > 0) {
            for (Rule candidate : loaded) {
                if (candidate.level >= rule.ifLevel) {
                    parents.add(candidate);
                }
            }
        }
        else if (rule.ifGroupMatcher != null) {
            for (Rule candidate : loaded) {
                if (rule.ifGroupMatcher.matches(candidate.groupText)) {
                    parents.add(candidate);
                }
            }
        }
        else {
            String category = rule.category != null ? rule.category : "syslog";
            for (Rule root : roots) {
                String rootCategory = root.category != null ? root.category : "syslog";
                if (rootCategory.equals(category)) {
                    parents.add(root);
                }
            }
            if (parents.isEmpty()) {
                return "no root rule of category [" + category + "] is loaded";
            }
        }
        for (Rule parent : parents) {
            if (!parent.children.contains(rule)) {
                insert(parent.children, rule);
                rule.parents.add(parent);
            }
        }
        return null;
    }

    /** Level 0 sorts first (analysisd stores it as the highest priority), then higher levels, then load order. */
    private static int priority(Rule rule) {
        return rule.level == 0 ? 99 : rule.level;
    }

    private static void insert(List<Rule> children, Rule rule) {
        int p = priority(rule);
        int at = children.size();
        for (int i = 0; i < children.size(); i++) {
            if (priority(children.get(i)) < p) {
                at = i;
                break;
            }
        }
        children.add(at, rule);
    }

    /**
     * Replaces {@code existing}'s content with {@code replacement}'s, keeping what places it in the tree and
     * in correlation: {@code if_sid}, {@code if_group}, {@code if_level}, {@code if_matched_sid},
     * {@code if_matched_group}, its parents and children.
     */
    static void overwrite(Rule existing, Rule replacement) {
        existing.level = replacement.level;
        existing.frequency = replacement.frequency;
        existing.timeframe = replacement.timeframe;
        existing.ignoreSeconds = replacement.ignoreSeconds;
        existing.noalert = replacement.noalert;
        existing.maxsize = replacement.maxsize;
        existing.decodedAs = replacement.decodedAs;
        existing.decodedAsId = replacement.decodedAsId;
        existing.ifMatchedRegex = replacement.ifMatchedRegex;
        existing.match = replacement.match;
        existing.regex = replacement.regex;
        existing.programName = replacement.programName;
        existing.idExpr = replacement.idExpr;
        existing.systemName = replacement.systemName;
        existing.protocol = replacement.protocol;
        existing.action = replacement.action;
        existing.url = replacement.url;
        existing.location = replacement.location;
        existing.fields.clear();
        existing.fields.addAll(replacement.fields);
        existing.srcip = replacement.srcip;
        existing.dstip = replacement.dstip;
        existing.srcport = replacement.srcport;
        existing.dstport = replacement.dstport;
        existing.user = replacement.user;
        existing.srcgeoip = replacement.srcgeoip;
        existing.dstgeoip = replacement.dstgeoip;
        existing.time = replacement.time;
        existing.weekday = replacement.weekday;
        existing.data = replacement.data;
        existing.extraData = replacement.extraData;
        existing.hostname = replacement.hostname;
        existing.status = replacement.status;
        existing.checkDiff = replacement.checkDiff;
        existing.compiledRule = replacement.compiledRule;
        existing.ifFts = replacement.ifFts;
        existing.lists.clear();
        existing.lists.addAll(replacement.lists);
        existing.same.clear();
        existing.same.addAll(replacement.same);
        existing.different.clear();
        existing.different.addAll(replacement.different);
        existing.sameFields.clear();
        existing.sameFields.addAll(replacement.sameFields);
        existing.notSameFields.clear();
        existing.notSameFields.addAll(replacement.notSameFields);
        existing.globalFrequency = replacement.globalFrequency;
        existing.description = replacement.description;
        existing.groupText = replacement.groupText;
        existing.groups.clear();
        existing.groups.addAll(replacement.groups);
        existing.options.clear();
        existing.options.addAll(replacement.options);
        existing.mitre.clear();
        existing.mitre.addAll(replacement.mitre);
        existing.cve.clear();
        existing.cve.addAll(replacement.cve);
        existing.infos.clear();
        existing.infos.putAll(replacement.infos);
    }
}
