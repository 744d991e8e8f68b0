package dev.cxkit.rules.engine;

import dev.cxkit.core.io.DocumentFields;
import dev.cxkit.rules.fact.PolicySettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a policy's settings against what its rules read, before any rule runs: every key a rule
 * reads by its literal name ({@code settings.minutes("wait.small.maxOverrunMinutes")}) must exist
 * and parse as what the rule reads it as, and a key no rule reads is a warning (a misspelt
 * override has no effect otherwise). The values are parsed by {@link PolicySettings} itself, so
 * the check and the decision agree. Stateless.
 */
final class SettingsCheck {

    /**
     * A read of a setting in a rule: {@code settings.KIND("KEY")} through the global, or through a
     * variable bound to the settings fact ({@code $s : PolicySettings()}); without a literal key,
     * the key is computed at run time.
     */
    private static final String READ = "\\s*\\.\\s*(minutes|integer|decimal|money|text)\\s*\\(\\s*"
            + "(\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\))?";
    private static final Pattern SETTINGS_BINDING = Pattern.compile("(\\$\\w+)\\s*:\\s*PolicySettings\\s*\\(");

    /**
     * One literal read of a setting.
     *
     * @param file the DRL file, as problems name it
     * @param line its line
     * @param rule the rule that reads it, or null
     * @param kind minutes, integer, decimal, money or text
     * @param key the key
     */
    private record Read(String file, int line, String rule, String kind, String key) {
    }

    private SettingsCheck() {
    }

    /**
     * Checks a policy's own settings.
     *
     * @param source the policy
     * @return errors (a key read but missing or malformed) and warnings (a key never read)
     */
    static List<PolicyProblem> check(PolicySource source) {
        return check(source, source.settings());
    }

    /**
     * Checks settings (a policy's own, or an overlay merged into them) against the policy's rules.
     *
     * @param source the policy whose rules read the settings
     * @param settings the settings to check
     * @return errors (a key read but missing or malformed) and warnings (a key never read)
     */
    static List<PolicyProblem> check(PolicySource source, PolicySettings settings) {
        List<Read> reads = new ArrayList<>();
        boolean computedKeys = reads(source, reads);
        List<PolicyProblem> out = new ArrayList<>();
        Map<String, Read> firstRead = new LinkedHashMap<>();
        for (Read read : reads) {
            firstRead.putIfAbsent(read.key(), read);
            if (!settings.values().containsKey(read.key())) {
                String near = DocumentFields.closest(read.key(), settings.values().keySet());
                out.add(new PolicyProblem(read.file(), read.line(), read.rule(), "reads setting '" + read.key()
                        + "', which " + settings.source() + " does not have"
                        + (near == null ? "" : " (did you mean '" + near + "'?)"), true));
            }
        }
        for (Read read : firstRead.values()) {
            if (settings.values().containsKey(read.key())) {
                parse(settings, read, (line, reason) -> out.add(new PolicyProblem(settings.source(), line,
                        null, reason + " (read by rule \"" + read.rule() + "\" as " + read.kind() + ")", true)));
            }
        }
        if (settings.values().containsKey(PolicySettings.FLIGHT_REQUIRED)) {
            try {
                settings.requiredFlightFields();
            } catch (IllegalArgumentException e) {
                int line = settings.line(PolicySettings.FLIGHT_REQUIRED);
                String prefix = settings.source() + (line > 0 ? ":" + line : "") + ": ";
                out.add(new PolicyProblem(settings.source(), line, null, e.getMessage().startsWith(prefix)
                        ? e.getMessage().substring(prefix.length()) : e.getMessage(), true));
            }
        }
        if (!computedKeys) {
            for (String key : settings.values().keySet()) {
                if (!firstRead.containsKey(key) && !key.equals(PolicySettings.CURRENCY)
                        && !key.equals(PolicySettings.FLIGHT_REQUIRED)) {
                    String near = DocumentFields.closest(key, firstRead.keySet());
                    out.add(new PolicyProblem(settings.source(), settings.line(key), null, key
                            + ": no rule reads this setting, so it changes nothing"
                            + (near == null ? "" : " (did you mean '" + near + "', which rule \""
                                    + firstRead.get(near).rule() + "\" reads?)"), false));
                }
            }
        }
        return out;
    }

    /** Collects the literal reads; returns whether some rule computes a key (then none is "unused"). */
    private static boolean reads(PolicySource source, List<Read> out) {
        boolean computed = false;
        for (Map.Entry<String, String> file : source.files().entrySet()) {
            String text = PolicyLint.stripComments(file.getValue());
            StringBuilder names = new StringBuilder("\\bsettings");
            Matcher bound = SETTINGS_BINDING.matcher(text);
            while (bound.find()) {
                names.append("|").append(Pattern.quote(bound.group(1)));
            }
            Matcher m = Pattern.compile("(?:" + names + ")" + READ).matcher(text);
            while (m.find()) {
                if (m.group(2) == null) {
                    computed = true;
                    continue;
                }
                int line = PolicyLint.lineOf(text, m.start());
                out.add(new Read(source.name() + "/" + file.getKey(), line,
                        PolicyCompiler.enclosingRule(file.getValue(), line), m.group(1), m.group(3)));
            }
        }
        return computed;
    }

    /** Parses one setting as its rule reads it; reports the reason without the file and line prefix. */
    private static void parse(PolicySettings settings, Read read, BiConsumer<Integer, String> problem) {
        try {
            switch (read.kind()) {
                case "minutes" -> settings.minutes(read.key());
                case "integer" -> settings.integer(read.key());
                case "decimal" -> settings.decimal(read.key());
                case "money" -> settings.money(read.key());
                default -> settings.text(read.key());
            }
        } catch (IllegalArgumentException e) {
            int line = settings.line(read.key());
            String prefix = settings.source() + (line > 0 ? ":" + line : "") + ": ";
            String message = e.getMessage();
            problem.accept(line, message.startsWith(prefix) ? message.substring(prefix.length()) : message);
        }
    }

}
