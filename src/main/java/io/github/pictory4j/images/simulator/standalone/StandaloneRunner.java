package io.github.pictory4j.images.simulator.standalone;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar pictory-images-VERSION-simulator-standalone.jar --port 0}: the Pictory simulator as a
 * process of its own, for tests in any language. It prints one line, with its base URL and key, and runs
 * until it is stopped (Ctrl-C, or any termination signal), when it closes its port.
 */
public final class StandaloneRunner {

    /** The line it prints once listening; scripts read the URL and the key from it. */
    static final String STARTED = "Pictory simulator at %s with key %s (Ctrl-C stops it)";

    private StandaloneRunner() {
    }

    public static void main(String[] args) throws InterruptedException {
        RunnerArguments arguments;
        PictorySimulatorServer server;
        try {
            arguments = RunnerArguments.parse(List.of(args));
            if (arguments.help()) {
                System.out.println(RunnerArguments.USAGE);
                return;
            }
            server = start(arguments);
        } catch (RuntimeException e) { // a wrong argument or setting, or a port in use: said in one line
            fail(System.err, e.getMessage());
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "pictory-simulator-stop"));
        System.out.println(String.format(STARTED, server.baseUrl(), server.apiKey()));
        System.out.flush();
        stopped.await();
    }

    private static PictorySimulatorServer start(RunnerArguments arguments) {
        PictorySimulatorServer.Builder builder = PictorySimulatorServer.builder().port(arguments.port());
        arguments.apiKey().ifPresent(builder::apiKey);
        arguments.settings().forEach(builder::setting);
        return builder.start();
    }

    private static void fail(PrintStream err, String problem) {
        err.println("pictory simulator: " + problem);
        System.exit(2);
    }
}
