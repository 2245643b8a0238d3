package io.causeflow.client.failure;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads JUnit XML reports ({@code testsuite} or {@code testsuites} roots, {@code testcase} elements with
 * {@code failure}, {@code error} or {@code skipped} children) into a {@link TestSummary}, for the command line's
 * {@code --from-junit DIR}.
 *
 * <p>The alert must survive bad reports, since the builds that need an alert are the ones that leave them: a file
 * that cannot be read (truncated by a crashed test JVM, not XML, a document type declaration, a limit exceeded)
 * is skipped, counted and named in the summary ({@link TestSummary#unreadableReports()}), and the others still
 * count. Well-formed XML whose root is not a JUnit report is not a report and is skipped silently.
 *
 * <p>Memory stays bounded whatever the files hold: a {@link BoundedXmlReader} cuts every text run and attribute
 * value while streaming (StAX), before the parser buffers it, and kept texts are capped again at
 * {@link SnapshotLimits#MAX_ERROR_CHARS}. No DTD is ever parsed and external entities are never resolved (no XXE).
 * Links below the folder that resolve outside it are not followed. A {@code <error>} directly in a
 * {@code <testsuite>} (a test class that failed to initialise) counts as one failed test named {@code <init>},
 * as Jenkins' junit plugin counts it.
 */
public final class JUnitReports {
    /** Directory depth searched for {@code *.xml} files. */
    public static final int MAX_DEPTH = 10;
    /** Report files read at most; more would be a wrong directory rather than a test run. */
    public static final int MAX_FILES = 10_000;
    /** Characters of one text run or attribute value passed to the XML parser; the rest is dropped unread. */
    public static final int MAX_TOKEN_CHARS = 8 * 1024;
    /** Characters of one tag, attribute values included; a longer tag makes the file unreadable. */
    public static final int MAX_TAG_CHARS = 256 * 1024;
    /** Element nesting; deeper makes the file unreadable (real reports nest 3 or 4 levels). */
    public static final int MAX_ELEMENT_DEPTH = 64;
    private static final int MAX_REASON_CHARS = 160;
    private static final Pattern ENCODING = Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._-]{1,40})[\"']");

    private JUnitReports() {
    }

    /**
     * Reads every {@code *.xml} file below {@code path} (or the file itself), in path order. Files that cannot be
     * read are skipped and counted in the summary; XML files whose root is not a JUnit report are skipped.
     *
     * @param path a directory of reports or one report
     * @return the summed summary, with the unreadable files
     * @throws IOException if {@code path} is neither a directory nor a file, or holds too many XML files
     */
    public static TestSummary read(final Path path) throws IOException {
        Accumulator sum = new Accumulator();
        if (Files.isDirectory(path)) {
            Path root = path.toRealPath();
            List<Path> files;
            try (Stream<Path> walk = Files.walk(path, MAX_DEPTH)) {
                // Files.walk does not follow directory links; file links are checked one by one below.
                files = walk.filter(file -> file.getFileName().toString().endsWith(".xml"))
                        .filter(file -> !Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS))
                        .sorted()
                        .limit(MAX_FILES + 1L)
                        .toList();
            }
            if (files.size() > MAX_FILES) {
                throw new IOException("More than " + MAX_FILES + " XML files below " + path
                        + "; point --from-junit at the test report directory");
            }
            for (Path file : files) {
                String name = path.relativize(file).toString();
                String problem = problemWithLocation(file, root);
                if (problem != null) {
                    sum.unreadable(name, problem);
                }
                else {
                    readFile(file, name, sum);
                }
            }
        }
        else if (Files.isRegularFile(path)) {
            readFile(path, path.getFileName().toString(), sum);
        }
        else {
            throw new IOException("No JUnit report file or directory at " + path);
        }
        return sum.summary();
    }

    /** Why {@code file} is not read, or null: a link resolving outside the folder, or not a regular file. */
    @CheckForNull
    private static String problemWithLocation(final Path file, final Path root) {
        try {
            if (Files.isSymbolicLink(file) && !file.toRealPath().startsWith(root)) {
                return "a link to outside the report folder, not followed";
            }
            if (!Files.isRegularFile(file)) {
                return "not a regular file";
            }
            return null;
        }
        catch (IOException e) {
            return "cannot resolve it (" + e.getClass().getSimpleName() + ")";
        }
    }

    private static void readFile(final Path file, final String name, final Accumulator sum) {
        Accumulator one = new Accumulator();
        try (InputStream in = Files.newInputStream(file)) {
            parse(in, name, one);
            sum.add(one);
        }
        catch (IOException e) {
            sum.unreadable(name, reason(e, name));
        }
    }

    private static String reason(final IOException e, final String name) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.startsWith(name + ": ")) {
            message = message.substring(name.length() + 2);
        }
        return Texts.truncate(Texts.firstLine(message), MAX_REASON_CHARS);
    }

    /**
     * Parses one report.
     *
     * @param xml  the report
     * @param name the name used in error messages
     * @return the summary of this report (empty when its root is not a JUnit report)
     * @throws IOException if the stream cannot be read or is not an acceptable report; the message names it
     */
    public static TestSummary parse(final InputStream xml, final String name) throws IOException {
        Accumulator sum = new Accumulator();
        parse(xml, name, sum);
        return sum.summary();
    }

    private static void parse(final InputStream xml, final String name, final Accumulator sum) throws IOException {
        try {
            parseReport(xml, name, sum);
        }
        catch (NotAReportException e) {
            // some other XML file in the directory (a coverage or lint report): not ours to count
        }
    }

    private static void parseReport(final InputStream xml, final String name, final Accumulator sum)
            throws IOException {
        BoundedXmlReader bounded = new BoundedXmlReader(reader(xml, name), MAX_TOKEN_CHARS, MAX_TOKEN_CHARS,
                MAX_TAG_CHARS, MAX_ELEMENT_DEPTH);
        XMLStreamReader reader = null;
        try {
            reader = secureFactory().createXMLStreamReader(bounded);
            readDocument(reader, name, sum);
        }
        catch (XMLStreamException | RuntimeException e) {
            throw refusal(bounded, name, e);
        }
        finally {
            if (reader != null) {
                try {
                    reader.close();
                }
                catch (XMLStreamException e) {
                    // closing a reader over a stream the caller closes: nothing left to release
                }
            }
        }
        if (bounded.doctypeRoot() != null || bounded.violation() != null) {
            throw refusal(bounded, name, null);
        }
    }

    /** The error for a file the parser gave up on; the filter knows when it cut the input on purpose. */
    private static IOException refusal(final BoundedXmlReader bounded, final String name,
            @CheckForNull final Exception cause) {
        String root = bounded.doctypeRoot();
        if (root != null) {
            return root.equals("testsuite") || root.equals("testsuites")
                    ? new IOException(name + ": document type declaration refused (no DTD is ever parsed)")
                    : new NotAReportException(name + ": root " + root + " is not a JUnit report");
        }
        if (bounded.violation() != null) {
            return new IOException(name + ": " + bounded.violation());
        }
        String message = cause == null || cause.getMessage() == null ? "unknown error" : cause.getMessage();
        // StAX prefixes "ParseError at [row,col]:[3,7]\nMessage: ..."; the message line is what a reader needs.
        int at = message.indexOf("Message: ");
        String text = at >= 0 ? message.substring(at + "Message: ".length()) : message;
        return new IOException(name + ": not well-formed XML: " + Texts.firstLine(text), cause);
    }

    /** Decodes by BOM, else by the XML declaration's encoding, else UTF-8; malformed bytes become U+FFFD. */
    private static Reader reader(final InputStream raw, final String name) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 8192);
        in.mark(256);
        byte[] head = in.readNBytes(200);
        in.reset();
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
            skip = 3;
        }
        else if (head.length >= 2 && (head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        }
        else if (head.length >= 2 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        }
        else if (head.length >= 2 && head[0] == 0 && head[1] == '<') {
            charset = StandardCharsets.UTF_16BE;
        }
        else if (head.length >= 2 && head[0] == '<' && head[1] == 0) {
            charset = StandardCharsets.UTF_16LE;
        }
        else {
            Matcher declared = ENCODING.matcher(new String(head, StandardCharsets.ISO_8859_1));
            if (declared.find()) {
                try {
                    charset = Charset.forName(declared.group(1).toUpperCase(Locale.ROOT));
                }
                catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    throw new IOException(name + ": unknown encoding " + declared.group(1));
                }
            }
        }
        in.skipNBytes(skip);
        return new InputStreamReader(in, charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        trySet(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        trySet(factory, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    private static void trySet(final XMLInputFactory factory, final String property, final String value) {
        try {
            factory.setProperty(property, value);
        }
        catch (IllegalArgumentException e) {
            // Not every StAX implementation knows the JAXP 1.5 properties; DTDs never reach the parser anyway.
        }
    }

    private static void readDocument(final XMLStreamReader reader, final String name, final Accumulator sum)
            throws XMLStreamException, IOException {
        boolean rootSeen = false;
        Deque<String> suites = new ArrayDeque<>();
        Deque<String> open = new ArrayDeque<>();
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                throw new IOException(name + ": document type declaration refused (no DTD is ever parsed)");
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                String closed = open.pop();
                if ("testsuite".equals(closed)) {
                    suites.pop();
                }
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String element = reader.getLocalName();
            if (!rootSeen) {
                rootSeen = true;
                if (!"testsuite".equals(element) && !"testsuites".equals(element)) {
                    throw new NotAReportException(name + ": root " + element + " is not a JUnit report");
                }
            }
            if ("testcase".equals(element)) {
                readTestCase(reader, sum);
            }
            else if ("error".equals(element) && "testsuite".equals(open.peek())) {
                // The class failed to initialise: Jenkins' junit plugin counts this as a failed case "<init>".
                String failure = describe(reader.getAttributeValue(null, "message"),
                        reader.getAttributeValue(null, "type"), boundedText(reader));
                sum.add(suites.peek(), "<init>", true, false, failure);
            }
            else {
                open.push(element);
                if ("testsuite".equals(element)) {
                    suites.push(suiteName(reader));
                }
            }
        }
    }

    private static String suiteName(final XMLStreamReader reader) {
        String suite = reader.getAttributeValue(null, "name");
        String pkg = reader.getAttributeValue(null, "package");
        String name = suite == null || suite.isBlank() ? "" : suite.strip();
        return pkg == null || pkg.isBlank() || name.isEmpty() ? name : pkg.strip() + "." + name;
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
                    failure = describe(message, type, boundedText(reader)); // consumes the end tag
                }
                else if ("skipped".equals(element)) {
                    skipped = true;
                    depth++;
                }
                else {
                    depth++;
                }
            }
            else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        sum.add(className, testName == null || testName.isBlank() ? "(unnamed)" : testName, failed, skipped,
                failure);
    }

    /**
     * The text of the current element up to its end tag, at most {@link SnapshotLimits#MAX_ERROR_CHARS} + 1
     * characters kept (enough to mark the cut); nested elements are skipped. Unlike {@code getElementText()} it
     * never gathers more than that, however many text runs the element has.
     */
    private static String boundedText(final XMLStreamReader reader) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0 && reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            }
            else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
            else if (depth == 1 && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE || event == XMLStreamConstants.ENTITY_REFERENCE)
                    && text.length() <= SnapshotLimits.MAX_ERROR_CHARS) {
                int room = SnapshotLimits.MAX_ERROR_CHARS + 1 - text.length();
                String chunk = reader.getText();
                text.append(chunk, 0, Math.min(room, chunk.length()));
            }
        }
        return text.toString();
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

    /** Well-formed XML that is not a JUnit report: skipped without counting it as unreadable. */
    private static final class NotAReportException extends IOException {
        private static final long serialVersionUID = 1L;

        NotAReportException(final String message) {
            super(message);
        }
    }

    /** Counts every test, keeps the details of the first failed ones and the first unreadable files. */
    private static final class Accumulator {
        private int total;
        private int failed;
        private int skipped;
        private final List<FailedTest> failedTests = new ArrayList<>();
        private int unreadable;
        private final List<String> unreadableNamed = new ArrayList<>();

        void add(@CheckForNull final String className, final String name, final boolean isFailed,
                final boolean isSkipped, @CheckForNull final String failure) {
            total++;
            if (isFailed) {
                failed++;
                if (failedTests.size() < SnapshotLimits.MAX_FAILED_TESTS) {
                    failedTests.add(FailedTest.of(className, name, failure, List.of()));
                }
            }
            else if (isSkipped) {
                skipped++;
            }
        }

        void add(final Accumulator file) {
            total += file.total;
            failed += file.failed;
            skipped += file.skipped;
            for (FailedTest test : file.failedTests) {
                if (failedTests.size() < SnapshotLimits.MAX_FAILED_TESTS) {
                    failedTests.add(test);
                }
            }
        }

        void unreadable(final String name, final String reason) {
            unreadable++;
            if (unreadableNamed.size() < TestSummary.MAX_UNREADABLE_NAMED) {
                unreadableNamed.add(Texts.truncate(name, SnapshotLimits.MAX_NAME_CHARS) + " (" + reason + ")");
            }
        }

        TestSummary summary() {
            return TestSummary.of(total, failed, skipped, failedTests).withUnreadableReports(unreadable,
                    unreadableNamed);
        }
    }
}
