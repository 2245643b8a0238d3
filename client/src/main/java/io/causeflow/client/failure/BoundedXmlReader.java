package io.causeflow.client.failure;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.IOException;
import java.io.Reader;

/**
 * Sits between a report file and the StAX parser and keeps every token small while the file streams by, so a
 * hostile or broken report costs bounded memory whatever its size. A StAX parser reads an attribute value or a
 * text run whole before handing it over (a 200 MB {@code <failure>} text or {@code message} attribute would be
 * held in memory twice); this filter forwards only the first characters of each:
 * <ul>
 *   <li>text runs and CDATA sections: the first {@code maxTextChars} characters, the rest dropped;</li>
 *   <li>attribute values: the first {@code maxAttributeChars} characters;</li>
 *   <li>comments: their content is dropped (nothing in a comment matters here);</li>
 *   <li>processing instructions (the XML declaration): the first {@code maxTextChars} characters;</li>
 *   <li>a tag longer than {@code maxTagChars} in all, or elements nested deeper than {@code maxDepth}: the file
 *       is refused ({@link #violation()});</li>
 *   <li>a document type declaration is never passed on: the filter notes its root name
 *       ({@link #doctypeRoot()}) and ends the input, so no DTD is ever parsed.</li>
 * </ul>
 * Only the end of a token is cut, never a character reference or a surrogate pair in half, so the output stays
 * well-formed when the input was. On a violation or a DOCTYPE the filter reports end of input: the parser then
 * fails, and the caller asks the filter why.
 */
final class BoundedXmlReader extends Reader {
    private enum State { TEXT, MARKUP, DECLARATION, COMMENT, CDATA, PI, DOCTYPE, TAG, ATTRIBUTE, END_TAG }

    private static final int MAX_ENTITY_CHARS = 16;
    private static final int MAX_DOCTYPE_NAME = 64;

    private final Reader in;
    private final int maxTextChars;
    private final int maxAttributeChars;
    private final int maxTagChars;
    private final int maxDepth;
    private final char[] buffer = new char[8192];
    private int bufferPos;
    private int bufferEnd;
    private final StringBuilder pending = new StringBuilder();
    private int pendingPos;
    private State state = State.TEXT;
    /** Characters of the current token forwarded so far (text run, attribute value, CDATA, PI). */
    private int tokenChars;
    /** Characters of the current tag, attribute values included. */
    private int tagChars;
    private int depth;
    private boolean inReference;
    private boolean forwardedHighSurrogate;
    private int heldBrackets;
    private int referenceChars;
    private char quote;
    private char previous;
    private int markupEndMatched;
    private final StringBuilder declaration = new StringBuilder();
    private final StringBuilder doctypeName = new StringBuilder();
    private boolean ended;
    @CheckForNull
    private String violation;
    @CheckForNull
    private String doctypeRoot;

    BoundedXmlReader(final Reader in, final int maxTextChars, final int maxAttributeChars, final int maxTagChars,
            final int maxDepth) {
        this.in = in;
        this.maxTextChars = maxTextChars;
        this.maxAttributeChars = maxAttributeChars;
        this.maxTagChars = maxTagChars;
        this.maxDepth = maxDepth;
    }

    /** @return why the input was cut off, when a limit was exceeded */
    @CheckForNull
    String violation() {
        return violation;
    }

    /** @return the root element named by a document type declaration, when the input had one */
    @CheckForNull
    String doctypeRoot() {
        return doctypeRoot;
    }

    @Override
    public int read(final char[] target, final int offset, final int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (pendingPos >= pending.length()) {
            pending.setLength(0);
            pendingPos = 0;
            if (ended) {
                return -1;
            }
            if (bufferPos >= bufferEnd) {
                bufferEnd = in.read(buffer, 0, buffer.length);
                bufferPos = 0;
                if (bufferEnd < 0) {
                    ended = true;
                    return -1;
                }
            }
            // Process a slice of input; what it yields (possibly nothing) lands in pending.
            int stop = Math.min(bufferEnd, bufferPos + length);
            while (bufferPos < stop && !ended) {
                if (skipping()) {
                    skipDropped(); // stops at the token's end, which accept() then handles
                    if (bufferPos >= bufferEnd) {
                        break;
                    }
                }
                accept(buffer[bufferPos++]);
            }
        }
        int count = Math.min(length, pending.length() - pendingPos);
        pending.getChars(pendingPos, pendingPos + count, target, offset);
        pendingPos += count;
        return count;
    }

    /** Past the cap of a text run or attribute value, with nothing half-forwarded: the rest can be skipped fast. */
    private boolean skipping() {
        return (state == State.TEXT && tokenChars >= maxTextChars || state == State.ATTRIBUTE
                && tokenChars >= maxAttributeChars) && !inReference && !forwardedHighSurrogate;
    }

    /** Skips to the character that ends the current token ('<' or the closing quote), without forwarding. */
    private void skipDropped() {
        char end = state == State.TEXT ? '<' : quote;
        int from = bufferPos;
        while (bufferPos < bufferEnd && buffer[bufferPos] != end) {
            bufferPos++;
        }
        if (bufferPos > from) {
            previous = buffer[bufferPos - 1];
        }
    }

    private void accept(final char c) {
        switch (state) {
            case TEXT -> text(c);
            case MARKUP -> markup(c);
            case DECLARATION -> declaration(c);
            case COMMENT -> comment(c);
            case CDATA -> cdata(c);
            case PI -> processingInstruction(c);
            case DOCTYPE -> doctype(c);
            case TAG -> tag(c);
            case ATTRIBUTE -> attribute(c);
            case END_TAG -> endTag(c);
            default -> throw new IllegalStateException(state.name());
        }
        previous = c;
    }

