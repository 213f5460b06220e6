package com.comeet.hirebridge.inbound;

import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.comeet.hirebridge.AcmeOnBambooHrStandIn;

import static org.assertj.core.api.Assertions.assertThat;

/** A header line Tomcat refuses is answered in JSON, and its value, a signature or a credential, is never logged. */
@ExtendWith(OutputCaptureExtension.class)
class MalformedHeaderTests extends AcmeOnBambooHrStandIn {

    @Test
    void aHeaderWithAControlCharacterIsRefusedWithoutLoggingItsValue(CapturedOutput output) throws Exception {
        String digest = "5f1d0c8a".repeat(8);
        String answer;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("POST /comeet/acme/create-employee HTTP/1.1\r\nHost: localhost\r\n"
                    + "signature: sha256\u000b" + digest + "\r\nAuthorization: Basic YWRtaW46czNjcmV0\u000b\r\n"
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(answer).startsWith("HTTP/1.1 400 ");
        assertThat(answer).endsWith("\r\n\r\n{\"display_message\":\"The request could not be understood: Bad "
                + "Request.\"}");
        assertThat(output.getAll()).doesNotContain(digest, "YWRtaW46czNjcmV0");
    }
}
