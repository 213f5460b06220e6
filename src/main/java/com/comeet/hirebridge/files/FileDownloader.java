package com.comeet.hirebridge.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

import org.springframework.stereotype.Component;

import com.comeet.hirebridge.company.HireBridgeProperties;

/**
 * Downloads one file from Comeet's storage, or says in a few words why not: https only, from an allowed host,
 * following at most {@value #MAX_REDIRECTS} redirects and only on the same host, within the size cap and the
 * timeout. The URL's query string (Comeet's signed token) and the content never appear in a reason.
 */
@Component
public class FileDownloader {

    static final int MAX_REDIRECTS = 3;

    private final List<String> allowedHosts;
    private final long maxSize;
    private final Duration timeout;
    private final HttpClient http;

    public FileDownloader(HireBridgeProperties properties) {
        HireBridgeProperties.Files settings = properties.files();
        this.allowedHosts = settings.allowedHosts().stream().map(host -> host.trim().toLowerCase(Locale.ROOT))
                .filter(host -> !host.isEmpty()).toList();
        this.maxSize = settings.maxSize().toBytes();
        this.timeout = settings.timeout();
        HttpClient.Builder builder = HttpClient.newBuilder()
                // Redirects are followed here, one by one, so that none leaves the host that was allowed.
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout);
        if (settings.trustStore() != null && !settings.trustStore().isBlank()) {
            builder.sslContext(trusting(Path.of(settings.trustStore().trim()), settings.trustStorePassword()));
        }
        this.http = builder.build();
    }

    /** What a download gave: the bytes and their type, or the reason there are none. */
    public record Download(byte[] content, String contentType, String failure) {

        static Download failed(String reason) {
            return new Download(null, null, reason);
        }

        public boolean succeeded() {
            return failure == null;
        }
    }

    public Download download(String url) throws InterruptedException {
        URI uri;
        try {
            uri = url == null ? null : new URI(url.trim());
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null) {
            return Download.failed(DownloadFailure.NOT_A_URL.reason());
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            return Download.failed(DownloadFailure.NOT_HTTPS.reason());
        }
        if (!allowed(uri.getHost())) {
            return Download.failed(DownloadFailure.HOST_NOT_ALLOWED.reason());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int redirects = 0; ; redirects++) {
            HttpResponse<byte[]> response;
            // Set when the body passes the cap; reading stops there, which may fail the call (HTTP/2 cancels).
            AtomicBoolean tooLarge = new AtomicBoolean();
            try {
                response = get(uri, deadline, tooLarge);
            } catch (TimeoutException | HttpTimeoutException e) {
                return Download.failed(tooLarge.get() ? DownloadFailure.TOO_LARGE.reason()
                        : DownloadFailure.TIMED_OUT.reason());
            } catch (SSLException e) {
                return Download.failed(DownloadFailure.TLS_FAILED.reason(e.getClass().getSimpleName()));
            } catch (IOException e) {
                return Download.failed(tooLarge.get() ? DownloadFailure.TOO_LARGE.reason()
                        : DownloadFailure.CONNECTION_FAILED.reason(e.getClass().getSimpleName()));
            }
            int status = response.statusCode();
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                URI next = redirect(uri, response.headers().firstValue("Location").orElse(null));
                if (next == null) {
                    return Download.failed(DownloadFailure.REDIRECT_WITHOUT_LOCATION.reason());
                }
                if (!"https".equalsIgnoreCase(next.getScheme()) || !sameOrigin(uri, next)) {
                    return Download.failed(DownloadFailure.REDIRECT_TO_ANOTHER_HOST.reason());
                }
                if (redirects == MAX_REDIRECTS) {
                    return Download.failed(DownloadFailure.TOO_MANY_REDIRECTS.reason());
                }
                uri = next;
                continue;
            }
            if (status != 200) {
                return Download.failed(DownloadFailure.storageAnswered(status));
            }
            if (tooLarge.get()) {
                return Download.failed(DownloadFailure.TOO_LARGE.reason());
            }
            return new Download(response.body(), response.headers().firstValue("Content-Type").orElse(null), null);
        }
    }

    private HttpResponse<byte[]> get(URI uri, long deadline, AtomicBoolean tooLarge)
            throws IOException, InterruptedException, TimeoutException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new TimeoutException();
        }
        HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofNanos(left)).build();
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(request,
                info -> body(info, tooLarge));
        try {
            // The request timeout ends with the headers; this one covers the body too.
            return call.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }

    /** Reads a 200's body up to the cap, and no further; any other answer's body is discarded. */
    private HttpResponse.BodySubscriber<byte[]> body(HttpResponse.ResponseInfo info, AtomicBoolean tooLarge) {
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (info.statusCode() == 200 && declared > maxSize) {
            tooLarge.set(true);
        }
        if (info.statusCode() != 200 || declared > maxSize) {
            return HttpResponse.BodySubscribers.replacing(null);
        }
        return new CappedBody(maxSize, tooLarge);
    }

    boolean allowed(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        for (String pattern : allowedHosts) {
            boolean matches = pattern.startsWith("*.") ? name.endsWith(pattern.substring(1))
                    && name.length() > pattern.length() - 1 : name.equals(pattern);
            if (matches) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameOrigin(URI from, URI to) {
        return to.getHost() != null && from.getHost().equalsIgnoreCase(to.getHost()) && port(from) == port(to);
    }

    private static int port(URI uri) {
        return uri.getPort() == -1 ? 443 : uri.getPort();
    }

    private static URI redirect(URI from, String location) {
        if (location == null || location.isBlank()) {
            return null;
        }
        try {
            return from.resolve(new URI(location.trim()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static SSLContext trusting(Path trustStore, String password) {
        char[] secret = password == null ? null : password.toCharArray();
        try (InputStream in = Files.newInputStream(trustStore)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(in, secret);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("hirebridge.files.trust-store " + trustStore + " cannot be read as a "
                    + "trust store with the configured password (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Collects a body and stops reading as soon as it passes the cap, saying so in {@code tooLarge}. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final long cap;
        private final AtomicBoolean tooLarge;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(long cap, AtomicBoolean tooLarge) {
            this.cap = cap;
            this.tooLarge = tooLarge;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (result.isDone()) {
                    return;
                }
                if (bytes.size() + (long) buffer.remaining() > cap) {
                    tooLarge.set(true);
                    subscription.cancel();
                    result.complete(null);
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
