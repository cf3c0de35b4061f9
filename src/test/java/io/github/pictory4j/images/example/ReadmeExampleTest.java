package io.github.pictory4j.images.example;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's "Test your app", with the rest of its project in the test kit's guide, is a whole project with no
 * plumbing (checked here, at once); {@link ReadmeProjectIT}
 * builds and runs it.
 */
class ReadmeExampleTest {

    private static Map<String, String> files;

    @BeforeAll
    static void readTheReadmesProject() throws IOException {
        files = ReadmeProjectIT.readmeProject();
    }

    @Test
    void theReadmeShowsAPlainJUnitTestAndAnArquillianTestWithTheirWholeProject() throws IOException {
        String tests = "src/test/java/com/example/pictures/";
        assertEquals(List.of(tests + "PostersTest.java", tests + "PictureResourceIT.java", "pom.xml",
                "src/main/java/com/example/pictures/Posters.java", "src/main/java/com/example/pictures/PictureApplication.java",
                "src/main/java/com/example/pictures/PictureResource.java", "src/main/liberty/config/server.xml",
                "src/test/resources/arquillian.xml"), List.copyOf(files.keySet()));
        String readme = Files.readString(Path.of("README.md"));
        for (String test : List.of("PostersTest.java", "PictureResourceIT.java")) {
            assertTrue(readme.contains("<!-- file: " + tests + test + " -->"), "the README itself shows " + test);
        }
        assertTrue(files.get(tests + "PostersTest.java").contains("@PictorySimulatorTest"), "the plain test uses the extension");
        assertTrue(files.get(tests + "PictureResourceIT.java").contains("PictorySimulatorDeployment.of("),
                "the Arquillian test uses the deployment helper");
    }

    @Test
    void eachClassIsInThePackageItsPathSays() {
        Pattern declared = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
        files.forEach((path, content) -> {
            if (path.endsWith(".java")) {
                Matcher name = declared.matcher(content);
                assertTrue(name.find(), path);
                assertTrue(path.contains("/" + name.group(1).replace('.', '/') + "/"), path + " declares " + name.group(1));
            }
        });
    }

    @Test
    void noPathPortOrKeyTravelsThroughSystemProperties() {
        files.forEach((path, content) -> assertFalse(content.contains("System.getProperty"), path));
        String pom = files.get("pom.xml");
        for (String plumbing : List.of("<systemPropertyVariables>", "<goal>properties</goal>", "<environmentVariables>")) {
            assertFalse(pom.contains(plumbing), "the README's pom has " + plumbing);
        }
    }

    @Test
    void eachJarOfTheModuleIsADependencyWithItsClassifier() {
        String pom = files.get("pom.xml");
        for (String classifier : List.of("client", "simulator", "simulator-standalone")) {
            assertTrue(pom.contains("<classifier>" + classifier + "</classifier>"), classifier);
        }
    }
}
