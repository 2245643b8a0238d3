package io.jenkins.plugins.causeflow.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A fresh {@code JENKINS_HOME}: the plugins installed as a user would drop them into {@code plugins/}, and the
 * JCasC file that {@code CASC_JENKINS_CONFIG} points at.
 *
 * @param directory the home
 * @param cascFile  the JCasC YAML
 */
record JenkinsHome(Path directory, Path cascFile) {
    static final String OUR_PLUGIN = "causeflow";

    /**
     * Creates the home, deleting what a previous run left.
     *
     * @param withCauseFlow whether to install our plugin (the benchmark's baseline does not)
     */
    static JenkinsHome create(Path directory, Path pluginsDirectory, boolean withCauseFlow, String cascYaml) {
        try {
            deleteRecursively(directory);
            Path plugins = Files.createDirectories(directory.resolve("plugins"));
            for (Path hpi : hpiFiles(pluginsDirectory)) {
                String shortName = shortName(hpi);
                if (withCauseFlow || !OUR_PLUGIN.equals(shortName)) {
                    Files.copy(hpi, plugins.resolve(shortName + ".jpi"), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path casc = directory.resolve("casc.yaml");
            Files.writeString(casc, cascYaml, StandardCharsets.UTF_8);
            return new JenkinsHome(directory, casc);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare JENKINS_HOME " + directory, e);
        }
    }

    /** Short names of the installed plugins (from their manifests). */
    Set<String> installedPlugins() {
        Set<String> names = new TreeSet<>();
        hpiFiles(directory.resolve("plugins")).forEach(file -> names.add(shortName(file)));
        return names;
    }

    private static List<Path> hpiFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> plugins = files.filter(file -> file.toString().endsWith(".hpi") || file.toString().endsWith(".jpi"))
                    .sorted().toList();
            if (plugins.isEmpty()) {
                throw new IllegalStateException("No .hpi files in " + directory);
            }
            return plugins;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + directory, e);
        }
    }

    private static String shortName(Path hpi) {
        try (JarFile jar = new JarFile(hpi.toFile())) {
            String name = jar.getManifest() == null ? null : jar.getManifest().getMainAttributes().getValue("Short-Name");
            if (name == null) {
                throw new IllegalStateException(hpi + " has no Short-Name in its manifest: not a Jenkins plugin");
            }
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + hpi, e);
        }
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
