package dev.cxkit.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cx rules}: commands for rule authors, run on a policy directory or a bundled pack. */
@Command(name = "rules",
        mixinStandardHelpOptions = true,
        subcommands = {RulesCheckCommand.class, RulesTestCommand.class},
        description = {"Commands for rule authors: check a policy (DRL files and settings.properties) and test it "
            + "against scenarios."},
        footer = {"", "Examples:", "  cx rules check restaurant",
            "  cx rules test my-policy/ --scenarios my-policy/scenarios"})
final class RulesCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
