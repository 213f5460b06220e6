package com.comeet.hirebridge.company;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The HRIS a company's hires are created in. Each target has a route {@code routes/<id>-<operation>.camel.yaml},
 * reached from the content-based router of {@code routes/hire-create-employee.camel.yaml}, and a default mapping
 * {@code mappings/<id>-<operation>.yaml}, named after the HRIS's own operation.
 */
public enum Target {
    BAMBOOHR("bamboohr", "bamboohr-create-employee.yaml"),
    WORKDAY("workday", "workday-hire-employee.yaml");

    private final String id;
    private final String defaultMappingFile;

    Target(String id, String defaultMappingFile) {
        this.id = id;
        this.defaultMappingFile = defaultMappingFile;
    }

    public String id() {
        return id;
    }

    public String defaultMappingFile() {
        return defaultMappingFile;
    }

    static Optional<Target> byId(String id) {
        return Arrays.stream(values()).filter(target -> target.id.equals(id.trim().toLowerCase(Locale.ROOT))).findFirst();
    }

    static String known() {
        return Arrays.stream(values()).map(Target::id).collect(Collectors.joining(", "));
    }
}
