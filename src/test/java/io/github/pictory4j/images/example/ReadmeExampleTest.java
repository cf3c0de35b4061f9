package io.github.pictory4j.images.example;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The test kit's documented example (src/docs/test-kit.md, which the README's "Test your app" points to) is
 * these sources, to the character: what {@code mvn verify} compiles and runs ({@link PictureResourceIT}) is
 * what users copy.
 */
class ReadmeExampleTest {

    private static final Path GUIDE = Path.of("src/docs/test-kit.md");
    private static final Path SOURCES = Path.of("src/test/java/io/github/pictory4j/images/example");
    private static final List<String> EXAMPLE = List.of("PictureApplication", "PictureResource", "PictureResourceIT");

    @Test
    void theReadmeShowsTheExampleThatRuns() throws IOException {
        List<String> blocks = javaBlocks(completeExample(Files.readString(GUIDE)));

        assertEquals(EXAMPLE.size(), blocks.size(), "one block per class of the example");
        for (int i = 0; i < EXAMPLE.size(); i++) {
            assertEquals(Files.readString(SOURCES.resolve(EXAMPLE.get(i) + ".java")).strip(), blocks.get(i).strip(),
                    "the guide's block " + (i + 1) + " is " + EXAMPLE.get(i) + ".java");
        }
    }

    @Test
    void theReadmesBuildSettingsNameThePropertiesTheExampleReads() throws IOException {
        String section = Files.readString(GUIDE);
        String test = Files.readString(SOURCES.resolve("PictureResourceIT.java"));

        for (String property : List.of("pictory.client.jar", "pictory.simulator.jar")) {
            assertTrue(test.contains("System.getProperty(\"" + property + "\")"), property);
            assertTrue(section.contains("<" + property + ">"), "the guide's failsafe settings set " + property);
        }
    }

    @Test
    void theGuideMarksEachFileOfItsProjectWithItsPath() throws IOException {
        String example = "io/github/pictory4j/images/example/";
        List<String> expected = List.of("pom.xml", "src/main/liberty/config/server.xml", "src/test/resources/arquillian.xml",
                "src/main/java/" + example + "PictureApplication.java", "src/main/java/" + example + "PictureResource.java",
                "src/test/java/" + example + "PictureResourceIT.java");

        // What GuideProjectIT copies into the guide's project and builds (in the integration tests).
        Map<String, String> files = GuideProjectIT.guideFiles(Files.readString(GUIDE));

        assertEquals(expected, List.copyOf(files.keySet()));
        for (String name : EXAMPLE) {
            String path = expected.stream().filter(file -> file.endsWith("/" + name + ".java")).findFirst().orElseThrow();
            assertEquals(Files.readString(SOURCES.resolve(name + ".java")).strip(), files.get(path).strip(), path);
        }
    }

    /** The guide's section "The complete example" (later sections show snippets of their own). */
    private static String completeExample(String guide) {
        int start = guide.indexOf("## The complete example");
        int end = guide.indexOf("\n## ", start + 1);
        return guide.substring(start, end < 0 ? guide.length() : end);
    }

    private static List<String> javaBlocks(String markdown) {
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        List<String> blocks = new ArrayList<>();
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }
}
