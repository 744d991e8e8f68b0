package dev.cxkit.cli;

import dev.cxkit.rules.engine.PolicyCheck;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cx rules check}: compiles and lints a policy and lists every problem with its file and line. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = {"Compile and lint a policy without running any of it; list every error and warning with its "
            + "file and line.",
            "Prints every compile error, compiler warning and lint finding as file:line: rule \"name\": message, then "
            + "a summary line: N rules, E errors, W warnings. Errors: what does not compile, and calls that stop "
            + "the host or start a program (System.exit, Runtime, ProcessBuilder) unless the rule says // lint: "
            + "allow: <why>. Warnings: reflection, file or network I/O, threads, printing, while (true), and a rule "
            + "that modifies a fact so that it may match again.",
            "No rule is executed: a policy that would stop the JVM, write a file or never return is reported, not run. "
            + "Lint is a guard against accidents, not a security boundary: policies are trusted code."},
        footer = {"", "Exit codes: 0 the policy compiles (warnings do not fail), 1 it has errors, 2 usage error or "
            + "unreadable directory.",
            "", "Examples:", "  cx rules check my-policy/", "  cx rules check restaurant", "  cx rules check eu261"})
final class RulesCheckCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "1",
            description = "A directory of .drl files with an optional settings.properties, or the name of a bundled "
                    + "pack (restaurant, eu261). A directory of that name wins over the pack.")
    private String dir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PolicyCheck check = PolicyCheck.of(Policies.load(dir));
        check.problems().forEach(out::println);
        out.printf(Locale.ROOT, "%s, %s, %s (%s: %s)%n", plural(check.rules(), "rule"), plural(check.errors(), "error"),
                plural(check.warnings(), "warning"), check.policy(), plural(check.files(), "file"));
        out.flush();
        return check.passed() ? 0 : Cx.EXIT_REJECTED;
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
