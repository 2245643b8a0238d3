package io.jenkins.plugins.causeflow.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import javax.annotation.processing.Processor;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests the class {@link IndexedAnnotationProcessor}. */
class IndexedAnnotationProcessorTest {
    private static final String INDEXED = """
            package org.jvnet.hudson.annotation_indexer;
            import java.lang.annotation.*;
            @Documented @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.ANNOTATION_TYPE)
            public @interface Indexed {}
            """;
    private static final String SYMBOL = """
            package org.jenkinsci;
            import java.lang.annotation.*;
            @org.jvnet.hudson.annotation_indexer.Indexed
            @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.TYPE)
            public @interface Symbol { String[] value(); }
            """;
    private static final String PLAIN = """
            package demo;
            import java.lang.annotation.*;
            @Retention(RetentionPolicy.RUNTIME)
            public @interface Plain {}
            """;
    private static final String SYMBOL_INDEX = "META-INF/services/annotations/org.jenkinsci.Symbol";

    @TempDir
    Path out;

    @Test
    void shouldListEveryClassAnnotatedWithAnIndexedAnnotation() throws IOException {
        compile(Map.of(
                "org/jvnet/hudson/annotation_indexer/Indexed.java", INDEXED,
                "org/jenkinsci/Symbol.java", SYMBOL,
                "demo/Beta.java", "package demo; @org.jenkinsci.Symbol(\"beta\") public class Beta {}",
                "demo/Alpha.java", "package demo; @org.jenkinsci.Symbol(\"alpha\") public class Alpha {}",
                "demo/Unmarked.java", "package demo; public class Unmarked {}"));

        assertThat(index(SYMBOL_INDEX)).containsExactly("demo.Alpha", "demo.Beta");
    }

    @Test
    void shouldNotIndexAnnotationsWithoutIndexed() throws IOException {
        compile(Map.of(
                "org/jvnet/hudson/annotation_indexer/Indexed.java", INDEXED,
                "demo/Plain.java", PLAIN,
                "demo/Alpha.java", "package demo; @Plain public class Alpha {}"));

        assertThat(out.resolve("META-INF/services/annotations/demo.Plain")).doesNotExist();
    }

    @Test
    void shouldListNestedClassesByBinaryName() throws IOException {
        compile(Map.of(
                "org/jvnet/hudson/annotation_indexer/Indexed.java", INDEXED,
                "org/jenkinsci/Symbol.java", SYMBOL,
                "demo/Outer.java", "package demo; public class Outer { @org.jenkinsci.Symbol(\"in\") public static class Inner {} }"));

        assertThat(index(SYMBOL_INDEX)).containsExactly("demo.Outer$Inner");
    }

    @Test
    void shouldMergeWithTheExistingIndexOnAnIncrementalCompile() throws IOException {
        compile(Map.of(
                "org/jvnet/hudson/annotation_indexer/Indexed.java", INDEXED,
                "org/jenkinsci/Symbol.java", SYMBOL,
                "demo/Alpha.java", "package demo; @org.jenkinsci.Symbol(\"alpha\") public class Alpha {}"));

        compile(Map.of("demo/Beta.java", "package demo; @org.jenkinsci.Symbol(\"beta\") public class Beta {}"));

        assertThat(index(SYMBOL_INDEX)).containsExactly("demo.Alpha", "demo.Beta");
    }

    @Test
    void shouldDropAClassRecompiledWithoutTheAnnotation() throws IOException {
        compile(Map.of(
                "org/jvnet/hudson/annotation_indexer/Indexed.java", INDEXED,
                "org/jenkinsci/Symbol.java", SYMBOL,
                "demo/Alpha.java", "package demo; @org.jenkinsci.Symbol(\"alpha\") public class Alpha {}",
                "demo/Beta.java", "package demo; @org.jenkinsci.Symbol(\"beta\") public class Beta {}"));

        compile(Map.of(
                "demo/Alpha.java", "package demo; public class Alpha {}",
                "demo/Gamma.java", "package demo; @org.jenkinsci.Symbol(\"gamma\") public class Gamma {}"));

        assertThat(index(SYMBOL_INDEX)).containsExactly("demo.Beta", "demo.Gamma");
    }

    @Test
    void shouldBeRegisteredAsAnAnnotationProcessorService() {
        List<String> processors = new ArrayList<>();
        ServiceLoader.load(Processor.class, getClass().getClassLoader())
                .forEach(p -> processors.add(p.getClass().getName()));

        assertThat(processors).contains(IndexedAnnotationProcessor.class.getName());
    }

    private List<String> index(String path) throws IOException {
        return Files.readAllLines(out.resolve(path), StandardCharsets.UTF_8);
    }

    /** Compiles the sources into {@link #out}, with {@link #out} on the class path (an incremental compile). */
    private void compile(Map<String, String> sources) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((path, code) -> units.add(new Source(path, code)));
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            JavaCompiler.CompilationTask task = javac.getTask(diagnostics, files, null,
                    List.of("-d", out.toString(), "-classpath", out.toString()),
                    null, units);
            task.setProcessors(List.of(new IndexedAnnotationProcessor()));
            assertThat(task.call()).as("javac: %s", diagnostics).isTrue();
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String path, String code) {
            super(URI.create("string:///" + path), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
