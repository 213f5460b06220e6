package com.comeet.hirebridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonWriteFeature;

/**
 * Answers Comeet's hire webhooks and creates the hired candidate in the company's HRIS.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class HireBridgeApplication {

    public static void main(String[] args) {
        SpringApplication.run(HireBridgeApplication.class, args);
    }

    /**
     * JSON we write carries an emoji as its four UTF-8 bytes, as Comeet sent it, not as an escaped surrogate pair.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer utf8Surrogates() {
        return builder -> builder.factory(JsonFactory.builder()
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .build());
    }
}