    private void text(final char c) {
        if (c == '<') {
            pending.append(c);
            state = State.MARKUP;
            inReference = false;
            return;
        }
        forwardBounded(c, maxTextChars, true);
    }

    /**
     * Forwards {@code c} while the token is under its cap; past it, still finishes a started character reference
     * or surrogate pair, so the cut leaves well-formed text.
     */
    private void forwardBounded(final char c, final int cap, final boolean references) {
        boolean finishing = (references && inReference && referenceChars < MAX_ENTITY_CHARS)
                || (Character.isLowSurrogate(c) && forwardedHighSurrogate);
        forwardedHighSurrogate = false;
        if (tokenChars < cap || finishing) {
            pending.append(c);
            tokenChars++;
            forwardedHighSurrogate = Character.isHighSurrogate(c);
            if (references) {
                if (c == '&') {
                    inReference = true;
                    referenceChars = 0;
                }
                else if (c == ';') {
                    inReference = false;
                }
                else if (inReference) {
                    referenceChars++;
                }
            }
        }
    }

    private void markup(final char c) {
        tokenChars = 0;
        tagChars = 1;
        if (c == '!') {
            declaration.setLength(0);
            state = State.DECLARATION;
            pending.append(c);
        }
        else if (c == '?') {
            state = State.PI;
            markupEndMatched = 0;
            pending.append(c);
        }
        else if (c == '/') {
            state = State.END_TAG;
            pending.append(c);
        }
        else {
            state = State.TAG;
            tag(c);
        }
    }

    private void declaration(final char c) {
        declaration.append(c);
        String text = declaration.toString();
        if ("--".equals(text)) {
            pending.append("--");
            state = State.COMMENT;
            markupEndMatched = 0;
        }
        else if ("[CDATA[".equals(text)) {
            pending.append("[CDATA[");
            state = State.CDATA;
            heldBrackets = 0;
        }
        else if ("DOCTYPE".equals(text)) {
            doctypeName.setLength(0);
            state = State.DOCTYPE;
        }
        else if (!"--".startsWith(text) && !"[CDATA[".startsWith(text) && !"DOCTYPE".startsWith(text)) {
            pending.append(text); // not XML: pass it on and let the parser name the error
            state = State.TAG;
        }
    }

    private void comment(final char c) {
        // Content dropped; only its end is looked for.
        if (c == '-') {
            markupEndMatched = Math.min(2, markupEndMatched + 1);
        }
        else if (c == '>' && markupEndMatched == 2) {
            pending.append("-->");
            state = State.TEXT;
            tokenChars = 0;
        }
        else {
            markupEndMatched = 0;
        }
    }

    private void cdata(final char c) {
        // "]" are held back until it is clear whether they close the section, so the cut never eats "]]>".
        if (c == ']') {
            if (heldBrackets == 2) {
                forwardBounded(']', maxTextChars, false);
            }
            else {
                heldBrackets++;
            }
            return;
        }
        if (c == '>' && heldBrackets == 2) {
            pending.append("]]>");
            heldBrackets = 0;
            state = State.TEXT;
            tokenChars = 0;
            return;
        }
        for (; heldBrackets > 0; heldBrackets--) {
            forwardBounded(']', maxTextChars, false);
        }
        forwardBounded(c, maxTextChars, false);
    }

    private void processingInstruction(final char c) {
        if (c == '>' && previous == '?') {
            if (tokenChars >= maxTextChars) {
                pending.append('?');
            }
            pending.append('>');
            state = State.TEXT;
            tokenChars = 0;
            return;
        }
        forwardBounded(c, maxTextChars, false);
    }

    private void doctype(final char c) {
        if (Character.isWhitespace(c) && doctypeName.length() == 0) {
            return;
        }
        if (Character.isWhitespace(c) || c == '[' || c == '>' || doctypeName.length() >= MAX_DOCTYPE_NAME) {
            doctypeRoot = doctypeName.toString();
            end();
            return;
        }
        doctypeName.append(c);
    }

    private void tag(final char c) {
        if (!count()) {
            return;
        }
        pending.append(c);
        if (c == '"' || c == '\'') {
            quote = c;
            tokenChars = 0;
            inReference = false;
            state = State.ATTRIBUTE;
        }
        else if (c == '>') {
            state = State.TEXT;
            tokenChars = 0;
            if (previous != '/') {
                depth++;
                if (depth > maxDepth) {
                    fail("elements nested deeper than " + maxDepth + " levels");
                }
            }
        }
    }

    private void attribute(final char c) {
        if (c == quote) {
            if (count()) {
                pending.append(c);
                state = State.TAG;
            }
            return;
        }
        int before = pending.length();
        forwardBounded(c, maxAttributeChars, true);
        if (pending.length() > before && !count()) {
            pending.setLength(before);
        }
    }

    private void endTag(final char c) {
        if (!count()) {
            return;
        }
        pending.append(c);
        if (c == '>') {
            depth--;
            state = State.TEXT;
            tokenChars = 0;
        }
    }

    /** Counts one character of the current tag; false (and the input ends) when the tag is too long. */
    private boolean count() {
        if (++tagChars > maxTagChars) {
            fail("a tag longer than " + maxTagChars + " characters");
            return false;
        }
        return true;
    }

    private void fail(final String why) {
        violation = why;
        end();
    }

    private void end() {
        ended = true;
        pending.setLength(pendingPos); // nothing more reaches the parser
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
