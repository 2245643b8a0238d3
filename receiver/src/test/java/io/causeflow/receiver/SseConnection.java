package io.causeflow.receiver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A raw-socket SSE client for tests: it sees the exact lines the server wrote (no SSE library in between). It speaks
 * HTTP/1.0, so the server streams the body as is, without chunked framing, and ends it by closing the connection.
 */
final class SseConnection implements AutoCloseable {
    private final Socket socket;
    private final BufferedReader reader;
    private final int status;
    private final List<String> rawLines = new ArrayList<>();

    private SseConnection(Socket socket, BufferedReader reader, int status) {
        this.socket = socket;
        this.reader = reader;
        this.status = status;
    }

    /** Opens {@code GET /v1/notifications/stream} with the given extra header lines (e.g. "Last-Event-ID: 3"). */
    static SseConnection open(URI base, Optional<Integer> receiveBuffer, String... headers) throws IOException {
        Socket socket = new Socket();
        receiveBuffer.ifPresent(size -> {
            try {
                socket.setReceiveBufferSize(size);
            }
            catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        socket.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()), 5000);
        socket.setSoTimeout(10_000);
        StringBuilder request = new StringBuilder("GET /v1/notifications/stream HTTP/1.0\r\nHost: " + base.getHost()
                + ":" + base.getPort() + "\r\nAccept: text/event-stream\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(request.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8));
        String statusLine = reader.readLine();
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        String line;
        while ((line = reader.readLine()) != null && !line.isEmpty()) {
            // response headers
        }
        return new SseConnection(socket, reader, status);
    }

    static SseConnection open(URI base, String... headers) throws IOException {
        return open(base, Optional.empty(), headers);
    }

    int status() {
        return status;
    }

    /**
     * Reads until {@code count} frames with an {@code event:} other than ping have arrived.
     *
     * @return the frames, in order
     */
    List<Frame> awaitEvents(int count, Duration timeout) throws IOException {
        List<Frame> frames = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (frames.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + frames.size() + " of " + count + " events arrived: "
                        + frames);
            }
            Optional<Frame> frame = nextFrame();
            if (frame.isEmpty()) {
                throw new IllegalStateException("stream ended after " + frames.size() + " of " + count + " events");
            }
            if (!"ping".equals(frame.get().event())) {
                frames.add(frame.get());
            }
        }
        return frames;
    }

    /** The next frame (comments skipped), or empty at end of stream. */
    Optional<Frame> nextFrame() throws IOException {
        String id = null;
        String event = null;
        String data = null;
        String line;
        while ((line = readLine()) != null) {
            rawLines.add(line);
            if (line.isEmpty()) {
                if (event != null || data != null) {
                    return Optional.of(new Frame(id, event, data));
                }
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            if (line.startsWith("id: ")) {
                id = line.substring(4);
            }
            else if (line.startsWith("event: ")) {
                event = line.substring(7);
            }
            else if (line.startsWith("data: ")) {
                data = line.substring(6);
            }
            else {
                throw new IllegalStateException("unexpected SSE line: " + line);
            }
        }
        return Optional.empty();
    }

    /** Whether nothing but pings arrives within {@code wait}. */
    boolean quietFor(Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (true) {
                long remaining = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
                if (remaining <= 0) {
                    return true;
                }
                socket.setSoTimeout((int) remaining);
                Optional<Frame> frame = nextFrame();
                if (frame.isEmpty() || !"ping".equals(frame.get().event())) {
                    return false;
                }
            }
        }
        catch (SocketTimeoutException e) {
            return true;
        }
        finally {
            socket.setSoTimeout(10_000);
        }
    }

    /** Reads to the end of the stream; returns the frames seen (pings included). */
    List<Frame> drain() throws IOException {
        List<Frame> frames = new ArrayList<>();
        try {
            Optional<Frame> frame;
            while ((frame = nextFrame()).isPresent()) {
                frames.add(frame.get());
            }
        }
        catch (java.net.SocketException e) {
            // reset by the server after it cut us: the end of the stream
        }
        return frames;
    }

    private String readLine() throws IOException {
        return reader.readLine();
    }

    List<String> rawLines() {
        return List.copyOf(rawLines);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** One SSE frame. */
    record Frame(String id, String event, String data) {
    }
}
