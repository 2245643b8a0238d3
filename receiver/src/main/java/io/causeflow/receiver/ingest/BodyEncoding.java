package io.causeflow.receiver.ingest;

import java.util.Optional;

/**
 * Recognises JSON sent in UTF-16 or UTF-32 (by byte order mark, or by the zero bytes around the first ASCII
 * characters, as RFC 4627 describes). JSON between systems must be UTF-8 (RFC 8259); a parser that silently accepts
 * other encodings lets two receivers read different texts from the same signed bytes.
 */
public final class BodyEncoding {
    private BodyEncoding() {
    }

    /** The encoding the body is in, if it is recognisably not UTF-8. */
    public static Optional<String> nonUtf8(byte[] body) {
        int b0 = body.length > 0 ? body[0] & 0xff : -1;
        int b1 = body.length > 1 ? body[1] & 0xff : -1;
        int b2 = body.length > 2 ? body[2] & 0xff : -1;
        int b3 = body.length > 3 ? body[3] & 0xff : -1;
        if (b0 == 0 && b1 == 0 && b2 == 0xfe && b3 == 0xff) {
            return Optional.of("UTF-32BE");
        }
        if (b0 == 0xff && b1 == 0xfe && b2 == 0 && b3 == 0) {
            return Optional.of("UTF-32LE");
        }
        if (b0 == 0xfe && b1 == 0xff) {
            return Optional.of("UTF-16BE");
        }
        if (b0 == 0xff && b1 == 0xfe) {
            return Optional.of("UTF-16LE");
        }
        if (body.length >= 4) {
            if (b0 == 0 && b1 == 0 && b2 == 0 && b3 != 0) {
                return Optional.of("UTF-32BE");
            }
            if (b0 != 0 && b1 == 0 && b2 == 0 && b3 == 0) {
                return Optional.of("UTF-32LE");
            }
            if (b0 == 0 && b1 != 0 && b2 == 0 && b3 != 0) {
                return Optional.of("UTF-16BE");
            }
            if (b0 != 0 && b1 == 0 && b2 != 0 && b3 == 0) {
                return Optional.of("UTF-16LE");
            }
        }
        return Optional.empty();
    }
}
