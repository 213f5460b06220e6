package com.comeet.hirebridge.inbound;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A webhook that arrives when every route thread is busy and the queue in front of them is full
 * ({@code spring.task.execution.pool.*}) is refused with 503 before anything reads it, so Comeet can send it again
 * and nothing of it is half done. Counted on {@code hirebridge.webhooks.refused.busy}; logged at most once a minute.
 */
@RestControllerAdvice
public class BusyAnswer {

    static final String BUSY = "The hire bridge is busy; try again in a minute.";

    private static final Logger log = LoggerFactory.getLogger(BusyAnswer.class);
    private static final long LOG_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final Counter refused;
    private final AtomicLong nextLogAt = new AtomicLong(System.nanoTime());

    public BusyAnswer(MeterRegistry meters) {
        this.refused = Counter.builder("hirebridge.webhooks.refused.busy")
                .description("Webhooks refused with 503 because every route thread was busy and the queue full")
                .register(meters);
    }

    @ExceptionHandler(RejectedExecutionException.class)
    public ResponseEntity<Map<String, String>> busy(RejectedExecutionException refusal) {
        refused.increment();
        long now = System.nanoTime();
        long due = nextLogAt.get();
        if (now - due >= 0 && nextLogAt.compareAndSet(due, now + LOG_EVERY_NANOS)) {
            log.warn("Webhooks refused with 503: every route thread is busy and the queue is full ({} so far); "
                    + "see spring.task.execution.pool", (long) refused.count());
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.RETRY_AFTER, "60").body(Map.of("display_message", BUSY));
    }
}
