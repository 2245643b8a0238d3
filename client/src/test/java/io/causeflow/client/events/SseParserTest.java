package io.causeflow.client.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests the class {@link SseParser} on raw event-stream text. */
class SseParserTest {
    private final List<SseFrame> frames = new ArrayList<>();
    private final List<Duration> retries = new ArrayList<>();
    private final List<String> dropped = new ArrayList<>();
    private final SseParser.Sink sink = new SseParser.Sink() {
        @Override
        public void onDropped(final String reason) {
            dropped.add(reason);
        }

        @Override
        public void onFrame(final SseFrame frame) {
            frames.add(frame);
        }

        @Override
        public void onRetry(final Duration reconnectionTime) {
            retries.add(reconnectionTime);
        }
    };

    private List<SseFrame> parse(final String text) {
        SseParser parser = new SseParser(sink, "");
        parser.feed(text);
        return frames;
    }

    @Test
    void shouldParseTheProtocolFrameLayout() {
        assertThat(parse("id: evt_1\nevent: incident.created\ndata: {\"a\":1}\n\n"))
                .containsExactly(new SseFrame("incident.created", "{\"a\":1}", "evt_1"));
    }

    @Test
    void shouldJoinMultiLineDataWithNewlines() {
        assertThat(parse("data: first\ndata:second\ndata\ndata:  indented\n\n"))
                .containsExactly(new SseFrame("message", "first\nsecond\n\n indented", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r", "\r\n"})
    void shouldAcceptEveryLineEnding(final String eol) {
        String text = "event: a" + eol + "data: 1" + eol + eol + "data: 2" + eol + eol;

        assertThat(parse(text)).containsExactly(new SseFrame("a", "1", ""), new SseFrame("message", "2", ""));
    }

    @Test
    void shouldHandleLineEndingsAndCharactersSplitAcrossChunks() {
        String text = "\uFEFFid: 7\r\nevent: e\r\ndata: héllo 😀\r\n\r\n: comment\r\ndata: x\r\r";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int split = 1; split < bytes.length; split++) {
            frames.clear();
            SseParser parser = new SseParser(sink, "");
            parser.feed(ByteBuffer.wrap(bytes, 0, split));
            parser.feed(ByteBuffer.wrap(bytes, split, bytes.length - split));

            assertThat(frames).as("split at %d", split)
                    .containsExactly(new SseFrame("e", "héllo 😀", "7"), new SseFrame("message", "x", "7"));
        }
    }

    @Test
    void shouldIgnoreCommentsAndUnknownFields() {
        assertThat(parse(": keep-alive\nfoo: bar\ndata: x\n\n")).containsExactly(new SseFrame("message", "x", ""));
    }

    @Test
    void shouldNotDispatchAnEventWithoutData() {
        assertThat(parse("event: lonely\n\nid: 3\n\ndata: y\n\n")).containsExactly(new SseFrame("message", "y", "3"));
    }

    @Test
    void shouldKeepTheLastEventIdAcrossEventsAndIgnoreIdsWithNul() {
        assertThat(parse("id: a\ndata: 1\n\ndata: 2\n\nid: b\u0000c\ndata: 3\n\nid\ndata: 4\n\n")).containsExactly(
                new SseFrame("message", "1", "a"), new SseFrame("message", "2", "a"),
                new SseFrame("message", "3", "a"), new SseFrame("message", "4", ""));
    }

    @Test
    void shouldAcceptOnlyDigitsForRetry() {
        parse("retry: 2500\nretry: 1x\nretry: -5\nretry:\ndata: x\n\n");

        assertThat(retries).containsExactly(Duration.ofMillis(2500));
    }

    @Test
    void shouldDiscardAnUnterminatedEventAtTheEnd() {
        assertThat(parse("data: complete\n\ndata: incomplete\n")).containsExactly(
                new SseFrame("message", "complete", ""));
    }

    @Test
    void shouldStartFromTheGivenLastEventId() {
        SseParser parser = new SseParser(sink, "evt_9");
        parser.feed("data: x\n\n");

        assertThat(frames).containsExactly(new SseFrame("message", "x", "evt_9"));
        assertThat(parser.lastEventId()).isEqualTo("evt_9");
    }

    @Test
    void shouldKeepTheColonsInAValue() {
        assertThat(parse("data: a: b:c\n\n")).containsExactly(new SseFrame("message", "a: b:c", ""));
    }

    @Test
    void shouldDropAnEventWithAnOverlongLineOnceAndKeepItsIdAndTheNextEvent() {
        SseParser parser = new SseParser(sink, "", 64, 64);

        parser.feed("event: big\ndata: " + "x".repeat(1000) + "\nid: e1\ndata: tail\n\ndata: ok\n\n");

        assertThat(frames).containsExactly(new SseFrame("message", "ok", "e1"));
        assertThat(dropped).containsExactly("event dropped: line longer than 64 characters; skipping it up to its end");
        assertThat(parser.lastEventId()).isEqualTo("e1");
    }

    @Test
    void shouldDropAnEventWhoseDataLinesAddUpPastTheLimit() {
        SseParser parser = new SseParser(sink, "", 64, 64);

        parser.feed("data: 0123456789\n".repeat(10) + "\n" + "data: 0123456789\n".repeat(5) + "\n");

        assertThat(dropped).containsExactly(
                "event dropped: event data longer than 64 characters; skipping it up to its end");
        assertThat(frames).hasSize(1);
        assertThat(frames.get(0).data()).hasSize(5 * 10 + 4);
    }

    @Test
    void shouldReportAnEndlessLineOnceWhileFeedingAndRecoverAtItsEnd() {
        SseParser parser = new SseParser(sink, "");
        ByteBuffer chunk = ByteBuffer.wrap("y".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8));

        parser.feed(ByteBuffer.wrap("data: ".getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < 160; i++) { // 10 MiB, ten times the default limit
            parser.feed(chunk.duplicate());
        }
        assertThat(dropped).hasSize(1).first().asString().contains("line longer than 1048576 characters");
        parser.feed("\n\ndata: after\n\n");

        assertThat(frames).containsExactly(new SseFrame("message", "after", ""));
    }

    @Test
    void shouldSkipAnOverlongCommentSilentlyAndIgnoreAnOverlongId() {
        SseParser parser = new SseParser(sink, "old", 64, 64);

        parser.feed(":" + "c".repeat(500) + "\nid: " + "i".repeat(SseParser.MAX_ID_CHARS + 1) + "\ndata: x\n\n");

        assertThat(dropped).isEmpty();
        assertThat(frames).containsExactly(new SseFrame("message", "x", "old"));
    }
}
