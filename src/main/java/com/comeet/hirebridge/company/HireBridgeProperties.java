package com.comeet.hirebridge.company;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The operator's configuration under {@code hirebridge.*}, exactly as written in {@code application.yaml}.
 * Nothing here is trusted until {@link CompanyDirectory} has validated it.
 */
@ConfigurationProperties(prefix = "hirebridge", ignoreUnknownFields = false)
public record HireBridgeProperties(
        Map<String, CompanyProperties> companies,
        @DefaultValue("mappings") String mappingsDir,
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue Sandbox sandbox) {

    public HireBridgeProperties {
        companies = companies == null ? Map.of() : companies;
    }

    /** One company, keyed by the segment Comeet's URLs carry. */
    public record CompanyProperties(
            List<String> secrets,
            String target,
            String mapping,
            BambooHrProperties bamboohr) {
    }

    /** The built-in BambooHR sandbox (demo profile only). */
    public record Sandbox(boolean enabled, String apiKey) {

        @Override
        public String toString() {
            return "Sandbox[enabled=" + enabled + ", apiKey=***]";
        }
    }

    /** The company's BambooHR account. */
    public record BambooHrProperties(String baseUrl, String apiKey) {
    }
}
