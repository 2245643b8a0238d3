package io.causeflow.receiver.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Tests the class {@link FormBody}. */
class FormBodyTest {
    @Test
    void shouldDecodeFieldsAndKeepTheFirstValue() throws IOException {
        assertThat(FormBody.read(stream("apiKey=cflo_a%2Bb&apiKey=second&empty="), 100).orElseThrow())
                .containsEntry("apiKey", "cflo_a+b").containsEntry("empty", "");
    }

    @Test
    void shouldTreatABrokenEscapeAsAnEmptyValue() {
        assertThat(FormBody.parse("apiKey=%zz")).containsEntry("apiKey", "");
    }

    @Test
    void shouldStopReadingOneByteAfterTheLimit() throws IOException {
        AtomicLong served = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served.incrementAndGet();
                return 'a';
            }
        };
        assertThat(FormBody.read(endless, 4096)).isEmpty();
        assertThat(served.get()).isEqualTo(4097);
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }
}
