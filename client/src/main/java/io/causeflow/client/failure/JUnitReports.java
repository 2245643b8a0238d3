package io.causeflow.client.failure;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads JUnit XML reports ({@code testsuite} or {@code testsuites} roots, {@code testcase} elements with
 * {@code failure}, {@code error} or {@code skipped} children) into a {@link TestSummary}, for the command line's
 * {@code --from-junit DIR}. Streaming (StAX), so report size costs no memory beyond the kept failed tests; a
 * document type declaration is refused and external entities are never resolved (no XXE).
 */
public final class JUnitReports {
    /** Directory depth searched for {@code *.xml} files. */
    public static final int MAX_DEPTH = 10;
    /** Report files read at most; more would be a wrong directory rather than a test run. */
    public static final int MAX_FILES = 10_000;

    private JUnitReports() {
    }

    /**
     * Reads every {@code *.xml} file below {@code path} (or the file itself), in path order; XML files whose root is
     * not a JUnit report are skipped.
     *
     * @param path a directory of reports or one report
     * @return the summed summary
     * @throws IOException if a file cannot be read or is not well-formed XML (the message names the file)
     */
    public static TestSummary read(final Path path) throws IOException {
        List<Path> files;
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path, MAX_DEPTH)) {
                files = walk.filter(Files::isRegularFile)
                        .filter(file -> file.getFileName().toString().endsWith(".xml"))
                        .sorted()
                        .limit(MAX_FILES + 1L)
                        .toList();
            }
            if (files.size() > MAX_FILES) {
                throw new IOException("More than " + MAX_FILES + " XML files below " + path
                        + "; point --from-junit at the test report directory");
            }
        } else if (Files.isRegularFile(path)) {
            files = List.of(path);
        } else {
            throw new IOException("No JUnit report file or directory at " + path);
        }
        Accumulator sum = new Accumulator();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                parse(in, file.toString(), sum);
            }
        }
        return sum.summary();
    }

    /**
     * Parses one report.
     *
     * @param xml  the report
     * @param name the name used in error messages
     * @return the summary of this report (empty when its root is not a JUnit report)
     * @throws IOException if the stream cannot be read or is not acceptable XML
     */
    public static TestSummary parse(final InputStream xml, final String name) throws IOException {
        Accumulator sum = new Accumulator();
        parse(xml, name, sum);
        return sum.summary();
    }

    private static void parse(final InputStream xml, final String name, final Accumulator sum) throws IOException {
        XMLStreamReader reader = null;
        try {
            reader = secureFactory().createXMLStreamReader(xml);
            boolean rootSeen = false;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new IOException(name + ": document type declarations are not allowed in JUnit reports");
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String element = reader.getLocalName();
                if (!rootSeen) {
                    rootSeen = true;
                    if (!"testsuite".equals(element) && !"testsuites".equals(element)) {
                        return; // some other XML file in the directory
                    }
                }
                if ("testcase".equals(element)) {
                    readTestCase(reader, sum);
                }
            }
        } catch (XMLStreamException e) {
            throw new IOException(name + ": not a readable JUnit report: " + e.getMessage(), e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException e) {
                    // closing a reader over a stream the caller closes: nothing left to release
                }
            }
        }
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        trySet(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        trySet(factory, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    private static void trySet(final XMLInputFactory factory, final String property, final String value) {
        try {
            factory.setProperty(property, value);
        } catch (IllegalArgumentException e) {
            // Not every StAX implementation knows the JAXP 1.5 properties; DTDs are refused above anyway.
        }
    }

    /** Reads one {@code testcase} element up to its end tag. */
    private static void readTestCase(final XMLStreamReader reader, final Accumulator sum) throws XMLStreamException {
        String className = reader.getAttributeValue(null, "classname");
        String testName = reader.getAttributeValue(null, "name");
        String failure = null;
        boolean failed = false;
        boolean skipped = false;
        int depth = 1;
        while (depth > 0 && reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String element = reader.getLocalName();
                if (("failure".equals(element) || "error".equals(element)) && !failed) {
                    failed = true;
                    String message = reader.getAttributeValue(null, "message");
                    String type = reader.getAttributeValue(null, "type");
                    String text = reader.getElementText(); // consumes the end tag
                    failure = describe(message, type, text);
                } else if ("skipped".equals(element)) {
                    skipped = true;
                    depth++;
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        sum.add(className, testName == null || testName.isBlank() ? "(unnamed)" : testName, failed, skipped,
                failure);
    }

    private static String describe(@CheckForNull final String message, @CheckForNull final String type,
            @CheckForNull final String text) {
        if (message != null && !message.isBlank()) {
            return type == null || type.isBlank() || message.contains(type) ? message : type + ": " + message;
        }
        if (text != null && !text.isBlank()) {
            return Texts.firstLine(text);
        }
        return type == null ? "" : type;
    }

    /** Counts every test, keeps the details of the first failed ones. */
    private static final class Accumulator {
        private int total;
        private int failed;
        private int skipped;
        private final List<FailedTest> failedTests = new ArrayList<>();

        void add(@CheckForNull final String className, final String name, final boolean isFailed,
                final boolean isSkipped, @CheckForNull final String failure) {
            total++;
            if (isFailed) {
                failed++;
                if (failedTests.size() < SnapshotLimits.MAX_FAILED_TESTS) {
                    failedTests.add(FailedTest.of(className, name, failure, List.of()));
                }
            } else if (isSkipped) {
                skipped++;
            }
        }

        TestSummary summary() {
            return TestSummary.of(total, failed, skipped, failedTests);
        }
    }
}
