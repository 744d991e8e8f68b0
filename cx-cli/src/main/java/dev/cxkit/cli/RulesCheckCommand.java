package dev.cxkit.cli;

import dev.cxkit.rules.engine.Policy;
import dev.cxkit.rules.engine.PolicyCompilationException;
import dev.cxkit.rules.engine.PolicyLint;
import dev.cxkit.rules.engine.PolicyProblem;
import dev.cxkit.rules.engine.PolicySource;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cx rules check}: compiles and lints a policy and lists every problem with its file and line. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = {"Compile and lint a policy; list every error and warning with its file and line.",
            "Prints every compile error, compiler warning and lint warning "
            + "(dangerous calls such as System.exit, file or network I/O, reflection, threads, printing; a rule that "
            + "modifies a fact it matches without no-loop) as file:line: rule \"name\": message, then a summary "
            + "line: N rules, E errors, W warnings.",
            "Lint is a guard against accidents, not a security boundary: policies are trusted code."},
        footer = {"", "Exit codes: 0 the policy compiles (warnings do not fail), 1 it has errors, 2 usage error or "
            + "unreadable directory.",
            "", "Examples:", "  cx rules check my-policy/", "  cx rules check restaurant", "  cx rules check eu261"})
final class RulesCheckCommand implements Callable<Integer> {

    private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+(\"[^\"]*\"|'[^']*'|\\S+)");

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "1",
            description = "A directory of .drl files with an optional settings.properties, or the name of a bundled "
                    + "pack (restaurant, eu261). A directory of that name wins over the pack.")
    private String dir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PolicySource source = Policies.load(dir);
        List<PolicyProblem> problems = new ArrayList<>();
        int rules;
        try (Policy policy = Policy.compile(source)) {
            problems.addAll(policy.warnings());
            rules = policy.ruleNames().size();
        } catch (PolicyCompilationException e) {
            problems.addAll(e.problems());
            rules = declaredRules(source);
        }
        problems.addAll(PolicyLint.lint(source));
        List<String> order = source.fileNames();
        problems.sort(Comparator.comparingInt((PolicyProblem p) -> fileIndex(order, source.name(), p.file()))
                .thenComparingInt(PolicyProblem::line));
        long errors = problems.stream().filter(PolicyProblem::error).count();
        long warnings = problems.size() - errors;
        for (PolicyProblem problem : problems) {
            out.println(problem);
        }
        out.printf(Locale.ROOT, "%s, %s, %s (%s: %s)%n", plural(rules, "rule"), plural(errors, "error"),
                plural(warnings, "warning"), source.name(), plural(source.files().size(), "file"));
        out.flush();
        return errors > 0 ? Cx.EXIT_REJECTED : 0;
    }

    /** Counts rule declarations in the text, for a policy that does not compile. */
    private static int declaredRules(PolicySource source) {
        int n = 0;
        for (Map.Entry<String, String> file : source.files().entrySet()) {
            Matcher m = RULE.matcher(file.getValue());
            while (m.find()) {
                n++;
            }
        }
        return n;
    }

    /** Orders problems by the policy's file order, then by line; problems of no known file go last. */
    private static int fileIndex(List<String> files, String policy, String file) {
        for (int i = 0; i < files.size(); i++) {
            if (file.equals(policy + "/" + files.get(i)) || file.equals(files.get(i))) {
                return i;
            }
        }
        return files.size();
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
