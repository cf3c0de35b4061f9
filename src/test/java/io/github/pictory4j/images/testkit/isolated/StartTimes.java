package io.github.pictory4j.images.testkit.isolated;

import io.github.pictory4j.images.simulator.standalone.PictorySimulatorServer;

/**
 * Times starts of the simulator in this JVM (src/load/standalone-start.sh): the first loads the runtime (and,
 * from the simulator-standalone jar, extracts it unless a previous run did), the others reuse it.
 */
public final class StartTimes {

    private StartTimes() {
    }

    public static void main(String[] args) {
        int starts = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        for (int i = 1; i <= starts; i++) {
            long began = System.nanoTime();
            PictorySimulatorServer server = PictorySimulatorServer.start();
            long started = System.nanoTime();
            server.close();
            System.out.printf("start %d: %d ms, close: %d ms%n", i, (started - began) / 1_000_000,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }
}
