package io.jenkins.plugins.causeflow.packaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * The .hpi built by {@code mvn package} ({@code -Dcauseflow.hpi=...}, set by failsafe), read as Jenkins reads it,
 * plus the values the POM says it must carry ({@code -Dcauseflow.expected.*}).
 */
final class BuiltHpi {
    static final String INNER_JAR = "WEB-INF/lib/causeflow.jar";

    private BuiltHpi() {
    }

    static Path path() {
        return Path.of(required("causeflow.hpi"));
    }

    static Path basedir() {
        return Path.of(required("causeflow.basedir"));
    }

    static String expected(String key) {
        return required("causeflow.expected." + key);
    }

    private static String required(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + key + " is not set: run this test with failsafe (mvn verify)");
        }
        return value;
    }

    /** Entry names of the .hpi, in archive order. */
    static List<String> entryNames() throws IOException {
        try (ZipFile zip = new ZipFile(path().toFile())) {
            return Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
        }
    }

    static Manifest manifest() throws IOException {
        try (JarFile jar = new JarFile(path().toFile())) {
            Manifest manifest = jar.getManifest();
            if (manifest == null) {
                throw new IllegalStateException("no META-INF/MANIFEST.MF in " + path());
            }
            return manifest;
        }
    }

    static byte[] entry(String name) throws IOException {
        try (ZipFile zip = new ZipFile(path().toFile())) {
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                throw new IllegalStateException(name + " is not in " + path());
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }
    }

    /** Every WEB-INF/lib jar, extracted to {@code dir}, by file name. */
    static Map<String, Path> extractLibraries(Path dir) throws IOException {
        Map<String, Path> jars = new LinkedHashMap<>();
        for (String name : entryNames()) {
            if (name.startsWith("WEB-INF/lib/") && name.endsWith(".jar")) {
                String fileName = name.substring("WEB-INF/lib/".length());
                Path target = dir.resolve(fileName);
                Files.write(target, entry(name));
                jars.put(fileName, target);
            }
        }
        return jars;
    }

    /** Entry names of a jar held inside the .hpi. */
    static List<String> entriesOfInnerJar(String name) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(entry(name)))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    /** HEAD of the checkout as {@code git} reports it, or "unknown" where git or the repository is missing. */
    static String gitHead() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD").directory(basedir().toFile())
                    .redirectErrorStream(false).start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            git.getInputStream().transferTo(out);
            if (!git.waitFor(30, TimeUnit.SECONDS) || git.exitValue() != 0) {
                return "unknown";
            }
            String sha = out.toString(StandardCharsets.UTF_8).trim();
            return sha.matches("[0-9a-f]{40}") ? sha : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
