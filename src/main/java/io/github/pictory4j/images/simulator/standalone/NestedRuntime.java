package io.github.pictory4j.images.simulator.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The simulator, its host and their runtime (RESTEasy, Undertow, SmallRye Config, Parsson, the Jakarta
 * APIs) nested in the {@code simulator-standalone} jar under {@value #INDEX}: {@code classes/} and
 * {@code lib/*.jar}. They are extracted once to a directory named after their contents (names, sizes
 * and checksums), which later runs and other JVMs reuse, and loaded by a class loader whose parent is the
 * platform's: nothing of the test's class path (its own RESTEasy, Jackson, JSON-P) reaches them, nor they it.
 *
 * @param jar     the standalone jar
 * @param entries its nested entries, files only
 */
record NestedRuntime(Path jar, List<JarEntry> entries) {

    /** Where the nested runtime sits in the jar. */
    static final String INDEX = "META-INF/pictory-simulator/";

    /** The runtime nested in the jar this class was loaded from; empty when loaded from a directory. */
    static Optional<NestedRuntime> find() {
        CodeSource source = NestedRuntime.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return Optional.empty();
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(location)) {
                return Optional.empty();
            }
            try (JarFile jar = new JarFile(location.toFile())) {
                List<JarEntry> nested = jar.stream()
                        .filter(entry -> entry.getName().startsWith(INDEX) && !entry.isDirectory()).toList();
                return nested.isEmpty() ? Optional.empty() : Optional.of(new NestedRuntime(location, nested));
            }
        } catch (URISyntaxException | IllegalArgumentException | IOException e) {
            throw new IllegalStateException("Cannot read the simulator's jar at " + source.getLocation() + ": " + e, e);
        }
    }

    /** The class loader of the runtime, extracted under {@code java.io.tmpdir}. */
    ClassLoader classLoader() {
        Path home = extractedUnder(Path.of(System.getProperty("java.io.tmpdir")));
        List<URL> path = new ArrayList<>();
        try {
            path.add(home.resolve("classes").toUri().toURL());
            try (Stream<Path> jars = Files.list(home.resolve("lib"))) {
                for (Path lib : jars.sorted().toList()) {
                    path.add(lib.toUri().toURL());
                }
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the simulator's runtime in " + home, e);
        }
        return new URLClassLoader("pictory-simulator", path.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /** The directory under {@code root} the runtime is extracted to: reused when whole, else written anew. */
    Path extractedUnder(Path root) {
        Path home = root.resolve("pictory-simulator-" + contentKey());
        if (isWhole(home)) {
            return home;
        }
        try {
            Path fresh = Files.createTempDirectory(Files.createDirectories(root), home.getFileName() + ".");
            extractTo(fresh);
            deleteTree(home); // an incomplete copy (a cleaner took some files): replaced
            try {
                Files.move(fresh, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException anotherJvmWasFirst) {
                deleteTree(fresh);
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot extract the simulator's runtime to " + root
                    + " (java.io.tmpdir): it needs about 10 MB there (" + e + ")", e);
        }
    }

    private String contentKey() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (JarEntry entry : entries) {
                digest.update((entry.getName() + ':' + entry.getSize() + ':' + entry.getCrc() + '\n')
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean isWhole(Path home) {
        return entries.stream().allMatch(entry -> {
            Path file = home.resolve(entry.getName().substring(INDEX.length()));
            try {
                return Files.isRegularFile(file) && Files.size(file) == entry.getSize();
            } catch (IOException gone) {
                return false;
            }
        });
    }

    private void extractTo(Path directory) throws IOException {
        try (JarFile jar = new JarFile(this.jar.toFile())) {
            for (JarEntry entry : entries) {
                Path file = directory.resolve(entry.getName().substring(INDEX.length())).normalize();
                if (!file.startsWith(directory)) {
                    throw new IOException("Entry " + entry.getName() + " points outside " + directory);
                }
                Files.createDirectories(file.getParent());
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, file);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
