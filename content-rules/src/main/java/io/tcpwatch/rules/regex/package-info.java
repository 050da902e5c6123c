/**
 * Wazuh 4.x's three pattern matchers, with Wazuh's results: OS_Regex, OS_Match and PCRE2.
 *
 * <p>Compile with {@link io.tcpwatch.rules.regex.Patterns#compile} (decoder {@code <regex>}, groups captured)
 * or {@link io.tcpwatch.rules.regex.Patterns#compileWithoutCaptures} (decoder {@code <prematch>} and
 * {@code <program_name>}, every rule element), once per pattern; a
 * {@link io.tcpwatch.rules.regex.CompiledPattern} is immutable, thread-safe, and allocates nothing on a
 * call that does not match. {@link io.tcpwatch.rules.regex.PatternMatch#end()} is where a decoder continues
 * ({@code after_prematch}, {@code after_regex}); {@link io.tcpwatch.rules.regex.PatternMatch#last()} is the
 * pointer Wazuh's matcher itself returns. A pattern a matcher rejects throws
 * {@link io.tcpwatch.rules.regex.PatternSyntaxError}, whose message names the matcher, the pattern and the
 * problem.
 *
 * <ul>
 *   <li>{@code OsRegex} reproduces OS_Regex's scan exactly, quirks included: lazy {@code +}/{@code *} with
 *       four backtrack points, early end pointers, adjacent groups that never match, the two compile modes,
 *       non-ASCII pattern characters that never match.</li>
 *   <li>{@code OsMatch} reproduces OS_Match: {@code ^ $ | !}, ASCII case folding, no escapes.</li>
 *   <li>{@code Pcre2Pattern} translates PCRE2 (as Wazuh compiles it: no options, so case-sensitive and
 *       byte-oriented unless the pattern starts with {@code (*UTF)}) to {@code java.util.regex}; its Javadoc
 *       lists what does not behave identically and what is rejected.</li>
 * </ul>
 *
 * <p>The tests compare with Wazuh's own answers: the 517 cases of Wazuh 4.14.7's OS_Regex unit test as Wazuh
 * itself ran them, a recorded corpus of random cases from Wazuh's compiled matchers and libpcre2 10.42, and
 * every pattern of the shipped ruleset, which must compile.
 */
package io.tcpwatch.rules.regex;
