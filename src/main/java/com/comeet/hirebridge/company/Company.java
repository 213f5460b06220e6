package com.comeet.hirebridge.company;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * A validated company: the name in its Comeet URLs, the keys Comeet signs with, and where its hires go.
 *
 * @param secrets the UTF-8 bytes of each accepted Comeet Secret Key (several while rotating)
 */
public record Company(String name, List<byte[]> secrets, Target target, Path mapping, BambooHrAccount bamboohr) {

    /** A BambooHR account; {@code employeesUrl} is where new employees are posted. */
    public record BambooHrAccount(URI baseUrl, String apiKey) {

        public String employeesUrl() {
            String base = baseUrl.toString();
            return (base.endsWith("/") ? base : base + "/") + "v1/employees";
        }

        @Override
        public String toString() {
            return "BambooHrAccount[baseUrl=" + baseUrl + ", apiKey=***]";
        }
    }

    @Override
    public String toString() {
        return "Company[name=" + name + ", secrets=" + secrets.size() + " configured, target=" + target.id()
                + ", mapping=" + mapping + ", bamboohr=" + bamboohr + "]";
    }
}
