package io.causeflow.receiver.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Reads a small {@code application/x-www-form-urlencoded} body, bounded while reading. */
final class FormBody {
    private FormBody() {
    }

    /**
     * @param in       the request body
     * @param maxBytes the limit; one byte more is read to detect an overlong body
     * @return the fields (the first value wins), or empty if the body is longer than the limit
     */
    static Optional<Map<String, String>> read(InputStream in, int maxBytes) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[1024];
        int total = 0;
        int n;
        while ((n = in.read(chunk, 0, Math.min(chunk.length, maxBytes + 1 - total))) > 0) {
            buffer.write(chunk, 0, n);
            total += n;
            if (total > maxBytes) {
                return Optional.empty();
            }
        }
        return Optional.of(parse(buffer.toString(StandardCharsets.US_ASCII)));
    }

    static Map<String, String> parse(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            fields.putIfAbsent(name, value);
        }
        return fields;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException e) {
            // A broken %-escape: treat the field as absent rather than guessing.
            return "";
        }
    }
}
