package dev.cxkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The {@code cx} command itself: its help, version, the bare command, and the global options. */
class CxTest {

    /** Every command a user runs, by its qualified name. */
    private static List<CommandSpec> commands() {
        List<CommandSpec> out = new ArrayList<>();
        collect(Cx.commandLine(System.in), out);
        return out;
    }

    private static void collect(CommandLine cmd, List<CommandSpec> out) {
        out.add(cmd.getCommandSpec());
        cmd.getSubcommands().values().stream().filter(c -> !c.getCommandName().equals("help"))
                .forEach(c -> collect(c, out));
    }

    @Test
    void everyCommandHasAnExampleAndEveryOptionSaysItsDefault() {
        List<CommandSpec> commands = commands();
        assertThat(commands).extracting(CommandSpec::qualifiedName).contains("cx score", "cx compare",
                "cx sample-size", "cx recover", "cx rules check", "cx rules test", "cx journeys", "cx report",
                "cx sample");
        List<String> withoutExample = new ArrayList<>();
        List<String> withoutDefault = new ArrayList<>();
        for (CommandSpec command : commands) {
            String help = new CommandLine(command).getUsageMessage();
            if (!help.matches("(?s).*Examples?:\\R  cx .*")) {
                withoutExample.add(command.qualifiedName());
            }
            // a required argument has no default to state
            List<ArgSpec> args = new ArrayList<>(command.positionalParameters().stream()
                    .filter(p -> p.arity().min() == 0).toList());
            for (OptionSpec option : command.options()) {
                if (!option.usageHelp() && !option.versionHelp() && !option.required()) {
                    args.add(option);
                }
            }
            for (ArgSpec arg : args) {
                if (!String.join(" ", arg.description()).contains("Default:")) {
                    withoutDefault.add(command.qualifiedName() + " " + (arg.isOption()
                            ? ((OptionSpec) arg).longestName() : arg.paramLabel()));
                }
            }
        }
        assertThat(withoutDefault).as("options whose help does not say their default").isEmpty();
        assertThat(withoutExample).as("commands whose help has no example").isEmpty();
    }

    @Test
    void theTopLevelHelpTellsWhatTheCommandDoesAndWhereToStart() {
        CliRun help = CliRun.run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("report", "score", "journeys", "recover", "rules", "sample", "cx report",
                "cx sample --size").contains("Examples:");
        CliRun bare = CliRun.run();
        assertThat(bare.exit()).isEqualTo(Cx.EXIT_USAGE);
        assertThat(bare.err()).contains("cx report").doesNotContain("Exception");
        CliRun version = CliRun.run("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("cx ");
    }

    @Test
    void quietSilencesInformationButNotProblemsWhereverItIsGiven() {
        assertThat(CliRun.run("score").err()).startsWith("cx: no FILE given");
        assertThat(CliRun.run("--quiet", "score").err()).isEmpty();
        assertThat(CliRun.run("score", "-q").err()).isEmpty();
        assertThat(CliRun.run("journeys", "--quiet", "--format", "json").err()).isEmpty();
        CliRun recover = CliRun.run("-q", "recover", "--format", "json");
        assertThat(recover.exit()).isZero();
        assertThat(recover.err()).isEmpty();
        CliRun bad = CliRun.withStdin("metric,score\nnps,11\n", "--quiet", "score", "-");
        assertThat(bad.err()).contains("stdin line 2: score 11 is outside 0..10");
    }
}
