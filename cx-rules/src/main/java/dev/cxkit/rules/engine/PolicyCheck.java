package dev.cxkit.rules.engine;

import java.util.List;
import java.util.Objects;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;

/**
 * What checking a policy found, without running any of it: compile errors and warnings, the
 * {@link PolicyLint} findings and the settings' problems, each with its file and line. This is
 * {@code cx rules check} and a CI gate: no rule's consequence or condition runs, so a rule that
 * would stop the JVM, write a file or never return is reported, not executed.
 *
 * <pre>{@code
 * PolicyCheck check = PolicyCheck.of(PolicySource.directory(Path.of("my-policy")));
 * check.problems().forEach(System.out::println);   // file:line: rule "name": message
 * if (!check.passed()) { ... }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param policy the policy's name
 * @param rules how many rules it declares
 * @param files how many DRL files it has
 * @param problems every error and warning, in file and line order
 * @since 0.1.0
 */
public record PolicyCheck(String policy, int rules, int files, List<PolicyProblem> problems) {

    /**
     * Copies the problems.
     *
     * @throws NullPointerException if the policy or problems are null
     */
    public PolicyCheck {
        Objects.requireNonNull(policy, "policy");
        problems = List.copyOf(problems);
    }

    /**
     * Checks a policy: compiles it (which runs none of its code), lints it and checks its settings.
     *
     * @param source the policy's text
     * @return what was found
     */
    public static PolicyCheck of(PolicySource source) {
        Objects.requireNonNull(source, "source");
        if (source.files().isEmpty()) {
            return new PolicyCheck(source.name(), 0, 0, List.of(new PolicyProblem(source.name(), 0, null,
                    "no DRL files", true)));
        }
        try {
            PolicyCompiler.Compiled compiled = PolicyCompiler.compile(source);
            return new PolicyCheck(source.name(), ruleCount(compiled.kieBase()), source.files().size(),
                    compiled.warnings());
        } catch (PolicyCompilationException e) {
            return new PolicyCheck(source.name(), CompilerMessages.declaredRules(source).size(), source.files().size(),
                    e.problems());
        }
    }

    /** Returns how many problems are errors. */
    public long errors() {
        return problems.stream().filter(PolicyProblem::error).count();
    }

    /** Returns how many problems are warnings. */
    public long warnings() {
        return problems.size() - errors();
    }

    /** Returns whether the policy can be used: no errors (warnings do not fail it). */
    public boolean passed() {
        return errors() == 0;
    }

    private static int ruleCount(KieBase kieBase) {
        int n = 0;
        for (KiePackage pkg : kieBase.getKiePackages()) {
            n += pkg.getRules().size() - pkg.getQueries().size(); // Drools lists queries among the rules
        }
        return n;
    }

}
