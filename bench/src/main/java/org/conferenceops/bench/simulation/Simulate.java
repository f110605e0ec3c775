package org.conferenceops.bench.simulation;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.conferenceops.bench.Options;
import org.conferenceops.bench.StackEndpoints;

/**
 * {@code ./conference-ops simulate}: plays a ministerial against the running stack and prints the cross-check.
 * Exit status 0 when every check passed, 1 when one failed, 2 for bad options or an unreachable stack.
 */
public final class Simulate {

    private static final Set<String> OPTIONS = Set.of("stack-file", "delegations", "per-delegation", "concurrency",
            "conference", "settle-timeout", "help");

    private Simulate() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        Options options;
        SimulationSettings settings;
        StackEndpoints stack;
        try {
            options = Options.parse(args, OPTIONS);
            if (options.flag("help")) {
                out.println(usage());
                return 0;
            }
            SimulationSettings sized = SimulationSettings.sized(options.integer("delegations", 5));
            settings = new SimulationSettings(options.text("conference", sized.conferenceId()),
                    sized.delegations(), options.integer("per-delegation", sized.delegatesPerDelegation()),
                    options.integer("concurrency", sized.concurrency()),
                    options.duration("settle-timeout", sized.settleTimeout()));
            stack = options.endpoints();
        }
        catch (RuntimeException e) {
            err.println("simulate: " + e.getMessage());
            err.println(usage());
            return 2;
        }
        out.println("Simulating a ministerial of " + settings.delegations() + " delegations x "
                + settings.delegatesPerDelegation() + " delegates against " + stack.registration().getHost() + " ("
                + settings.conferenceId() + ")");
        try {
            SimulationReport report = new MinisterialSimulation(stack, settings, out::println).run();
            out.println();
            out.println(report.render());
            return report.passed() ? 0 : 1;
        }
        catch (RuntimeException e) {
            err.println("simulate: the run stopped: " + e.getMessage());
            return 1;
        }
    }

    static String usage() {
        return """
                usage: ./conference-ops simulate [--delegations=N] [--per-delegation=N] [--concurrency=N]
                                                 [--conference=ID] [--settle-timeout=SECONDS] [--stack-file=PATH]
                                                 [--registration=URL --session=URL --pledge=URL --notification=URL
                                                  --token=URL --inbox=URL]
                  --delegations     5 (smoke) .. 193 member states; 190 with 16 each is ~3,000 delegates
                  --per-delegation  delegates per delegation (6 below 10 delegations, 10 below 100, else 16)
                  addresses default to the running local stack's stack.json""";
    }
}
