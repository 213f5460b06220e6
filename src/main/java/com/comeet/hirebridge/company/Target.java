package com.comeet.hirebridge.company;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The HRIS a company's hires are created in. Each target has a route {@code routes/<id>-create-employee.camel.yaml}
 * and a default mapping {@code mappings/<id>-create-employee.yaml}.
 */
public enum Target {
    BAMBOOHR("bamboohr");

    private final String id;

    Target(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public String defaultMappingFile() {
        return id + "-create-employee.yaml";
    }

    static Optional<Target> byId(String id) {
        return Arrays.stream(values()).filter(target -> target.id.equals(id.trim().toLowerCase(Locale.ROOT))).findFirst();
    }

    static String known() {
        return Arrays.stream(values()).map(Target::id).collect(Collectors.joining(", "));
    }
}
