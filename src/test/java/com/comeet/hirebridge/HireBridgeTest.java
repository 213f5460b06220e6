package com.comeet.hirebridge;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The running bridge on a random port with the {@code test} profile (company acme, see application-test.yaml).
 * Values that the root application.yaml also sets are given here, where they take precedence over it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:hirebridge-test;DB_CLOSE_DELAY=-1",
    "camel.component.http.response-timeout=1500",
    "hirebridge.retries.budget=2500ms"
})
@ActiveProfiles("test")
public @interface HireBridgeTest {
}
