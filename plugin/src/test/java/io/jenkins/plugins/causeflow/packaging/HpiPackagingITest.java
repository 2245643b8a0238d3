package io.jenkins.plugins.causeflow.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.stream.Stream;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests the .hpi that the build assembles ({@code target/causeflow.hpi}): layout, manifest, annotation indexes,
 * bundled libraries. Expected sets are derived from the POM and from the inner jar's class files, never from
 * the index files under test.
 */
class HpiPackagingITest {
    private static final String EXTENSION_INDEX = "META-INF/annotations/hudson.Extension";
    private static final String SYMBOL_INDEX = "META-INF/services/annotations/org.jenkinsci.Symbol";
    /** Provided by Jenkins core or by the plugins we depend on: must never be bundled. */
    private static final List<String> FORBIDDEN_PACKAGES = List.of(
            "hudson/", "jenkins/", "org/kohsuke/", "com/cloudbees/", "org/jenkinsci/", "com/fasterxml/jackson/");

    @TempDir
    Path work;

    @Test
    void shouldHaveTheLayoutOfAnHpi() throws IOException {
        List<String> files = BuiltHpi.entryNames().stream().filter(n -> !n.endsWith("/")).toList();

        assertThat(files.get(0)).isEqualTo("META-INF/MANIFEST.MF");
        assertThat(files).contains(BuiltHpi.INNER_JAR)
                .noneMatch(n -> n.startsWith("WEB-INF/classes/"))
                .allMatch(n -> n.startsWith("WEB-INF/lib/") || n.equals("META-INF/MANIFEST.MF") || isWebappFile(n),
                        "every entry is the manifest, a WEB-INF/lib jar or a src/main/webapp file");
    }

    @Test
    void shouldCarryEverySrcMainWebappFileAtTheRoot() throws IOException {
        Path webapp = BuiltHpi.basedir().resolve("src/main/webapp");
        List<Path> files = webapp.toFile().isDirectory() ? listFiles(webapp) : List.of();

        for (Path file : files) {
            String name = webapp.relativize(file).toString().replace('\\', '/');
            assertThat(BuiltHpi.entry(name)).as(name).isEqualTo(Files.readAllBytes(file));
        }
    }

    @Test
    void shouldBundleExactlyThePluginJarAndTheClientLibrary() throws IOException {
        List<String> libs = BuiltHpi.entryNames().stream()
                .filter(n -> n.startsWith("WEB-INF/lib/") && !n.endsWith("/")).toList();

        assertThat(libs).containsExactlyInAnyOrder(
                BuiltHpi.INNER_JAR, "WEB-INF/lib/causeflow-client-" + BuiltHpi.expected("version") + ".jar");
    }

    @Test
    void shouldNotBundleAnyJenkinsOrJacksonClass() throws IOException {
        List<String> offending = new ArrayList<>();
        for (String lib : BuiltHpi.entryNames()) {
            if (lib.startsWith("WEB-INF/lib/") && lib.endsWith(".jar")) {
                for (String entry : BuiltHpi.entriesOfInnerJar(lib)) {
                    if (entry.endsWith(".class") && FORBIDDEN_PACKAGES.stream().anyMatch(entry::startsWith)) {
                        offending.add(lib + "!" + entry);
                    }
                }
            }
        }

        assertThat(offending).isEmpty();
    }

    @Test
    void shouldCarryTheResourcesViewsAndIndexesInThePluginJar() throws IOException {
        List<String> entries = BuiltHpi.entriesOfInnerJar(BuiltHpi.INNER_JAR);
        Path resources = BuiltHpi.basedir().resolve("src/main/resources");
        List<String> expected = new ArrayList<>();
        for (Path file : listFiles(resources)) {
            expected.add(resources.relativize(file).toString().replace('\\', '/'));
            if (file.getFileName().toString().equals("Messages.properties")) {
                // localizer generates Messages.java next to every Messages.properties
                expected.add(resources.relativize(file.resolveSibling("Messages.class")).toString().replace('\\', '/'));
            }
        }

        assertThat(entries).contains("index.jelly", EXTENSION_INDEX).containsAll(expected);
    }

