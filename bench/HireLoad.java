import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A load client for the bridge: sends signed, distinct hires at a fixed rate (open model: a slow answer does not
 * slow the sender down) and reports throughput and latency percentiles. With {@code --concurrency N} it keeps N
 * requests in flight instead (closed model: each connection waits for its answer before sending the next). With
 * {@code --stand-in PORT} it also serves an instantly answering BambooHR on that port (create-employee and the list
 * fields), so the bridge's own cost is what is measured.
 *
 *   java bench/HireLoad.java --url http://127.0.0.1:8080/comeet/bench/create-employee --secret s \
 *        --rate 300 --seconds 20 [--stand-in 18089] [--warmup-seconds 5]
 *   java bench/HireLoad.java --url http://127.0.0.1:8080/comeet/bench/hire-questionnaire --concurrency 50 ...
 *   java bench/HireLoad.java --stand-in 18089 --stand-in-only     (only the BambooHR, until stopped)
 */
public final class HireLoad {

    public static void main(String[] args) throws Exception {
        String url = option(args, "--url", "http://127.0.0.1:8080/comeet/bench/create-employee");
        String secret = option(args, "--secret", "bench-secret");
        int rate = Integer.parseInt(option(args, "--rate", "100"));
        int seconds = Integer.parseInt(option(args, "--seconds", "20"));
        int warmup = Integer.parseInt(option(args, "--warmup-seconds", "5"));
        int concurrency = Integer.parseInt(option(args, "--concurrency", "0"));
        String standIn = option(args, "--stand-in", null);
        String template = Files.readString(Path.of(option(args, "--hire", "scripts/sample-hire.json")));

        if (standIn != null) {
            serveBambooHr(Integer.parseInt(standIn));
        }
        if (args.length > 0 && args[args.length - 1].equals("--stand-in-only")) {
            return;
        }
        String run = Long.toString(System.currentTimeMillis(), 36);
        String load = concurrency > 0 ? concurrency + " concurrent requests" : "a target of " + rate + " hires/s";
        if (warmup > 0) {
            System.out.printf(Locale.ROOT, "warm-up: %d s at %s%n", warmup, load);
            fire(url, secret, template, run + "w", rate, concurrency, warmup);
        }
        Result result = fire(url, secret, template, run, rate, concurrency, seconds);
        long[] latencies = result.latenciesMicros();
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "sent %d hires in %.1f s at %s: %d answered 200, %d other, %d errors%n",
                result.sent(), result.seconds(), load, result.ok(), result.other(), result.errors());
        System.out.printf(Locale.ROOT, "throughput %.1f hires/s; latency ms p50 %.1f p90 %.1f p99 %.1f max %.1f%n",
                result.ok() / result.seconds(), percentile(latencies, 50), percentile(latencies, 90),
                percentile(latencies, 99), latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1000.0);
        System.exit(0);
    }

    record Result(int sent, long ok, long other, long errors, double seconds, long[] latenciesMicros) {
    }

    /** One signed hire, as bytes on the wire, and when it is due. */
    record Due(byte[] request, long dueNanos) {
    }

    /**
     * Sends {@code rate * seconds} hires, each due at its slot of a fixed schedule. The requests are built and signed
     * before the clock starts, and sent by a pool of threads each holding one keep-alive connection, so the client
     * spends little CPU of the two cores it shares with the bridge. A request waits in the queue when every
     * connection is busy; its latency counts from when it was due.
     */
    private static Result fire(String url, String secret, String template, String run, int rate, int concurrency,
            int seconds) throws Exception {
        URI target = URI.create(url);
        if (concurrency > 0) {
            return fireConcurrently(target, signedHires(target, secret, template, run, 10_000), concurrency, seconds);
        }
        int total = rate * seconds;
        List<byte[]> requests = signedHires(target, secret, template, run, total);
        long[] latencies = new long[total];
        AtomicInteger answered = new AtomicInteger();
        AtomicLong ok = new AtomicLong();
        AtomicLong other = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        BlockingQueue<Due> queue = new LinkedBlockingQueue<>();
        CountDownLatch done = new CountDownLatch(total);
        List<Thread> senders = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            Thread sender = new Thread(() -> {
                Sender connection = new Sender(target);
                while (true) {
                    Due next;
                    try {
                        next = queue.take();
                    } catch (InterruptedException stop) {
                        return;
                    }
                    try {
                        int status = connection.send(next.request());
                        latencies[answered.getAndIncrement()] = (System.nanoTime() - next.dueNanos()) / 1000;
                        (status == 200 ? ok : other).incrementAndGet();
                    } catch (IOException failure) {
                        errors.incrementAndGet();
                    }
                    done.countDown();
                }
            }, "sender-" + c);
            sender.setDaemon(true);
            sender.start();
            senders.add(sender);
        }
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            queue.add(new Due(requests.get(i), due));
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        senders.forEach(Thread::interrupt);
        return new Result(total, ok.get(), other.get(), errors.get(), elapsed,
                Arrays.copyOf(latencies, answered.get()));
    }

    private static final int CONNECTIONS = 64;

    /**
     * Each of {@code concurrency} connections sends a request, waits for its answer and sends the next, until the
     * end; the requests, built beforehand, are taken in turn.
     */
    private static Result fireConcurrently(URI target, List<byte[]> requests, int concurrency, int seconds)
            throws Exception {
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicLong ok = new AtomicLong();
        AtomicLong other = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Thread> senders = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            Thread sender = new Thread(() -> {
                long[] mine = new long[1 << 20];
                int count = 0;
                Sender connection = new Sender(target);
                while (System.nanoTime() < end) {
                    byte[] request = requests.get(Math.floorMod(sent.getAndIncrement(), requests.size()));
                    try {
                        long sentAt = System.nanoTime();
                        int status = connection.send(request);
                        if (count < mine.length) {
                            mine[count++] = (System.nanoTime() - sentAt) / 1000;
                        }
                        (status == 200 ? ok : other).incrementAndGet();
                    } catch (IOException failure) {
                        errors.incrementAndGet();
                    }
                }
                connection.close();
                latencies.add(Arrays.copyOf(mine, count));
            }, "sender-" + c);
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(sent.get(), ok.get(), other.get(), errors.get(), elapsed,
                latencies.stream().flatMapToLong(Arrays::stream).toArray());
    }

    /** {@code count} copies of the sample hire, each a new candidate and a new person, signed as Comeet signs. */
    private static List<byte[]> signedHires(URI target, String secret, String template, String run, int count)
            throws Exception {
        List<byte[]> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] body = template.replaceFirst("\"comeet_id\":\"[^\"]*\"", "\"comeet_id\":\"B" + run + "-" + i + "\"")
                    .replaceFirst("\"person_uid\":\"[^\"]*\"", "\"person_uid\":\"P" + run + "-" + i + "\"")
                    .getBytes(StandardCharsets.UTF_8);
            requests.add(httpPost(target, body, "sha256 " + hmac(secret, body)));
        }
        return requests;
    }

    private static byte[] httpPost(URI target, byte[] body, String signature) {
        String head = "POST " + target.getRawPath() + " HTTP/1.1\r\n"
                + "Host: " + target.getHost() + ":" + target.getPort() + "\r\n"
                + "Content-Type: application/json\r\n"
                + "signature: " + signature + "\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(headBytes, headBytes.length + body.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    /**
     * One sender's connection, opened when first needed and again after the server closed it or it failed; a failed
     * request is not sent again.
     */
    static final class Sender {
        private final URI target;
        private Connection connection;

        Sender(URI target) {
            this.target = target;
        }

        int send(byte[] request) throws IOException {
            try {
                if (connection == null) {
                    connection = new Connection(target);
                }
                int status = connection.exchange(request);
                if (connection.closing()) {
                    close();
                }
                return status;
            } catch (IOException failure) {
                close();
                throw failure;
            }
        }

        void close() {
            if (connection != null) {
                connection.close();
                connection = null;
            }
        }
    }

    /** One keep-alive HTTP/1.1 connection: writes a request, reads the status line, headers and body. */
    static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final BufferedInputStream in;
        private boolean closing;

        Connection(URI target) throws IOException {
            socket = new Socket(target.getHost(), target.getPort());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 8192);
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closing = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                    in.skipNBytes(size);
                    line();
                }
                line();
            } else if (length > 0) {
                in.skipNBytes(length);
            }
            return status;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        /** The server said {@code Connection: close} (Tomcat does after 100 requests on one connection). */
        boolean closing() {
            return closing;
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    /** BambooHR's create-employee, answered at once: 201 and a Location with a new id. */
    private static void serveBambooHr(int port) throws IOException {
        AtomicLong ids = new AtomicLong(100_000);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
        byte[] lists = ("[{\"fieldId\":\"4\",\"name\":\"Department\",\"alias\":\"department\",\"options\":["
                + "{\"id\":18,\"archived\":\"no\",\"name\":\"Engineering\"},{\"id\":19,\"archived\":\"no\","
                + "\"name\":\"Product\"},{\"id\":22,\"archived\":\"yes\",\"name\":\"Quality Assurance\"}]}]")
                .getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestURI().getPath().endsWith("/v1/meta/lists")) {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, lists.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(lists);
                }
                return;
            }
            exchange.getResponseHeaders().add("Location",
                    "https://api.bamboohr.com/api/gateway.php/bench/v1/employees/" + ids.incrementAndGet());
            exchange.sendResponseHeaders(201, -1);
            try (OutputStream ignored = exchange.getResponseBody()) {
                exchange.close();
            }
        });
        // Not daemon threads: with --stand-in-only the stand-in serves until it is stopped.
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    private static double percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1000.0;
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
