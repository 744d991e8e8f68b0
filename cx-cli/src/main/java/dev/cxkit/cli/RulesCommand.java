package dev.cxkit.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cx rules}: commands for rule authors, run on a policy directory or a bundled pack. */
@Command(name = "rules",
        mixinStandardHelpOptions = true,
        subcommands = {RulesCheckCommand.class, RulesTestCommand.class, RulesDiffCommand.class},
        description = {"Commands for rule authors: check a policy (DRL files and settings.properties), test it "
            + "against scenarios, and see what a change would have done to past incidents."},
        footer = {"", "Examples:", "  cx rules check restaurant",
            "  cx rules test my-policy/ --scenarios my-policy/scenarios",
            "  cx rules diff restaurant my-policy/ --incidents last-month.jsonl"})
final class RulesCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Cx parent;

    /** The standard input the commands read for {@code -}. */
    java.io.InputStream stdin() {
        return parent.stdin();
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
