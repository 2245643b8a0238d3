package io.causeflow.client.events;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Incremental parser for {@code text/event-stream} following the WHATWG HTML "event stream interpretation":
 * UTF-8 with one leading BOM ignored; lines end in CRLF, LF or CR (also when split across chunks); lines
 * starting with ':' are comments; {@code data} lines accumulate; {@code id} without NUL updates the last event
 * id; {@code retry} with only ASCII digits sets the reconnection time; a blank line dispatches; an event with no
 * data is not dispatched; an unterminated event at the end of the stream is discarded. Not thread-safe: one
 * parser per connection, fed in order.
 *
 * <p>Memory is bounded while reading, whatever the server sends: a line keeps at most {@code maxLineChars}
 * characters and an event's data at most {@code maxEventChars}. An event that outgrows either is dropped whole
 * (reported once through {@link Sink#onDropped(String)}, the rest of it discarded up to its blank line), because
 * a cut JSON payload would only decode into garbage. Any other over-long line (comment, {@code id}, {@code retry},
 * unknown field) is skipped silently; an {@code id} longer than {@link #MAX_ID_CHARS} is ignored (it would not fit
 * into a {@code Last-Event-ID} header).
 */
public final class SseParser {
    /** Receives what the parser finds. */
    public interface Sink {
        /** A complete message. */
        void onFrame(SseFrame frame);

        /** A valid {@code retry:} field. */
        default void onRetry(final Duration reconnectionTime) {
        }

        /**
         * An event was dropped because it outgrew a limit; called once per dropped event, as soon as it is known.
         *
         * @param reason what was too large, e.g. {@code event data longer than 1048576 characters}
         */
        default void onDropped(final String reason) {
        }
    }

    /** Default largest line and largest event data, in characters: 1 MiB, far above any CauseFlow event. */
    public static final int DEFAULT_MAX_CHARS = 1024 * 1024;
    /** Longest {@code id} value kept; longer ones are ignored. */
    public static final int MAX_ID_CHARS = 1024;

    private final Sink sink;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final StringBuilder line = new StringBuilder();
    private final StringBuilder data = new StringBuilder();
    private String eventType = "";
    private String lastEventId;
    private boolean afterCarriageReturn;
    private boolean firstChar = true;
    private ByteBuffer pending = ByteBuffer.allocate(0);
    private final int maxLineChars;
    private final int maxEventChars;
    /** The current line outgrew {@link #maxLineChars}: the rest of it is discarded. */
    private boolean lineTooLong;
    /** The current event outgrew a limit: it is discarded up to its blank line. */
    private boolean eventDropped;

    /**
     * Creates a parser with the default limits ({@link #DEFAULT_MAX_CHARS}).
     *
     * @param sink receives frames and retry hints
     * @param lastEventId the last event id carried over from an earlier connection, {@code ""} if none
     */
    public SseParser(final Sink sink, final String lastEventId) {
        this(sink, lastEventId, DEFAULT_MAX_CHARS, DEFAULT_MAX_CHARS);
    }

    /**
     * Creates a parser.
     *
     * @param sink receives frames, retry hints and dropped-event notices
     * @param lastEventId the last event id carried over from an earlier connection, {@code ""} if none
     * @param maxLineChars the longest line kept, at least 16
     * @param maxEventChars the most data characters of one event, at least 16
     */
    public SseParser(final Sink sink, final String lastEventId, final int maxLineChars, final int maxEventChars) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.lastEventId = Objects.requireNonNull(lastEventId, "lastEventId");
        if (maxLineChars < 16 || maxEventChars < 16) {
            throw new IllegalArgumentException("SSE limits must be at least 16 characters, were " + maxLineChars
                    + " and " + maxEventChars);
        }
        this.maxLineChars = maxLineChars;
        this.maxEventChars = maxEventChars;
    }

    /** @return the last event id seen, {@code ""} when none */
    public String lastEventId() {
        return lastEventId;
    }

    /**
     * Feeds raw bytes; a UTF-8 sequence split between calls is kept until its end arrives.
     *
     * @param bytes the next bytes of the stream
     */
    public void feed(final ByteBuffer bytes) {
        ByteBuffer input = bytes;
        if (pending.hasRemaining()) {
            input = ByteBuffer.allocate(pending.remaining() + bytes.remaining()).put(pending).put(bytes).flip();
        }
        CharBuffer chars = CharBuffer.allocate(Math.max(16, input.remaining()));
        decoder.decode(input, chars, false);
        chars.flip();
        feed(chars);
        pending = input.hasRemaining() ? ByteBuffer.allocate(input.remaining()).put(input).flip()
                : ByteBuffer.allocate(0);
    }

    /**
     * Feeds decoded text in any chunking.
     *
     * @param text the next characters of the stream
     */
    public void feed(final CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (firstChar) {
                firstChar = false;
                if (c == '\uFEFF') {
                    continue;
                }
            }
            if (c == '\n') {
                if (!afterCarriageReturn) {
                    endLine();
                }
                afterCarriageReturn = false;
            }
            else if (c == '\r') {
                endLine();
                afterCarriageReturn = true;
            }
            else {
                afterCarriageReturn = false;
                if (line.length() < maxLineChars) {
                    line.append(c);
                }
                else if (!lineTooLong) {
                    lineTooLong = true;
                    if (carriesEventContent(line)) {
                        drop("line longer than " + maxLineChars + " characters");
                    } // an over-long comment, id, retry or unknown field is just skipped
                }
            }
        }
    }

    /** Whether a line (its kept start) is a {@code data} or {@code event} field, the parts of an event. */
    private static boolean carriesEventContent(final CharSequence line) {
        String start = line.subSequence(0, Math.min(6, line.length())).toString();
        return start.startsWith("data:") || start.equals("data") || start.startsWith("event:")
                || start.equals("event");
    }

    private void drop(final String reason) {
        if (!eventDropped) {
            eventDropped = true;
            data.setLength(0);
            sink.onDropped("event dropped: " + reason + "; skipping it up to its end");
        }
    }

    private void endLine() {
        boolean cut = lineTooLong;
        lineTooLong = false;
        String text = line.toString();
        line.setLength(0);
        if (text.isEmpty()) {
            dispatch();
            return;
        }
        if (text.charAt(0) == ':' || cut) {
            return; // a comment (e.g. a keep-alive), or a line already reported and dropped
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        if (eventDropped && ("event".equals(field) || "data".equals(field))) {
            return; // the rest of a dropped event; its id still counts, so a reconnect does not replay it
        }
        switch (field) {
            case "event":
                eventType = value;
                break;
            case "data":
                if (data.length() + value.length() > maxEventChars) {
                    drop("event data longer than " + maxEventChars + " characters");
                }
                else {
                    data.append(value).append('\n');
                }
                break;
            case "id":
                if (value.indexOf('\0') < 0 && value.length() <= MAX_ID_CHARS) {
                    lastEventId = value;
                }
                break;
            case "retry":
                if (!value.isEmpty() && value.length() <= 9 && value.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                    sink.onRetry(Duration.ofMillis(Long.parseLong(value)));
                }
                break;
            default:
                break; // unknown fields are ignored
        }
    }

    private void dispatch() {
        if (eventDropped) {
            eventDropped = false;
            data.setLength(0);
            eventType = "";
            return;
        }
        if (data.length() == 0) {
            eventType = "";
            return;
        }
        data.setLength(data.length() - 1); // the trailing "\n"
        SseFrame frame = new SseFrame(eventType.isEmpty() ? "message" : eventType, data.toString(), lastEventId);
        data.setLength(0);
        eventType = "";
        sink.onFrame(frame);
    }
}
