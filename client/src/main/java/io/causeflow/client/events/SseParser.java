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
 */
public final class SseParser {
    /** Receives what the parser finds. */
    public interface Sink {
        /** A complete message. */
        void onFrame(SseFrame frame);

        /** A valid {@code retry:} field. */
        default void onRetry(final Duration reconnectionTime) {
        }
    }

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

    /**
     * Creates a parser.
     *
     * @param sink receives frames and retry hints
     * @param lastEventId the last event id carried over from an earlier connection, {@code ""} if none
     */
    public SseParser(final Sink sink, final String lastEventId) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.lastEventId = Objects.requireNonNull(lastEventId, "lastEventId");
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
                line.append(c);
            }
        }
    }

    private void endLine() {
        String text = line.toString();
        line.setLength(0);
        if (text.isEmpty()) {
            dispatch();
            return;
        }
        if (text.charAt(0) == ':') {
            return; // comment, e.g. a keep-alive
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event":
                eventType = value;
                break;
            case "data":
                data.append(value).append('\n');
                break;
            case "id":
                if (value.indexOf('\0') < 0) {
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
