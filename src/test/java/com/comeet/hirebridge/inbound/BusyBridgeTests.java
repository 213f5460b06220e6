package com.comeet.hirebridge.inbound;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import com.comeet.hirebridge.AcmeOnBambooHrStandIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One route thread and no queue in front of it: a webhook arriving while the thread is busy is refused with 503
 * before anything reads it, and the same webhook sent again later is served as a first delivery.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
    "spring.task.execution.pool.core-size=1",
    "spring.task.execution.pool.max-size=1",
    "spring.task.execution.pool.queue-capacity=0",
    "camel.component.http.response-timeout=10000"
})
class BusyBridgeTests extends AcmeOnBambooHrStandIn {

    @Test
    void refusesAWebhookWithNoThreadLeftAsBusyAndServesItWhenSentAgain(CapturedOutput output) throws Exception {
        byte[] first = Files.readAllBytes(Path.of("src/test/resources/hires/realistic-hire.json"));
        byte[] second = Files.readAllBytes(Path.of("src/test/resources/hires/minimal-hire.json"));
        BAMBOOHR.createEmployeeDelays(1500, 40700);

        CompletableFuture<HttpResponse<String>> held = CompletableFuture.supplyAsync(() -> post(first));
        awaitTheHireHeld();
        HttpResponse<String> refused = comeet.post(WEBHOOK, second, SECRET);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(refused.body()).isEqualTo("{\"display_message\":\"The hire bridge is busy; try again in a minute.\"}");
        assertThat(hires()).isEqualTo(1);

        assertThat(held.get(10, TimeUnit.SECONDS).body()).isEqualTo("{\"employee_id\":\"40700\",\"status\":\"created\",\"target\":\"bamboohr\"}");
        BAMBOOHR.createEmployeeAnswers(40701);
        HttpResponse<String> again = comeet.post(WEBHOOK, second, SECRET);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("{\"employee_id\":\"40701\",\"status\":\"created\",\"target\":\"bamboohr\"}");
        assertThat(BAMBOOHR.createEmployeeRequests()).hasSize(2);
        assertThat(output.getAll())
                .containsOnlyOnce("Webhooks refused with 503: every route thread is busy and the queue is full (1 so far)")
                .doesNotContain("RejectedExecutionException");
    }

    private HttpResponse<String> post(byte[] hire) {
        try {
            return comeet.post(WEBHOOK, hire, SECRET);
        } catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** The ledger records a hire before its HRIS call, so a row means the only route thread waits on the HRIS. */
    private void awaitTheHireHeld() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (hires() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(hires()).isEqualTo(1);
    }

    private long hires() {
        return db.sql("SELECT COUNT(*) FROM hire").query(Long.class).single();
    }
}
