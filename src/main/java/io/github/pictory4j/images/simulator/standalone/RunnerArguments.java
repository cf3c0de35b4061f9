package io.github.pictory4j.images.simulator.standalone;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The standalone runner's command line, read.
 *
 * @param help     whether to print {@link #USAGE} and stop
 * @param port     the port; 0 for a free one
 * @param apiKey   the key; empty for a random one
 * @param settings the simulator's settings given
 */
record RunnerArguments(boolean help, int port, Optional<String> apiKey, Map<String, String> settings) {

    static final String USAGE = """
            Usage: java -jar pictory-images-VERSION-simulator-standalone.jar [options]
            Runs the Pictory simulator on 127.0.0.1 until stopped (Ctrl-C), and prints its base URL and key.
              --port N              the port to listen on; 0, the default, for a free one
              --key KEY             the key it accepts; a random pictai_sim_… key by default
              --job-duration D      how long jobs stay in progress, such as 0s, 200ms or 3s (the default)
              --set NAME=VALUE      any other setting of the simulator, such as pictory.simulator.max-jobs=100
              --help                this text""";

    RunnerArguments {
        settings = Map.copyOf(settings);
    }

    /** @throws IllegalArgumentException naming the argument that is wrong, and what to write */
    static RunnerArguments parse(List<String> arguments) {
        int port = 0;
        Optional<String> key = Optional.empty();
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            String option = arguments.get(i);
            if (option.equals("--help") || option.equals("-h")) {
                return new RunnerArguments(true, 0, Optional.empty(), Map.of());
            }
            String value = valueOf(arguments, ++i, option);
            switch (option) {
                case "--port" -> port = port(value);
                case "--key" -> key = Optional.of(value);
                case "--job-duration" -> settings.put("pictory.simulator.job-duration", value);
                case "--set" -> {
                    int equals = value.indexOf('=');
                    if (equals < 1) {
                        throw new IllegalArgumentException("--set takes NAME=VALUE, such as"
                                + " pictory.simulator.max-jobs=100, not " + value);
                    }
                    settings.put(value.substring(0, equals), value.substring(equals + 1));
                }
                default -> throw new IllegalArgumentException("unknown option " + option + " (--help lists them)");
            }
        }
        return new RunnerArguments(false, port, key, settings);
    }

    private static String valueOf(List<String> arguments, int index, String option) {
        if (index >= arguments.size() || arguments.get(index).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value (--help lists the options)");
        }
        return arguments.get(index);
    }

    private static int port(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port takes a number from 0 (a free port) to 65535, not " + value);
        }
    }
}
