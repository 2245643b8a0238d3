package io.jenkins.plugins.causeflow.packaging;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The rules Stapler relies on for a plugin's views, checked on a resource folder: every Jelly file is well-formed
 * XML; a view's folder is the FQCN path of the class it belongs to; every {@code field="x"} of a view and every
 * {@code help-x.html} names a property of that class that Stapler can bind (a {@code @DataBoundConstructor}
 * parameter, a {@code @DataBoundSetter} method or field) and read back (a public getter or field).
 */
final class ViewRules {
    private static final Pattern LOCALIZED_KEY = Pattern.compile("\\$\\{%([^}]*)}");

    private ViewRules() {
    }

    /** Violations, one readable line each; empty when the folder follows every rule. */
    static List<String> check(Path resources, ClassLoader loader) throws IOException {
        List<String> violations = new ArrayList<>();
        if (!Files.isDirectory(resources)) {
            return violations;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(resources)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            String relative = resources.relativize(file).toString().replace('\\', '/');
            boolean jelly = name.endsWith(".jelly");
            boolean help = name.startsWith("help") && name.endsWith(".html");
            if (!jelly && !help) {
                continue;
            }
            Optional<Document> document = Optional.empty();
            if (jelly) {
                document = parse(file, relative, violations);
                localizedKeysWithParentheses(Files.readString(file), relative, violations);
            }
            Path folder = resources.relativize(file.getParent());
            if (folder.toString().isEmpty()) {
                continue; // index.jelly and other root files belong to the plugin, not to a class
            }
            Optional<Class<?>> owner = owner(folder, loader);
            if (owner.isEmpty()) {
                violations.add(relative + ": folder " + folder + " is not the path of a class (views live in <FQCN path>/)");
                continue;
            }
            if (document.isPresent()) {
                NodeList all = document.get().getElementsByTagName("*");
                for (int i = 0; i < all.getLength(); i++) {
                    String field = ((Element) all.item(i)).getAttribute("field");
                    if (!field.isEmpty() && !field.contains("${") && !isBound(owner.get(), field)) {
                        violations.add(relative + ": field=\"" + field + "\" has no @DataBoundConstructor parameter or "
                                + "@DataBoundSetter with a getter on " + owner.get().getName());
                    }
                }
            }
            if (help && !name.equals("help.html")) {
                String field = name.substring("help-".length(), name.length() - ".html".length());
                if (!isBound(owner.get(), field)) {
                    violations.add(relative + ": help for \"" + field + "\", which is not a bound field of "
                            + owner.get().getName());
                }
            }
        }
        return violations;
    }

    /**
     * Stapler reads {@code ${%Text(a, b)}} as the key {@code Text} with the argument expressions {@code a, b}: a key
     * written with parentheses, e.g. {@code ${%API key (Secret text)}}, fails with a JexlException and takes the
     * whole page down. Our views pass no arguments in keys, so any parenthesis inside {@code ${%…}} is refused.
     */
    private static void localizedKeysWithParentheses(String text, String relative, List<String> violations) {
        Matcher key = LOCALIZED_KEY.matcher(text);
        while (key.find()) {
            if (key.group(1).contains("(") || key.group(1).contains(")")) {
                violations.add(relative + ": localized key \"${%" + key.group(1) + "}\" has parentheses, which "
                        + "Stapler parses as arguments; write the key without them");
            }
        }
    }

    private static Optional<Document> parse(Path file, String relative, List<String> violations) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null); // errors are reported once, below, not printed to stderr
            return Optional.of(builder.parse(file.toFile()));
        } catch (SAXException e) {
            violations.add(relative + ": not well-formed XML: " + e.getMessage());
            return Optional.empty();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The class whose views live in {@code folder}: a/b/C, or a/b/C/D for the nested class a.b.C$D. */
    private static Optional<Class<?>> owner(Path folder, ClassLoader loader) {
        List<String> segments = new ArrayList<>();
        folder.forEach(p -> segments.add(p.toString()));
        for (int split = segments.size(); split >= 1; split--) {
            String outer = String.join(".", segments.subList(0, split));
            String nested = String.join("$", segments.subList(split, segments.size()));
            String name = nested.isEmpty() ? outer : outer + "$" + nested;
            try {
                return Optional.of(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next split
            }
        }
        return Optional.empty();
    }

    static boolean isBound(Class<?> type, String field) {
        return isWritable(type, field) && isReadable(type, field);
    }

    private static boolean isWritable(Class<?> type, String field) {
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (c.isAnnotationPresent(DataBoundConstructor.class)) {
                for (Parameter p : c.getParameters()) {
                    if (!p.isNamePresent()) {
                        throw new IllegalStateException(type.getName() + " was compiled without -parameters");
                    }
                    if (p.getName().equals(field)) {
                        return true;
                    }
                }
            }
        }
        String setter = "set" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(setter) && m.getParameterCount() == 1 && m.isAnnotationPresent(DataBoundSetter.class)) {
                    return true;
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(field) && f.isAnnotationPresent(DataBoundSetter.class)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isReadable(Class<?> type, String field) {
        String suffix = Character.toUpperCase(field.charAt(0)) + field.substring(1);
        for (Method m : type.getMethods()) {
            if (m.getParameterCount() == 0 && (m.getName().equals("get" + suffix)
                    || m.getName().equals("is" + suffix) && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class))) {
                return true;
            }
        }
        for (Field f : type.getFields()) {
            if (f.getName().equals(field) && !Modifier.isStatic(f.getModifiers())) {
                return true;
            }
        }
        return false;
    }
}
