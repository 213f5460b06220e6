import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A load client for the bridge: sends signed, distinct hires at a fixed rate (open model: a slow answer does not
 * slow the sender down) and reports throughput and latency percentiles. With {@code --concurrency N} it keeps N
 * requests in flight instead (closed model: each sender waits for its answer before the next). With
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
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(64))
                .connectTimeout(Duration.ofSeconds(5)).build();
        String run = Long.toString(System.currentTimeMillis(), 36);
        String load = concurrency > 0 ? concurrency + " concurrent requests" : rate + " hires/s";
        if (warmup > 0) {
            System.out.printf(Locale.ROOT, "warm-up: %d s at %s%n", warmup, load);
            fire(http, url, secret, template, run + "w", rate, concurrency, warmup);
        }
        Result result = fire(http, url, secret, template, run, rate, concurrency, seconds);
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

    private static Result fire(HttpClient http, String url, String secret, String template, String run, int rate,
            int concurrency, int seconds) throws Exception {
        if (concurrency > 0) {
            return fireConcurrently(http, url, secret, template, run, concurrency, seconds);
        }
        int total = rate * seconds;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong ok = new AtomicLong();
        AtomicLong other = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<CompletableFuture<?>> pending = new ArrayList<>(total);
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            HttpRequest request = signedHire(url, secret, template, run + "-" + i);
            long sentAt = System.nanoTime();
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((answer, failure) -> {
                if (failure != null) {
                    errors.incrementAndGet();
                } else {
                    // Latency from when the request was due, so a stalled sender cannot hide queueing.
                    latencies.add((System.nanoTime() - Math.min(sentAt, due)) / 1000);
                    (answer.statusCode() == 200 ? ok : other).incrementAndGet();
                }
                return null;
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(total, ok.get(), other.get(), errors.get(), elapsed,
                latencies.stream().mapToLong(Long::longValue).toArray());
    }

    /** Each of {@code concurrency} senders sends a hire, waits for its answer, and sends the next, until the end. */
    private static Result fireConcurrently(HttpClient http, String url, String secret, String template, String run,
            int concurrency, int seconds) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong sent = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        AtomicLong other = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Thread> senders = new ArrayList<>();
        for (int s = 0; s < concurrency; s++) {
            int sender = s;
            Thread thread = new Thread(() -> {
                for (int i = 0; System.nanoTime() < end; i++) {
                    sent.incrementAndGet();
                    try {
                        HttpRequest request = signedHire(url, secret, template, run + "-" + sender + "-" + i);
                        long sentAt = System.nanoTime();
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        latencies.add((System.nanoTime() - sentAt) / 1000);
                        (status == 200 ? ok : other).incrementAndGet();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            });
            thread.start();
            senders.add(thread);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result((int) sent.get(), ok.get(), other.get(), errors.get(), elapsed,
                latencies.stream().mapToLong(Long::longValue).toArray());
    }

    /** The sample hire as a new candidate and a new person, as real hires are, signed as Comeet signs. */
    private static HttpRequest signedHire(String url, String secret, String template, String id) throws Exception {
        byte[] body = template.replaceFirst("\"comeet_id\":\"[^\"]*\"", "\"comeet_id\":\"B" + id + "\"")
                .replaceFirst("\"person_uid\":\"[^\"]*\"", "\"person_uid\":\"P" + id + "\"")
                .getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("signature", "sha256 " + hmac(secret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
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