    @Test
    void shouldWriteEveryManifestAttributeOfMavenHpiPlugin() throws IOException {
        String version = BuiltHpi.expected("version");
        String sha = BuiltHpi.gitHead();
        boolean inGit = !sha.equals("unknown");
        // A snapshot names its commit, or outside git the time it was built (never "unknown").
        String pluginVersion = version.endsWith("-SNAPSHOT") && inGit
                ? version + " (private-" + sha.substring(0, 8) + "-" + System.getProperty("user.name") + ")"
                : version;
        String[] numbers = version.replace("-SNAPSHOT", "").split("\\.");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("Manifest-Version", "1.0");
        expected.put("Build-Jdk-Spec", System.getProperty("java.specification.version"));
        expected.put("Specification-Title", BuiltHpi.expected("name"));
        expected.put("Specification-Version", numbers[0] + "." + numbers[1]);
        expected.put("Implementation-Title", BuiltHpi.expected("name"));
        expected.put("Implementation-Version", version);
        expected.put("Group-Id", BuiltHpi.expected("groupId"));
        expected.put("Artifact-Id", BuiltHpi.expected("artifactId"));
        expected.put("Short-Name", "causeflow");
        expected.put("Long-Name", BuiltHpi.expected("name"));
        expected.put("Url", BuiltHpi.expected("url"));
        expected.put("Hudson-Version", "2.541.3");
        expected.put("Jenkins-Version", "2.541.3");
        expected.put("Plugin-Dependencies", String.join(",",
                "credentials:" + BuiltHpi.expected("credentials"),
                "plain-credentials:" + BuiltHpi.expected("plainCredentials"),
                "workflow-step-api:" + BuiltHpi.expected("workflowStepApi"),
                "workflow-api:" + BuiltHpi.expected("workflowApi"),
                "jackson2-api:" + BuiltHpi.expected("jackson2Api"),
                "junit:" + BuiltHpi.expected("junit") + ";resolution:=optional",
                "display-url-api:" + BuiltHpi.expected("displayUrlApi") + ";resolution:=optional"));
        expected.put("Plugin-Developers", "CauseFlow for Jenkins maintainers:causeflow:maintainers@causeflow.invalid");
        expected.put("Plugin-License-Name", "MIT License");
        expected.put("Plugin-License-Url", "https://opensource.org/licenses/MIT");
        expected.put("Plugin-ScmConnection", "scm:git:https://github.com/jenkinsci/causeflow-plugin.git");
        expected.put("Plugin-ScmTag", "HEAD");
        expected.put("Plugin-ScmUrl", "https://github.com/jenkinsci/causeflow-plugin");
        if (inGit) {
            expected.put("Implementation-Build", sha);
        }

        Attributes main = BuiltHpi.manifest().getMainAttributes();
        Map<String, String> actual = new LinkedHashMap<>();
        main.forEach((k, v) -> actual.put(k.toString(), v.toString()));

        assertThat(actual.remove("Created-By")).as("Created-By").startsWith("Maven JAR Plugin ");
        String actualPluginVersion = actual.remove("Plugin-Version");
        if (inGit || !version.endsWith("-SNAPSHOT")) {
            assertThat(actualPluginVersion).isEqualTo(pluginVersion);
        } else {
            assertThat(actualPluginVersion).matches(java.util.regex.Pattern.quote(version)
                    + " \\(private-\\d{8}T\\d{4}-" + java.util.regex.Pattern.quote(System.getProperty("user.name")) + "\\)");
        }
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(BuiltHpi.expected("jenkinsVersion")).isEqualTo("2.541.3");
    }

    @Test
    void shouldListExactlyThePluginsExtensionsInTheSezPozIndex() throws IOException {
        Path jar = innerJar();
        Set<String> indexed = new TreeSet<>();
        // Only the plugin jar on the loader, as in Jenkins: no other jar's index may leak in.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            for (IndexItem<Extension, Object> item : Index.load(Extension.class, Object.class, loader)) {
                indexed.add(item.memberName() == null ? item.className() : item.className() + "#" + item.memberName());
            }
        }

        assertThat(indexed).isNotEmpty().isEqualTo(annotatedInClassFiles(jar, "hudson.Extension"));
    }

    @Test
    void shouldListExactlyThePluginsSymbolsInTheSymbolIndex() throws IOException {
        Path jar = innerJar();
        List<String> entries = BuiltHpi.entriesOfInnerJar(BuiltHpi.INNER_JAR);
        Set<String> indexed = new TreeSet<>();
        if (entries.contains(SYMBOL_INDEX)) {
            try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
                String text = new String(zip.getInputStream(zip.getEntry(SYMBOL_INDEX)).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                text.lines().map(String::trim).filter(l -> !l.isEmpty()).forEach(indexed::add);
            }
        }

        assertThat(indexed).isEqualTo(annotatedInClassFiles(jar, "org.jenkinsci.Symbol"));
    }

    /** Classes (and "Class#member" for members) carrying the annotation, read from the class files. */
    private static Set<String> annotatedInClassFiles(Path jar, String annotation) {
        Set<String> found = new TreeSet<>();
        try (ScanResult scan = new ClassGraph().overrideClasspath(jar.toString()).enableAllInfo()
                .ignoreClassVisibility().ignoreFieldVisibility().ignoreMethodVisibility().scan()) {
            for (ClassInfo c : scan.getClassesWithAnnotation(annotation)) {
                found.add(c.getName());
            }
            for (ClassInfo c : scan.getClassesWithFieldAnnotation(annotation)) {
                c.getDeclaredFieldInfo().filter(f -> f.hasAnnotation(annotation)).forEach(f -> found.add(c.getName() + "#" + f.getName()));
            }
            for (ClassInfo c : scan.getClassesWithMethodAnnotation(annotation)) {
                c.getDeclaredMethodInfo().filter(m -> m.hasAnnotation(annotation)).forEach(m -> found.add(c.getName() + "#" + m.getName()));
            }
        }
        return found;
    }

    private Path innerJar() throws IOException {
        return BuiltHpi.extractLibraries(work).get("causeflow.jar");
    }

    private static boolean isWebappFile(String name) {
        return Files.isRegularFile(BuiltHpi.basedir().resolve("src/main/webapp").resolve(name));
    }

    private static List<Path> listFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
