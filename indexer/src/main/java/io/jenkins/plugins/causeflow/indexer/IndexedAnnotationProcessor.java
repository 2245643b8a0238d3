package io.jenkins.plugins.causeflow.indexer;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/services/annotations/<annotation FQCN>} (one binary class name per line, sorted) for
 * every annotation type that is meta-annotated {@code @org.jvnet.hudson.annotation_indexer.Indexed}, such as
 * {@code @org.jenkinsci.Symbol}. Jenkins reads these files with annotation-indexer's {@code Index.list}.
 *
 * <p>Incremental compiles: the existing index in the class output is read through the {@link
 * javax.annotation.processing.Filer} and merged, so classes compiled earlier stay listed. An existing entry is
 * dropped only when that class is compiled again in this run and no longer carries the annotation, or when it
 * no longer exists at all.
 */
@SupportedAnnotationTypes("*")
public final class IndexedAnnotationProcessor extends AbstractProcessor {
    static final String INDEXED = "org.jvnet.hudson.annotation_indexer.Indexed";
    static final String INDEX_FOLDER = "META-INF/services/annotations/";

    /** Annotation FQCN to the class names found using it in this compile, across rounds. */
    private final Map<String, Set<String>> uses = new LinkedHashMap<>();
    /** Binary names of every type compiled in this run (to tell stale entries from untouched ones). */
    private final Set<String> compiledTypes = new HashSet<>();
    private final Set<Element> originatingElements = new HashSet<>();

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latest();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (round.errorRaised()) {
            return false;
        }
        for (Element root : round.getRootElements()) {
            recordCompiledTypes(root);
        }
        for (TypeElement annotation : annotations) {
            if (!isIndexed(annotation)) {
                continue;
            }
            Set<String> classes = uses.computeIfAbsent(annotation.getQualifiedName().toString(), k -> new TreeSet<>());
            for (Element use : round.getElementsAnnotatedWith(annotation)) {
                indexedName(use).ifPresent(classes::add);
                originatingElements.add(use);
            }
        }
        if (round.processingOver()) {
            // Written once at the end: a resource can be created only once per compile.
            uses.forEach(this::write);
        }
        return false;
    }

    private static boolean isIndexed(TypeElement annotation) {
        for (AnnotationMirror meta : annotation.getAnnotationMirrors()) {
            Element type = meta.getAnnotationType().asElement();
            if (type instanceof TypeElement t && t.getQualifiedName().contentEquals(INDEXED)) {
                return true;
            }
        }
        return false;
    }

    /** The name annotation-indexer lists: the class itself, or the class enclosing an annotated member. */
    private Optional<String> indexedName(Element use) {
        switch (use.getKind()) {
            case CLASS, INTERFACE, ENUM, ANNOTATION_TYPE, RECORD:
                return Optional.of(binaryName((TypeElement) use));
            case METHOD, FIELD, CONSTRUCTOR:
                return Optional.of(binaryName((TypeElement) use.getEnclosingElement()));
            case PACKAGE:
                return Optional.of(((PackageElement) use).getQualifiedName() + ".*");
            default:
                return Optional.empty();
        }
    }

    private String binaryName(TypeElement type) {
        return processingEnv.getElementUtils().getBinaryName(type).toString();
    }

    private void recordCompiledTypes(Element element) {
        if (element instanceof TypeElement type) {
            compiledTypes.add(binaryName(type));
            for (Element member : type.getEnclosedElements()) {
                recordCompiledTypes(member);
            }
        }
    }

    private void write(String annotationName, Set<String> found) {
        String path = INDEX_FOLDER + annotationName;
        try {
            Set<String> merged = new TreeSet<>(found);
            for (String previous : readExisting(path)) {
                if (!compiledTypes.contains(previous) && stillExists(previous)) {
                    merged.add(previous);
                }
            }
            FileObject out = processingEnv.getFiler()
                    .createResource(StandardLocation.CLASS_OUTPUT, "", path, originatingElements.toArray(new Element[0]));
            try (Writer w = new OutputStreamWriter(out.openOutputStream(), StandardCharsets.UTF_8)) {
                for (String name : merged) {
                    w.write(name);
                    w.write('\n');
                }
            }
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "Cannot write " + path + ": " + e);
        }
    }

    private boolean stillExists(String binaryName) {
        if (binaryName.endsWith(".*")) {
            return true;
        }
        // Nested classes are listed by binary name (Outer$Inner); the lookup wants the canonical name.
        return processingEnv.getElementUtils().getTypeElement(binaryName.replace('$', '.')) != null;
    }

    private List<String> readExisting(String path) throws IOException {
        List<String> names = new ArrayList<>();
        try {
            FileObject in = processingEnv.getFiler().getResource(StandardLocation.CLASS_OUTPUT, "", path);
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in.openInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (!line.isBlank()) {
                        names.add(line.trim());
                    }
                }
            }
        } catch (FileNotFoundException | NoSuchFileException firstCompile) {
            // No index yet: nothing to merge.
        }
        return names;
    }
}
