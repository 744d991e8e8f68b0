package dev.cxkit.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cx rules}: work with service-recovery policies; the work is in its subcommands. */
@Command(name = "rules",
        mixinStandardHelpOptions = true,
        subcommands = {RulesTestCommand.class},
        description = {"Service-recovery policies (DRL rules and settings): test them against scenarios."})
final class RulesCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
