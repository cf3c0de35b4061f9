package io.github.pictory4j.images.bench;

import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs JMH with its usual command line, then prints the summary table ({@link BenchReport}) from the
 * JSON result file ({@code -rf json -rff FILE}). Listing and help options go straight to JMH;
 * {@code --report FILE} only prints the table of an earlier run.
 */
public final class BenchMain {

    private static final Set<String> JMH_ONLY = Set.of("-h", "-l", "-lp", "-lrf", "-lprof");

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--report")) {
            System.exit(BenchReport.print(Path.of(args.length > 1 ? args[1] : "target/jmh-result.json")));
        }
        if (List.of(args).stream().anyMatch(JMH_ONLY::contains)) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        CommandLineOptions options = new CommandLineOptions(args);
        boolean json = options.getResultFormat().hasValue() && options.getResultFormat().get() == ResultFormatType.JSON
                && options.getResult().hasValue();
        ChainedOptionsBuilder run = new OptionsBuilder().parent(options);
        if (json) {
            // The forks write the stub's own allocation next to the result file, for the table.
            List<String> append = new ArrayList<>(options.getJvmArgsAppend().orElse(List.of()));
            append.add("-D" + ModuleOverheadBenchmark.STUB_FILE_PREFIX + "="
                    + BenchReport.stubFilePrefix(Path.of(options.getResult().get())));
            run.jvmArgsAppend(append.toArray(String[]::new));
        }
        new Runner(run.build()).run();
        if (!json) {
            System.out.println("No summary table: run with -rf json -rff FILE to get one.");
            return;
        }
        System.exit(BenchReport.print(Path.of(options.getResult().get())));
    }
}
