package com.comeet.hirebridge.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Comeet's file storage for tests: WireMock over HTTPS only, on 127.0.0.1, with a certificate for
 * {@code localhost} and {@code 127.0.0.1} made by the JDK's {@code keytool} for this run. The bridge trusts it
 * through {@code hirebridge.files.trust-store}, as an operator would trust a private CA.
 */
final class FileStorageStandIn implements AutoCloseable {

    static final String PASSWORD = "storage-test-pass";

    private final WireMockServer server;
    private final Path trustStore;

    private FileStorageStandIn(WireMockServer server, Path trustStore) {
        this.server = server;
        this.trustStore = trustStore;
    }

    static FileStorageStandIn start() {
        try {
            Path folder = Files.createTempDirectory("file-storage-stand-in");
            Path keyStore = folder.resolve("storage.p12");
            Path certificate = folder.resolve("storage.crt");
            Path trustStore = folder.resolve("trust.p12");
            keytool("-genkeypair", "-alias", "storage", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                    "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
            keytool("-exportcert", "-alias", "storage", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                    "-file", certificate.toString());
            keytool("-importcert", "-noprompt", "-alias", "storage", "-file", certificate.toString(),
                    "-storetype", "PKCS12", "-keystore", trustStore.toString(), "-storepass", PASSWORD);
            WireMockServer server = new WireMockServer(options()
                    .bindAddress("127.0.0.1")
                    .httpDisabled(true)
                    .dynamicHttpsPort()
                    .keystoreType("PKCS12")
                    .keystorePath(keyStore.toString())
                    .keystorePassword(PASSWORD)
                    .keyManagerPassword(PASSWORD));
            server.start();
            return new FileStorageStandIn(server, trustStore);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + new String(output));
        }
    }

    Path trustStore() {
        return trustStore;
    }

    /** The URL of a path on this storage, under the host name the certificate and the allow-list name. */
    String url(String pathAndQuery) {
        return "https://localhost:" + server.httpsPort() + pathAndQuery;
    }

    /** The same server under another host name, one the allow-list does not hold. */
    String otherHostUrl(String pathAndQuery) {
        return "https://127.0.0.1:" + server.httpsPort() + pathAndQuery;
    }

    void serves(String path, String contentType, byte[] content) {
        server.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", contentType).withBody(content)));
    }

    /** The content in chunks, without {@code Content-Length}: only reading tells its size. */
    void servesChunked(String path, byte[] content) {
        server.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/pdf").withBody(content).withChunkedDribbleDelay(4, 20)));
    }

    void answers(String path, int status) {
        server.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(status)));
    }

    void redirects(String path, String location) {
        ResponseDefinitionBuilder redirect = aResponse().withStatus(302).withHeader("Location", location);
        server.stubFor(get(urlPathEqualTo(path)).willReturn(redirect));
    }

    /** Every request received, in order. */
    List<LoggedRequest> requests() {
        return server.findAll(anyRequestedFor(anyUrl()));
    }

    void reset() {
        server.resetAll();
    }

    @Override
    public void close() {
        server.stop();
    }
}
